package com.humanchat.sam;

import com.humanchat.ops.ServiceRunner;
import com.humanchat.sam.config.SamWorkerConfig;
import com.humanchat.schemas.TopicProvisioner;
import java.io.IOException;
import java.util.List;

/**
 * Entry point of the sam-worker deployable: reads {@link SamWorkerConfig}, creates missing topics, runs a
 * {@link SamWorker} and serves {@code /metrics} (Prometheus, with the consumer group's lag), {@code /health/live} and
 * {@code /health/ready} on {@code HUMANCHAT_SAM_HTTP_PORT} until the process is told to stop. Exits 2 on invalid
 * configuration.
 */
public final class SamWorkerMain {

    private SamWorkerMain() {}

    public static void main(String[] args) throws InterruptedException, IOException {
        SamWorkerConfig config = ServiceRunner.configOrExit(() -> SamWorkerConfig.fromEnv(System.getenv()));
        TopicProvisioner.ensureTopics(config.kafkaBootstrap(), config.topicPartitions(), config.replicationFactor());
        ServiceRunner.run(
                "sam-worker",
                config.httpPort(),
                config.kafkaBootstrap(),
                registry -> SamWorker.start(config, registry),
                SamWorker::isHealthy,
                SamWorker::isLive,
                worker -> List.of(config.groupId()));
    }
}
