package com.humanchat.edge.requests;

import com.humanchat.edge.auth.AuthenticatedUser;
import com.humanchat.edge.auth.BearerAuthHandler;
import com.humanchat.edge.http.JsonBody;
import com.humanchat.edge.http.KeysetCursor;
import com.humanchat.edge.http.RequestParams;
import com.humanchat.edge.http.ResourceRouter;
import com.humanchat.edge.sessions.SessionJson;
import com.humanchat.schemas.requests.RequestDecision;
import com.humanchat.schemas.requests.RequestStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /api/requests}: a managed host's would-be guests ask (201), the host's current manager or an admin (both read
 * from PostgreSQL at each call, never from the token) approves or declines and the requester withdraws (200, or 403 / 404 / 409 as the topology decided); requester, manager and
 * admins read a request with its audit trail of decisions.
 */
public final class RequestRoutes {

    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 100;
    private static final Map<String, RequestDecision> BY_STATUS = Map.of(
            "approved", RequestDecision.APPROVE,
            "declined", RequestDecision.DECLINE,
            "withdrawn", RequestDecision.WITHDRAW);

    private final RequestService requests;

    public RequestRoutes(RequestService requests) {
        this.requests = requests;
    }

    /** A router to mount with {@code api.route("/requests*").subRouter(...)}. */
    public Router router(Vertx vertx, BearerAuthHandler auth) {
        Router router = ResourceRouter.signedIn(vertx, auth);
        router.post("/").handler(JsonBody.validated("create-request")).respond(this::create);
        router.get("/").respond(this::list);
        router.get("/:id").respond(this::get);
        router.patch("/:id").handler(JsonBody.validated("decide-request")).respond(this::decide);
        return router;
    }

    private Future<JsonObject> create(RoutingContext ctx) {
        UUID caller = AuthenticatedUser.of(ctx).id();
        JsonObject body = JsonBody.of(ctx);
        return answer(
                ctx,
                requests.create(
                        caller,
                        UUID.fromString(body.getString("hostUserId")),
                        body.getString("message"),
                        body.getString("samActionId") == null ? null : UUID.fromString(body.getString("samActionId"))),
                201);
    }

    private Future<JsonObject> decide(RoutingContext ctx) {
        UUID caller = AuthenticatedUser.of(ctx).id();
        UUID id = RequestParams.pathUuid(ctx, "id");
        JsonObject body = JsonBody.of(ctx);
        String decision = body.getString("decision");
        RequestDecision asked = decision != null
                ? RequestDecision.valueOf(decision.toUpperCase(java.util.Locale.ROOT))
                : BY_STATUS.get(body.getString("status"));
        return answer(ctx, requests.decide(caller, id, asked, body.getString("reason")), 200);
    }

    private Future<JsonObject> get(RoutingContext ctx) {
        UUID id = RequestParams.pathUuid(ctx, "id");
        return requests.request(AuthenticatedUser.of(ctx).id(), id)
                .map(found -> SessionJson.request(found.getKey()).put("decisions", found.getValue()));
    }

    private Future<JsonObject> list(RoutingContext ctx) {
        int limit = RequestParams.intParam(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
        RequestStatus status = RequestParams.wireParam(ctx, "status", RequestStatus.values(), RequestStatus::wire);
        KeysetCursor cursor = KeysetCursor.parameter(ctx.queryParams().get("cursor"));
        return requests.list(AuthenticatedUser.of(ctx).id(), status, cursor, limit)
                .map(RequestService.Page::toJson);
    }

    private static Future<JsonObject> answer(RoutingContext ctx, Future<RequestService.Outcome> outcome, int status) {
        return outcome.map(done -> switch (done) {
            case RequestService.Outcome.Decided decided -> {
                ctx.response().setStatusCode(status);
                if (status == 201) {
                    ctx.response()
                            .putHeader(
                                    "Location",
                                    "/api/requests/" + decided.request().requestId());
                }
                yield SessionJson.request(decided.request());
            }
            case RequestService.Outcome.Pending pending -> {
                ctx.response().setStatusCode(202);
                yield new JsonObject()
                        .put("requestId", pending.requestId().toString())
                        .put("status", "pending");
            }
        });
    }
}
