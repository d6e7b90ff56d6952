package com.humanchat.payments;

import com.humanchat.payments.config.PaymentsConfig;
import java.util.concurrent.CountDownLatch;

/** Entry point of the payments worker: config from the environment, start, stop on SIGTERM. */
public final class PaymentsWorkerMain {

    private PaymentsWorkerMain() {}

    public static void main(String[] args) throws InterruptedException {
        PaymentsWorker worker = PaymentsWorker.start(PaymentsConfig.fromEnv(System.getenv()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            worker.close();
                            stopped.countDown();
                        },
                        "payments-worker-shutdown"));
        stopped.await();
    }
}
