package com.humanchat.edge.admin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.ProblemType;
import com.humanchat.schemas.Json;
import com.humanchat.schemas.admin.MetricsSnapshot;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The latest {@link MetricsSnapshot} this replica has read from {@code admin.metrics}: {@code GET /api/admin/metrics}
 * answers it as is, so an admin's request never scans a table. Thread-safe; an older snapshot (read again after a
 * reconnect) never replaces a newer one.
 */
public final class AdminMetrics {

    /** Until the first snapshot: the metrics topology emits one every few seconds. */
    static final long RETRY_AFTER_SECONDS = 5;

    private static final List<String> ENVELOPE = List.of("eventId", "type", "version", "occurredAt");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final AtomicReference<MetricsSnapshot> latest = new AtomicReference<>();

    public void accept(MetricsSnapshot snapshot) {
        latest.accumulateAndGet(
                snapshot, (current, next) -> current != null && current.asOf().isAfter(next.asOf()) ? current : next);
    }

    /** Empty until the first snapshot arrives. */
    public Optional<MetricsSnapshot> latest() {
        return Optional.ofNullable(latest.get());
    }

    /**
     * The latest snapshot without its envelope ({@code eventId}, {@code type}, {@code version}, {@code occurredAt}):
     * {@code asOf} says when its figures were computed.
     *
     * @throws ProblemException 503 {@code metrics-unavailable} with {@code Retry-After} until the first snapshot
     */
    public JsonObject answer() {
        MetricsSnapshot snapshot = latest().orElseThrow(() -> ProblemType.METRICS_UNAVAILABLE.retryAfter(
                "no metrics snapshot has been received yet; retry shortly", RETRY_AFTER_SECONDS));
        JsonObject body = new JsonObject(Json.mapper().convertValue(snapshot, MAP));
        ENVELOPE.forEach(body::remove);
        return body;
    }
}
