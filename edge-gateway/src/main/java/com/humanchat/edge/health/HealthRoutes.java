package com.humanchat.edge.health;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /health/live} (the event loop answers and every {@link LivenessChecks} check says alive, else 503) and
 * {@code GET /health/ready} (200 when {@link ReadinessReport#ready()}, else 503). On the ops port the answers name
 * every check, what is degraded or dead and why; on the public port they are only {@code {"status":"UP"|"DOWN"}}, so
 * that the internet learns nothing of the platform's dependencies.
 */
public final class HealthRoutes {

    private final ReadinessCheck readiness;
    private final LivenessChecks liveness;

    public HealthRoutes(ReadinessCheck readiness, LivenessChecks liveness) {
        this.readiness = readiness;
        this.liveness = liveness;
    }

    /** The minimal probes of the public port. */
    public void mountPublic(Router root) {
        root.get("/health/live").handler(ctx -> live(ctx, false));
        root.get("/health/ready").handler(ctx -> ready(ctx, false));
    }

    /** The detailed probes of the ops port. */
    public void mountDetailed(Router ops) {
        ops.get("/health/live").handler(ctx -> live(ctx, true));
        ops.get("/health/ready").handler(ctx -> ready(ctx, true));
    }

    private void live(RoutingContext ctx, boolean detailed) {
        List<String> down = liveness.down();
        JsonObject body = status(down.isEmpty());
        if (detailed && !down.isEmpty()) {
            body.put("down", new JsonArray(down));
        }
        json(ctx, down.isEmpty() ? 200 : 503, body);
    }

    private void ready(RoutingContext ctx, boolean detailed) {
        readiness
                .check()
                .onSuccess(report ->
                        json(ctx, report.ready() ? 200 : 503, detailed ? toJson(report) : status(report.ready())))
                .onFailure(ctx::fail);
    }

    static JsonObject toJson(ReadinessReport report) {
        return status(report.ready())
                .put(
                        "checks",
                        new JsonObject()
                                .put("kafka", upOrDown(report.kafka()))
                                .put("postgres", upOrDown(report.postgres()))
                                .put("redis", upOrDown(report.redis()))
                                .put("fanOut", upOrDown(report.fanOut())))
                .put("degraded", new JsonArray(report.degraded()))
                .put("notes", new JsonArray(report.notes()));
    }

    private static JsonObject status(boolean up) {
        return new JsonObject().put("status", upOrDown(up));
    }

    private static String upOrDown(boolean up) {
        return up ? "UP" : "DOWN";
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }
}
