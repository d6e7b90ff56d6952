package com.humanchat.edge.health;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /health/live} (the event loop answers) and {@code GET /health/ready} (200 when {@link
 * ReadinessReport#ready()}, else 503, with every check in the body either way).
 */
public final class HealthRoutes {

    private final ReadinessCheck readiness;

    public HealthRoutes(ReadinessCheck readiness) {
        this.readiness = readiness;
    }

    public void mount(Router root) {
        root.get("/health/live").handler(this::live);
        root.get("/health/ready").handler(this::ready);
    }

    private void live(RoutingContext ctx) {
        json(ctx, 200, new JsonObject().put("status", "UP"));
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
