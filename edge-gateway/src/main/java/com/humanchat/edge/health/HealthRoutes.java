package com.humanchat.edge.health;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /health/live} (the event loop answers) and {@code GET /health/ready} (200 when {@link
 * ReadinessReport#ready()}, else 503). On the ops port the readiness answer names every check, what is degraded and
 * why; on the public port it is only {@code {"status":"UP"|"DOWN"}}, so that the internet learns nothing of the
 * platform's dependencies.
 */
public final class HealthRoutes {

    private final ReadinessCheck readiness;

    public HealthRoutes(ReadinessCheck readiness) {
        this.readiness = readiness;
    }

    /** The minimal probes of the public port. */
    public void mountPublic(Router root) {
        root.get("/health/live").handler(HealthRoutes::live);
        root.get("/health/ready").handler(ctx -> ready(ctx, false));
    }

    /** The detailed probes of the ops port. */
    public void mountDetailed(Router ops) {
        ops.get("/health/live").handler(HealthRoutes::live);
        ops.get("/health/ready").handler(ctx -> ready(ctx, true));
    }

    private static void live(RoutingContext ctx) {
        json(ctx, 200, status(true));
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
