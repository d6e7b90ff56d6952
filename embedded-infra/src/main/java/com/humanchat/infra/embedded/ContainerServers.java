package com.humanchat.infra.embedded;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * {@code -Ptestcontainers}: Kafka, PostgreSQL and Redis in Docker containers (Testcontainers) instead of the embedded
 * servers, for the same integration tests — the way a CI with a Docker engine runs them. The profile sets the system
 * property {@value SharedTestInfra#INFRA_PROPERTY}{@code =containers}; {@link SharedTestInfra} then hands out the containers' addresses as
 * if an operator had named them ({@code HUMANCHAT_KAFKA_BOOTSTRAP}, …), so outage tests that need an embedded server
 * skip. Without a Docker engine, {@link DockerRequiredForContainers} reports every test class skipped. The containers
 * are stopped with the JVM (Testcontainers' reaper).
 */
public final class ContainerServers {

    static final String SKIP_MESSAGE = "SKIPPED: no Docker engine — -Ptestcontainers runs the integration tests against"
            + " Kafka, PostgreSQL and Redis containers and needs one (run without the profile for the embedded servers)";

    private static final Logger LOG = LoggerFactory.getLogger(ContainerServers.class);
    // Only used under the profile, which puts Testcontainers on the test classpath (it is optional here).
    private static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    private static final String POSTGRES_IMAGE = "postgres:17-alpine";
    private static final String REDIS_IMAGE = "redis:7.4-alpine";

    private static Boolean dockerAvailable;

    private ContainerServers() {}

    /** Asks Testcontainers once per JVM whether a Docker engine answers. */
    static synchronized boolean dockerAvailable() {
        if (dockerAvailable == null) {
            dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
            if (!dockerAvailable) {
                LOG.warn(SKIP_MESSAGE);
            }
        }
        return dockerAvailable;
    }

    /** Starts the three containers and returns their addresses as the {@code HUMANCHAT_*} variables name them. */
    static Map<String, String> start() {
        if (!dockerAvailable()) {
            throw new IllegalStateException(SKIP_MESSAGE);
        }
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        PostgreSQLContainer postgres =
                new PostgreSQLContainer(DockerImageName.parse(POSTGRES_IMAGE)).withUsername("postgres");
        GenericContainer<?> redis = new GenericContainer<>(DockerImageName.parse(REDIS_IMAGE)).withExposedPorts(6379);
        kafka.start();
        postgres.start();
        redis.start();
        Map<String, String> addresses = Map.of(
                SharedTestInfra.KAFKA_BOOTSTRAP_VARIABLE,
                kafka.getBootstrapServers(),
                SharedTestInfra.PG_URL_VARIABLE,
                "postgresql://" + postgres.getUsername() + ":" + postgres.getPassword() + "@" + postgres.getHost() + ":"
                        + postgres.getMappedPort(5432) + "/" + postgres.getDatabaseName(),
                SharedTestInfra.REDIS_URL_VARIABLE,
                "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379));
        LOG.info("Testcontainers: {}", addresses);
        return addresses;
    }
}
