package com.humanchat.streams.projector;

import com.humanchat.schemas.TopicProvisioner;
import io.micrometer.core.instrument.logging.LoggingMeterRegistry;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the projector deployable: reads {@link ProjectorConfig} from the environment, creates missing topics,
 * runs until the process is told to stop. Exits 2 on invalid configuration. The database must have been migrated by
 * the migration step; until it is, the projector retries and reports itself unhealthy.
 */
public final class ProjectorMain {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectorMain.class);

    private ProjectorMain() {}

    public static void main(String[] args) throws InterruptedException {
        ProjectorConfig config;
        try {
            config = ProjectorConfig.fromEnv(System.getenv());
        } catch (IllegalArgumentException e) {
            LOG.error("{}", e.getMessage());
            System.exit(2);
            return;
        }
        TopicProvisioner.ensureTopics(config.kafkaBootstrap(), config.topicPartitions(), config.replicationFactor());

        // No HTTP endpoint of its own: meters go to the log once a minute.
        LoggingMeterRegistry registry = new LoggingMeterRegistry();
        Projector projector = Projector.start(config, registry);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            projector.close();
                            registry.close();
                            stopped.countDown();
                        },
                        "humanchat-projector-shutdown"));
        stopped.await();
    }
}
