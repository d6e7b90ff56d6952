package com.humanchat.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.humanchat.schemas.config.InvalidConfigurationException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainStreamsConfigTest {

    @Test
    void needsOnlyTheBootstrapServers() {
        DomainStreamsConfig config = DomainStreamsConfig.fromEnv(Map.of("HUMANCHAT_KAFKA_BOOTSTRAP", "kafka:9092"));

        assertThat(config.bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(config.stateDir()).isEqualTo(Path.of("var", "streams"));
        assertThat(config.threads()).isEqualTo(1);
        assertThat(config.replicationFactor()).isEqualTo((short) 1);
        assertThat(config.partitions()).isEqualTo(12);
        assertThat(config.standbyReplicas()).isZero();
        assertThat(config.commitInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.dedupeRetention()).isEqualTo(Duration.ofHours(25));
        assertThat(config.conversationsApplicationId()).isEqualTo("humanchat-conversations");
        assertThat(config.unreadApplicationId()).isEqualTo("humanchat-unread");
        assertThat(config.sessionsApplicationId()).isEqualTo("humanchat-sessions");
        assertThat(config.requestsApplicationId()).isEqualTo("humanchat-requests");
        assertThat(config.metricsApplicationId()).isEqualTo("humanchat-metrics");
        assertThat(config.metricsInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.instanceId()).as("dynamic group members unless named").isNull();
    }

    @Test
    void readsEveryOptionalVariable() {
        DomainStreamsConfig config = DomainStreamsConfig.fromEnv(Map.of(
                "HUMANCHAT_KAFKA_BOOTSTRAP", "a:9092,b:9092",
                "HUMANCHAT_STREAMS_STATE_DIR", "/data/streams",
                "HUMANCHAT_STREAMS_THREADS", "4",
                "HUMANCHAT_KAFKA_REPLICATION", "3",
                "HUMANCHAT_KAFKA_PARTITIONS", "24",
                "HUMANCHAT_STREAMS_STANDBY_REPLICAS", "1",
                "HUMANCHAT_STREAMS_COMMIT_INTERVAL_MS", "200",
                "HUMANCHAT_DEDUPE_RETENTION_HOURS", "48",
                "HUMANCHAT_METRICS_INTERVAL_SECONDS", "2",
                "HUMANCHAT_STREAMS_INSTANCE_ID", "humanchat-domain-streams-1"));

        assertThat(config.stateDir()).isEqualTo(Path.of("/data/streams"));
        assertThat(config.threads()).isEqualTo(4);
        assertThat(config.replicationFactor()).isEqualTo((short) 3);
        assertThat(config.partitions()).isEqualTo(24);
        assertThat(config.standbyReplicas()).isEqualTo(1);
        assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.dedupeRetention()).isEqualTo(Duration.ofHours(48));
        assertThat(config.metricsInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.instanceId()).isEqualTo("humanchat-domain-streams-1");
    }

    @Test
    void keepsTheStateUnderTheDataDirectory() {
        DomainStreamsConfig config = DomainStreamsConfig.fromEnv(
                Map.of("HUMANCHAT_KAFKA_BOOTSTRAP", "kafka:9092", "HUMANCHAT_DATA_DIR", "/srv/humanchat"));

        assertThat(config.stateDir()).isEqualTo(Path.of("/srv/humanchat", "streams"));
    }

    @Test
    void reportsEveryMissingOrInvalidVariableAtOnce() {
        InvalidConfigurationException error = catchThrowableOfType(
                InvalidConfigurationException.class,
                () -> DomainStreamsConfig.fromEnv(Map.of(
                        "HUMANCHAT_STREAMS_THREADS", "many",
                        "HUMANCHAT_KAFKA_REPLICATION", "0",
                        "HUMANCHAT_DEDUPE_RETENTION_HOURS", "12",
                        "HUMANCHAT_STREAMS_INSTANCE_ID", "pod 1; drop")));

        assertThat(error.problems())
                .hasSize(5)
                .anySatisfy(problem -> assertThat(problem).startsWith("HUMANCHAT_STREAMS_INSTANCE_ID must be 1-200"))
                .anySatisfy(problem -> assertThat(problem).startsWith("HUMANCHAT_KAFKA_BOOTSTRAP is required"))
                .anySatisfy(
                        problem -> assertThat(problem).startsWith("HUMANCHAT_STREAMS_THREADS must be a whole number"))
                .anySatisfy(problem -> assertThat(problem).startsWith("HUMANCHAT_KAFKA_REPLICATION must be between 1"))
                .anySatisfy(problem ->
                        assertThat(problem).startsWith("HUMANCHAT_DEDUPE_RETENTION_HOURS must be between 24"));
        assertThat(error.getMessage()).contains("HUMANCHAT_KAFKA_BOOTSTRAP").contains("HUMANCHAT_STREAMS_THREADS");
    }

    @Test
    void treatsABlankVariableAsUnset() {
        InvalidConfigurationException error = catchThrowableOfType(
                InvalidConfigurationException.class,
                () -> DomainStreamsConfig.fromEnv(Map.of("HUMANCHAT_KAFKA_BOOTSTRAP", "  ")));

        assertThat(error.problems()).singleElement().asString().contains("HUMANCHAT_KAFKA_BOOTSTRAP");
    }
}
