package com.humanchat.edge.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.humanchat.edge.http.ProblemException;
import com.humanchat.schemas.admin.MetricsSnapshot;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AdminMetricsTest {

    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

    private static MetricsSnapshot snapshot(Instant asOf, long messagesPerMinute) {
        return new MetricsSnapshot(
                UUID.randomUUID(),
                1,
                asOf,
                5,
                messagesPerMinute,
                3,
                2,
                15,
                Map.of("requested", 1L, "accepted", 0L, "awaiting_payment", 0L, "confirmed", 2L, "in_progress", 0L),
                4,
                new MetricsSnapshot.Sam(1, null, null, 0),
                Map.of("usd", new MetricsSnapshot.Revenue(5000, 0, 500)));
    }

    @Test
    void answers503MetricsUnavailableWithRetryAfterBeforeTheFirstSnapshot() {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> new AdminMetrics().answer());

        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.slug()).isEqualTo("metrics-unavailable");
        assertThat(problem.headers()).containsEntry("Retry-After", "5");
    }

    @Test
    void answersTheLatestSnapshotWithAsOfAndWithoutItsEnvelope() {
        AdminMetrics metrics = new AdminMetrics();
        metrics.accept(snapshot(T, 7));

        JsonObject body = metrics.answer();

        assertThat(body.getString("asOf")).isEqualTo(T.toString());
        assertThat(body.getLong("messagesPerMinute")).isEqualTo(7);
        assertThat(body.getJsonObject("sessionsByStatus").getLong("confirmed")).isEqualTo(2);
        assertThat(body.getJsonObject("sam").containsKey("latencyP50Ms")).isTrue();
        assertThat(body.getJsonObject("sam").getValue("latencyP50Ms")).isNull();
        assertThat(body.getJsonObject("revenue24h").getJsonObject("usd").getLong("platformFeeCents"))
                .isEqualTo(500);
        assertThat(body.fieldNames()).doesNotContain("eventId", "type", "version", "occurredAt");
        assertThat(new JsonObject(body.encode()).getJsonObject("sam").getLong("queueDepth"))
                .isEqualTo(1);
    }

    @Test
    void anOlderSnapshotNeverReplacesANewerOne() {
        AdminMetrics metrics = new AdminMetrics();
        metrics.accept(snapshot(T.plusSeconds(5), 9));
        metrics.accept(snapshot(T, 1));

        assertThat(metrics.latest())
                .get()
                .extracting(MetricsSnapshot::messagesPerMinute)
                .isEqualTo(9L);

        metrics.accept(snapshot(T.plusSeconds(10), 4));
        assertThat(metrics.latest())
                .get()
                .extracting(MetricsSnapshot::messagesPerMinute)
                .isEqualTo(4L);
    }
}
