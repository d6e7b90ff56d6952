package com.humanchat.edge.admin;

import com.humanchat.edge.account.AdminTwoFactorPolicy;
import com.humanchat.edge.auth.AuthenticatedUser;
import com.humanchat.edge.auth.BearerAuthHandler;
import com.humanchat.edge.http.JsonBody;
import com.humanchat.edge.http.KeysetCursor;
import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.RequestParams;
import com.humanchat.edge.http.ResourceRouter;
import com.humanchat.edge.requests.RequestService;
import com.humanchat.schemas.requests.RequestStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.UUID;

/**
 * {@code /api/admin/*}: every route, known or not, answers 403 to anyone whose account does not hold the admin role
 * right now (checked in PostgreSQL, so a demoted admin's unexpired token no longer works). Users list and search,
 * suspension and roles, the managed-requests overview, announcements, hiding a review, the moderation queue of reports
 * and their resolution, the audit log, and the live metrics (the latest
 * snapshot the metrics topology published, kept in memory by every replica).
 */
public final class AdminRoutes {

    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 200;

    private final AdminService admin;
    private final RequestService requests;
    private final AdminMetrics metrics;
    private final ModerationService moderation;
    private final AdminTwoFactorPolicy twoFactor;

    public AdminRoutes(
            AdminService admin,
            RequestService requests,
            AdminMetrics metrics,
            ModerationService moderation,
            AdminTwoFactorPolicy twoFactor) {
        this.admin = admin;
        this.twoFactor = twoFactor;
        this.requests = requests;
        this.metrics = metrics;
        this.moderation = moderation;
    }

    /** A router to mount with {@code api.route("/admin/*").subRouter(...)}. */
    public Router router(Vertx vertx, BearerAuthHandler auth) {
        Router router = ResourceRouter.signedIn(vertx, auth);
        router.route().handler(this::requireAdmin);
        router.get("/users").respond(this::users);
        router.patch("/users/:id")
                .handler(JsonBody.validated("admin-update-user"))
                .respond(this::updateUser);
        router.get("/requests").respond(this::requests);
        router.post("/announcements").handler(JsonBody.validated("announce")).respond(this::announce);
        router.post("/reviews/:sessionId/hide")
                .handler(JsonBody.validated("hide-review"))
                .respond(this::hideReview);
        router.get("/reports").respond(ctx -> moderation.queue());
        router.post("/reports/:id/resolve")
                .handler(JsonBody.validated("resolve-report"))
                .respond(this::resolveReport);
        router.get("/audit").respond(this::audit);
        router.get("/metrics").respond(this::metrics);
        return router;
    }

    private void requireAdmin(RoutingContext ctx) {
        admin.isAdmin(AuthenticatedUser.of(ctx).id()).onComplete(checked -> {
            if (checked.failed()) {
                ctx.fail(checked.cause());
            } else if (!checked.result()) {
                ctx.fail(ProblemException.forbidden("the admin role is required"));
            } else {
                twoFactor.check(AuthenticatedUser.of(ctx).id()).onComplete(allowed -> {
                    if (allowed.failed()) {
                        ctx.fail(allowed.cause());
                    } else {
                        ctx.next();
                    }
                });
            }
        });
    }

    private Future<JsonObject> users(RoutingContext ctx) {
        int limit = RequestParams.intParam(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
        KeysetCursor cursor = KeysetCursor.parameter(ctx.queryParams().get("cursor"));
        return admin.users(ctx.queryParams().get("q"), cursor, limit).map(page -> new JsonObject()
                .put("items", new JsonArray(page.items()))
                .put("nextCursor", page.next() == null ? null : page.next().encode()));
    }

    private Future<JsonObject> updateUser(RoutingContext ctx) {
        UUID target = RequestParams.pathUuid(ctx, "id");
        JsonObject body = JsonBody.of(ctx);
        JsonArray roles = body.getJsonArray("roles");
        List<String> asked =
                roles == null ? null : roles.stream().map(String.class::cast).toList();
        return admin.update(
                AuthenticatedUser.of(ctx).id(), target, body.getBoolean("suspended"), asked, body.getString("reason"));
    }

    private Future<JsonObject> requests(RoutingContext ctx) {
        int limit = RequestParams.intParam(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
        RequestStatus status = RequestParams.wireParam(ctx, "status", RequestStatus.values(), RequestStatus::wire);
        KeysetCursor cursor = KeysetCursor.parameter(ctx.queryParams().get("cursor"));
        return requests.list(AuthenticatedUser.of(ctx).id(), true, status, cursor, limit)
                .map(RequestService.Page::toJson);
    }

    private Future<JsonObject> announce(RoutingContext ctx) {
        JsonObject body = JsonBody.of(ctx);
        ctx.response().setStatusCode(201);
        return admin.announce(
                AuthenticatedUser.of(ctx).id(), body.getString("message"), body.getString("level", "info"));
    }

    private Future<JsonObject> hideReview(RoutingContext ctx) {
        return admin.hideReview(
                AuthenticatedUser.of(ctx).id(),
                RequestParams.pathUuid(ctx, "sessionId"),
                JsonBody.of(ctx).getString("reason"));
    }

    private Future<JsonObject> resolveReport(RoutingContext ctx) {
        JsonObject body = JsonBody.of(ctx);
        return moderation.resolve(
                AuthenticatedUser.of(ctx).id(),
                RequestParams.pathUuid(ctx, "id"),
                body.getString("action"),
                body.getString("note"));
    }

    private Future<JsonObject> audit(RoutingContext ctx) {
        int limit = RequestParams.intParam(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
        return admin.auditLog(limit).map(items -> new JsonObject().put("items", items));
    }

    private Future<JsonObject> metrics(RoutingContext ctx) {
        return Future.succeededFuture(metrics.answer());
    }
}
