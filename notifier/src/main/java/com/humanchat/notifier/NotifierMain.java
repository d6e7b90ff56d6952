package com.humanchat.notifier;

import com.humanchat.notifier.config.NotifierConfig;
import com.humanchat.ops.OpsHttpServer;
import com.humanchat.ops.ServiceRunner;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * Entry point of the notifier: config from the environment, start, serve {@code /metrics} and {@code /health/*} on
 * {@value OpsHttpServer#PORT_VARIABLE}, stop on SIGTERM.
 */
public final class NotifierMain {

    private NotifierMain() {}

    public static void main(String[] args) throws InterruptedException, IOException {
        NotifierConfig config = ServiceRunner.configOrExit(() -> NotifierConfig.fromEnv(System.getenv()));
        int opsPort = OpsHttpServer.portFromEnv(System.getenv());
        ServiceRunner.run(
                "notifier",
                opsPort,
                config.kafkaBootstrap(),
                registry -> Notifier.start(config, registry, Clock.systemUTC()),
                Notifier::isHealthy,
                Notifier::isLive,
                notifier -> List.of(config.groupId()));
    }
}
