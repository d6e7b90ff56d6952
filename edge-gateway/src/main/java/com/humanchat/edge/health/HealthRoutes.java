package com.humanchat.edge.health;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /health/live} (the event loop answers and every {@link LivenessChecks} check says alive, else 503 naming
 * the dead ones) and {@code GET /health/ready} (200 when {@link ReadinessReport#ready()}, else 503, with every check in
 * the body either way).
 */
public final class HealthRoutes {

    private final ReadinessCheck readiness;
    private final LivenessChecks liveness;

    public HealthRoutes(ReadinessCheck readiness, LivenessChecks liveness) {
        this.readiness = readiness;
        this.liveness = liveness;
    }

    public void mount(Router root) {
        root.get("/health/live").handler(this::live);
        root.get("/health/ready").handler(this::ready);
    }

    private void live(RoutingContext ctx) {
        List<String> down = liveness.down();
        if (down.isEmpty()) {
            json(ctx, 200, new JsonObject().put("status", "UP"));
        } else {
            json(ctx, 503, new JsonObject().put("status", "DOWN").put("down", new JsonArray(down)));
        }
    }

    private void ready(RoutingContext ctx) {
        readiness
                .check()
                .onSuccess(report -> json(ctx, report.ready() ? 200 : 503, toJson(report)))
                .onFailure(ctx::fail);
    }

    static JsonObject toJson(ReadinessReport report) {
        return new JsonObject()
                .put("status", upOrDown(report.ready()))
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
