package com.humanchat.streams.projector;

import com.humanchat.ops.OpsHttpServer;
import com.humanchat.ops.ServiceRunner;
import com.humanchat.schemas.TopicProvisioner;
import java.io.IOException;
import java.util.List;

/**
 * Entry point of the projector deployable: reads {@link ProjectorConfig} from the environment, creates missing topics,
 * runs until the process is told to stop, serving {@code /metrics} and {@code /health/*} on
 * {@value OpsHttpServer#PORT_VARIABLE}. Exits 2 on invalid configuration. The database must have been migrated by the
 * migration step; until it is, the projector retries and reports itself unhealthy.
 */
public final class ProjectorMain {

    private ProjectorMain() {}

    public static void main(String[] args) throws InterruptedException, IOException {
        ProjectorConfig config = ServiceRunner.configOrExit(() -> ProjectorConfig.fromEnv(System.getenv()));
        int opsPort = ServiceRunner.configOrExit(() -> OpsHttpServer.portFromEnv(System.getenv()));
        TopicProvisioner.ensureTopics(config.kafkaBootstrap(), config.topicPartitions(), config.replicationFactor());

        ServiceRunner.run(
                "projector",
                opsPort,
                config.kafkaBootstrap(),
                registry -> Projector.start(config, registry),
                Projector::isHealthy,
                Projector::isLive,
                projector -> List.of(config.groupId()));
    }
}
