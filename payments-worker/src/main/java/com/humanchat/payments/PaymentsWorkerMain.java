package com.humanchat.payments;

import com.humanchat.ops.OpsHttpServer;
import com.humanchat.ops.ServiceRunner;
import com.humanchat.payments.config.PaymentsConfig;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * Entry point of the payments worker: config from the environment, start, serve {@code /metrics} (the worker's
 * counters and its consumer group's lag) and {@code /health/*} on {@value OpsHttpServer#PORT_VARIABLE}, stop on
 * SIGTERM.
 */
public final class PaymentsWorkerMain {

    private PaymentsWorkerMain() {}

    public static void main(String[] args) throws InterruptedException, IOException {
        PaymentsConfig config = PaymentsConfig.fromEnv(System.getenv());
        int opsPort = OpsHttpServer.portFromEnv(System.getenv());
        ServiceRunner.run(
                "payments-worker",
                opsPort,
                config.kafkaBootstrap(),
                registry -> PaymentsWorker.start(config, registry, Clock.systemUTC()),
                PaymentsWorker::isHealthy,
                PaymentsWorker::isLive,
                worker -> List.of(config.groupId()));
    }
}
