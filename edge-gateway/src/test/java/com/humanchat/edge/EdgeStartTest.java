package com.humanchat.edge;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.humanchat.edge.config.EdgeConfig;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EdgeStartTest {

    @Test
    void aStartThatCannotBuildItsKafkaClientsFailsWithTheReasonInsteadOfHanging() {
        EdgeConfig config = EdgeConfig.fromEnv(Map.of(
                "HUMANCHAT_HTTP_PORT", "0",
                "HUMANCHAT_KAFKA_BOOTSTRAP", "no-port-here",
                "HUMANCHAT_PG_URL", "postgresql://postgres@127.0.0.1:1/none",
                "HUMANCHAT_REDIS_URL", "redis://127.0.0.1:1",
                "HUMANCHAT_JWT_SECRET", "0123456789abcdef0123456789abcdef",
                "HUMANCHAT_REPLICA_ID", "edge-start-test"));

        assertThatThrownBy(() -> Edge.start(config).await(30, TimeUnit.SECONDS))
                .hasStackTraceContaining("bootstrap.servers");
    }
}
