package com.humanchat.streams.projector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.humanchat.schemas.config.InvalidConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectorConfigTest {

    private static final Map<String, String> REQUIRED = Map.of(
            "HUMANCHAT_KAFKA_BOOTSTRAP", "kafka:9092",
            "HUMANCHAT_PG_URL", "postgresql://chat:secret@db:5433/humanchat");

    @Test
    void readsTheRequiredVariablesAndDefaultsTheRest() {
        ProjectorConfig config = ProjectorConfig.fromEnv(REQUIRED);

        assertThat(config.kafkaBootstrap()).isEqualTo("kafka:9092");
        assertThat(config.postgres().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5433/humanchat");
        assertThat(config.postgres().user()).isEqualTo("chat");
        assertThat(config.postgres().password()).isEqualTo("secret");
        assertThat(config.threads()).isEqualTo(1);
        assertThat(config.maxBatch()).isEqualTo(ProjectorConfig.DEFAULT_MAX_BATCH);
        assertThat(config.groupId()).isEqualTo("humanchat-projector");
        assertThat(config.eventsTopic()).isEqualTo("chat.events");
        assertThat(config.unreadTopic()).isEqualTo("chat.unread");
    }

    @Test
    void readsTheOptionalVariables() {
        Map<String, String> env = new java.util.HashMap<>(REQUIRED);
        env.put("HUMANCHAT_PROJECTOR_THREADS", "4");
        env.put("HUMANCHAT_PROJECTOR_MAX_BATCH", "200");
        env.put("HUMANCHAT_KAFKA_PARTITIONS", "6");
        env.put("HUMANCHAT_KAFKA_REPLICATION", "3");

        ProjectorConfig config = ProjectorConfig.fromEnv(env);

        assertThat(config.threads()).isEqualTo(4);
        assertThat(config.maxBatch()).isEqualTo(200);
        assertThat(config.topicPartitions()).isEqualTo(6);
        assertThat(config.replicationFactor()).isEqualTo((short) 3);
    }

    @Test
    void reportsEveryMissingOrInvalidVariableAtOnce() {
        assertThatThrownBy(() -> ProjectorConfig.fromEnv(
                        Map.of("HUMANCHAT_PROJECTOR_THREADS", "zero", "HUMANCHAT_PROJECTOR_MAX_BATCH", "0")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("HUMANCHAT_KAFKA_BOOTSTRAP is required")
                .hasMessageContaining("HUMANCHAT_PG_URL is required")
                .hasMessageContaining("HUMANCHAT_PROJECTOR_THREADS must be a whole number")
                .hasMessageContaining("HUMANCHAT_PROJECTOR_MAX_BATCH must be between 1 and");
    }

    @Test
    void rejectsAnUnparsablePostgresUrlWithoutEchoingIt() {
        assertThatThrownBy(() -> ProjectorConfig.fromEnv(
                        Map.of("HUMANCHAT_KAFKA_BOOTSTRAP", "kafka:9092", "HUMANCHAT_PG_URL", "mysql://x:pw@db/y")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("HUMANCHAT_PG_URL is invalid")
                .hasMessageNotContaining("pw");
    }

    @Test
    void treatsBlankValuesAsUnset() {
        assertThatThrownBy(() -> ProjectorConfig.fromEnv(
                        Map.of("HUMANCHAT_KAFKA_BOOTSTRAP", "  ", "HUMANCHAT_PG_URL", "postgresql://db/humanchat")))
                .hasMessageContaining("HUMANCHAT_KAFKA_BOOTSTRAP is required")
                .hasMessageNotContaining("HUMANCHAT_PG_URL");
    }
}
