package com.humanchat.chaos;

import com.humanchat.infra.embedded.EmbeddedKafka;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A single-node KRaft broker in a JVM of its own, so that a test can SIGKILL it and start it again on the same port
 * and log directory: {@code BrokerMain LOG_DIR PORT}. The directory is formatted on first use and reused afterwards.
 */
public final class BrokerMain {

    private BrokerMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: BrokerMain LOG_DIR PORT");
        }
        EmbeddedKafka kafka = EmbeddedKafka.start(Path.of(args[0]), Integer.parseInt(args[1]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            kafka.stop();
                            stopped.countDown();
                        },
                        "broker-shutdown"));
        stopped.await();
    }
}
