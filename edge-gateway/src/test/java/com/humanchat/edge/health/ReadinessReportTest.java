package com.humanchat.edge.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ReadinessReportTest {

    @Test
    void readyWhenEverythingIsUp() {
        ReadinessReport report = new ReadinessReport(true, true, true, true);

        assertThat(report.ready()).isTrue();
        assertThat(report.degraded()).isEmpty();
        assertThat(report.notes()).isEmpty();
    }

    @Test
    void stillReadyWithoutRedisButSaysWhy() {
        ReadinessReport report = new ReadinessReport(true, true, false, true);

        assertThat(report.ready()).isTrue();
        assertThat(report.degraded()).containsExactly("redis");
        assertThat(report.notes())
                .singleElement()
                .asString()
                .contains("presence")
                .contains("chat keeps working");
    }

    @Test
    void notReadyWithoutKafkaPostgresOrFanOut() {
        assertThat(new ReadinessReport(false, true, true, true).ready()).isFalse();
        assertThat(new ReadinessReport(true, false, true, true).ready()).isFalse();
        assertThat(new ReadinessReport(true, true, true, false).ready()).isFalse();
    }

    @Test
    void theBodyListsEveryCheck() {
        JsonObject body = HealthRoutes.toJson(new ReadinessReport(true, false, false, true));

        assertThat(body.getString("status")).isEqualTo("DOWN");
        assertThat(body.getJsonObject("checks").getMap())
                .containsEntry("kafka", "UP")
                .containsEntry("postgres", "DOWN")
                .containsEntry("redis", "DOWN")
                .containsEntry("fanOut", "UP");
    }
}
