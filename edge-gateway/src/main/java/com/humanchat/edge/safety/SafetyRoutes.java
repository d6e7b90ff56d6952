package com.humanchat.edge.safety;

import com.humanchat.edge.auth.AuthenticatedUser;
import com.humanchat.edge.auth.BearerAuthHandler;
import com.humanchat.edge.http.JsonBody;
import com.humanchat.edge.http.RequestParams;
import com.humanchat.edge.http.ResourceRouter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/**
 * {@code /api/blocks} (the caller's blocks), {@code /api/me/inbound-policy} (how the caller takes first contact) and
 * {@code /api/reports} (the caller's reports): only ever the caller's own.
 */
public final class SafetyRoutes {

    private final SafetyService safety;
    private final ReportService reports;

    public SafetyRoutes(SafetyService safety, ReportService reports) {
        this.safety = safety;
        this.reports = reports;
    }

    /** Mounts the routes on the {@code /api} router (before {@code /me/*}, the profile, which would take the path). */
    public void mount(Vertx vertx, Router api, BearerAuthHandler auth) {
        Router blocks = ResourceRouter.signedIn(vertx, auth);
        blocks.get("/").respond(ctx -> safety.blocks(caller(ctx)));
        blocks.post("/").handler(JsonBody.validated("block-user")).respond(this::block);
        blocks.delete("/:userId").handler(this::unblock);
        api.route("/blocks*").subRouter(blocks);

        Router inbound = ResourceRouter.signedIn(vertx, auth);
        inbound.get("/").respond(ctx -> safety.inboundPolicy(caller(ctx)));
        inbound.put("/").handler(JsonBody.validated("inbound-policy")).respond(this::setInbound);
        api.route("/me/inbound-policy*").subRouter(inbound);

        Router reported = ResourceRouter.signedIn(vertx, auth);
        reported.get("/").respond(ctx -> reports.mine(caller(ctx)));
        reported.post("/").handler(JsonBody.validated("create-report")).respond(this::report);
        api.route("/reports*").subRouter(reported);
    }

    private Future<JsonObject> block(RoutingContext ctx) {
        UUID target = UUID.fromString(JsonBody.of(ctx).getString("userId"));
        return safety.block(caller(ctx), target).map(outcome -> {
            ctx.response().setStatusCode(outcome.created() ? 201 : 200);
            return outcome.body();
        });
    }

    private void unblock(RoutingContext ctx) {
        UUID target = RequestParams.pathUuid(ctx, "userId");
        safety.unblock(caller(ctx), target)
                .onSuccess(v -> ctx.response().setStatusCode(204).end())
                .onFailure(ctx::fail);
    }

    private Future<JsonObject> setInbound(RoutingContext ctx) {
        JsonObject body = JsonBody.of(ctx);
        return safety.setInboundPolicy(
                caller(ctx), body.getBoolean("requestFirst"), body.getInteger("maxNewConversationsPerDay"));
    }

    private Future<JsonObject> report(RoutingContext ctx) {
        JsonObject body = JsonBody.of(ctx);
        return reports.report(
                        caller(ctx),
                        body.getString("targetType"),
                        UUID.fromString(body.getString("targetId")),
                        body.getString("reason"),
                        body.getString("details"))
                .map(created -> {
                    ctx.response().setStatusCode(201);
                    return created;
                });
    }

    private static UUID caller(RoutingContext ctx) {
        return AuthenticatedUser.of(ctx).id();
    }
}
