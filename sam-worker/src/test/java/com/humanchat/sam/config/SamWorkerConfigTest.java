package com.humanchat.sam.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.humanchat.schemas.config.InvalidConfigurationException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamWorkerConfigTest {

    private static final Map<String, String> MINIMAL = Map.of(
            "HUMANCHAT_KAFKA_BOOTSTRAP", "kafka:9092",
            "HUMANCHAT_PG_URL", "postgresql://sam:secret@db:5432/humanchat",
            "HUMANCHAT_REDIS_URL", "redis://redis:6379");

    @Test
    void runsWithoutAKeyOnDefaults() {
        SamWorkerConfig config = SamWorkerConfig.fromEnv(MINIMAL);

        assertThat(config.geminiConfigured()).isFalse();
        assertThat(config.geminiModel()).isEqualTo(SamWorkerConfig.DEFAULT_MODEL);
        assertThat(config.maxInFlight()).isEqualTo(8);
        assertThat(config.maxAttempts()).isEqualTo(5);
        assertThat(config.historyTurns()).isEqualTo(20);
        assertThat(config.callTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.groupId()).isEqualTo("humanchat-sam");
        assertThat(config.postgres().database()).isEqualTo("humanchat");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> SamWorkerConfig.fromEnv(Map.of(
                        "HUMANCHAT_SAM_MAX_IN_FLIGHT", "0",
                        "HUMANCHAT_SAM_RETRY_INITIAL_MS", "5000",
                        "HUMANCHAT_SAM_RETRY_MAX_MS", "100")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("HUMANCHAT_KAFKA_BOOTSTRAP")
                .hasMessageContaining("HUMANCHAT_PG_URL")
                .hasMessageContaining("HUMANCHAT_REDIS_URL")
                .hasMessageContaining("HUMANCHAT_SAM_MAX_IN_FLIGHT")
                .hasMessageContaining("HUMANCHAT_SAM_RETRY_MAX_MS");
    }
}
