package com.humanchat.edge.sessions;

import com.humanchat.edge.auth.AuthenticatedUser;
import com.humanchat.edge.auth.BearerAuthHandler;
import com.humanchat.edge.availability.AvailabilityService;
import com.humanchat.edge.http.JsonBody;
import com.humanchat.edge.http.KeysetCursor;
import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.RequestParams;
import com.humanchat.edge.http.ResourceRouter;
import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.PaymentMode;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /api/sessions}: request (201 with the session once the topology admitted it, 202 pending past the wait),
 * transition (200, or 404 / 409 as the topology decided), the caller's list and one session, the ICE servers of a
 * session's call, what cancelling it would refund, and its review (201 once the guest of a completed session rated it,
 * 403 for its host, 409 before completion or the second time) and the host's answer to it; reschedules and the
 * calendar file ({@link RescheduleRoutes}). Strangers get 404 for every session.
 */
public final class SessionRoutes {

    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 100;

    private final SessionService sessions;
    private final AvailabilityService availability;
    private final List<String> iceServers;
    private final RescheduleRoutes reschedules;

    public SessionRoutes(
            SessionService sessions,
            AvailabilityService availability,
            List<String> iceServers,
            RescheduleRoutes reschedules) {
        this.sessions = sessions;
        this.availability = availability;
        this.iceServers = List.copyOf(iceServers);
        this.reschedules = reschedules;
    }

    /** A router to mount with {@code api.route("/sessions*").subRouter(...)}. */
    public Router router(Vertx vertx, BearerAuthHandler auth) {
        Router router = ResourceRouter.signedIn(vertx, auth);
        router.post("/").handler(JsonBody.validated("request-session")).respond(this::request);
        router.get("/").respond(this::list);
        router.get("/:id").respond(this::get);
        router.patch("/:id").handler(JsonBody.validated("transition-session")).respond(this::transition);
        router.get("/:id/ice-servers").respond(this::iceServers);
        router.get("/:id/cancellation").respond(this::cancellation);
        router.get("/:id/review").respond(this::getReview);
        router.post("/:id/review").handler(JsonBody.validated("review-session")).respond(this::review);
        router.post("/:id/review/answer")
                .handler(JsonBody.validated("answer-review"))
                .respond(this::answerReview);
        reschedules.addTo(router);
        return router;
    }

    private Future<JsonObject> request(RoutingContext ctx) {
        UUID caller = AuthenticatedUser.of(ctx).id();
        JsonObject body = JsonBody.of(ctx);
        JsonObject price = body.getJsonObject("agreedPrice");
        SessionService.Ask ask = new SessionService.Ask(
                UUID.fromString(body.getString("hostUserId")),
                body.getString("conversationId") == null ? null : UUID.fromString(body.getString("conversationId")),
                startTime(body.getString("startTime")),
                body.getInteger("durationMinutes"),
                Money.of(price.getLong("amountCents"), price.getString("currency")),
                PaymentMode.valueOf(body.getString("paymentMode").toUpperCase(Locale.ROOT)),
                body.getString("samActionId") == null ? null : UUID.fromString(body.getString("samActionId")));
        // A refused booking of a host with availability suggests the host's next free starts (nextSlots).
        return answer(
                ctx,
                sessions.request(caller, ask)
                        .recover(failure -> availability.withNextSlots(
                                failure, ask.hostUserId(), ask.durationMinutes(), ask.startTime())),
                201);
    }

    private Future<JsonObject> transition(RoutingContext ctx) {
        UUID caller = AuthenticatedUser.of(ctx).id();
        UUID id = RequestParams.pathUuid(ctx, "id");
        JsonObject body = JsonBody.of(ctx);
        SessionStatus to = SessionStatus.valueOf(body.getString("status").toUpperCase(Locale.ROOT));
        return answer(ctx, sessions.transition(caller, id, to, body.getString("reason")), 200);
    }

    private Future<JsonObject> list(RoutingContext ctx) {
        UUID caller = AuthenticatedUser.of(ctx).id();
        int limit = RequestParams.intParam(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
        SessionStatus status = RequestParams.wireParam(ctx, "status", SessionStatus.values(), SessionStatus::wire);
        KeysetCursor cursor = KeysetCursor.parameter(ctx.queryParams().get("cursor"));
        return sessions.list(caller, status, cursor, limit).map(page -> new JsonObject()
                .put(
                        "items",
                        new JsonArray(
                                page.items().stream().map(SessionJson::session).toList()))
                .put("nextCursor", page.next() == null ? null : page.next().encode()));
    }

    private Future<JsonObject> get(RoutingContext ctx) {
        UUID caller = AuthenticatedUser.of(ctx).id();
        UUID id = RequestParams.pathUuid(ctx, "id");
        return sessions.session(caller, id).map(SessionJson::session);
    }

    /** What cancelling the session now would refund, before the participant confirms it. */
    private Future<JsonObject> cancellation(RoutingContext ctx) {
        UUID caller = AuthenticatedUser.of(ctx).id();
        UUID id = RequestParams.pathUuid(ctx, "id");
        return sessions.cancellation(caller, id).map(preview -> new JsonObject()
                .put("sessionId", id.toString())
                .put("cancellable", preview.cancellable())
                .put(
                        "refund",
                        preview.refund() == null
                                ? null
                                : new JsonObject()
                                        .put("amountCents", preview.refund().amountCents())
                                        .put("currency", preview.refund().currency()))
                .put("message", preview.message()));
    }

    private Future<JsonObject> review(RoutingContext ctx) {
        UUID caller = AuthenticatedUser.of(ctx).id();
        UUID id = RequestParams.pathUuid(ctx, "id");
        JsonObject body = JsonBody.of(ctx);
        return reviewAnswer(
                ctx, id, sessions.review(caller, id, body.getInteger("rating"), body.getString("text")), 201);
    }

    /** {@code {review}}: the session's review, null while there is none, for its two participants. */
    private Future<JsonObject> getReview(RoutingContext ctx) {
        UUID caller = AuthenticatedUser.of(ctx).id();
        UUID id = RequestParams.pathUuid(ctx, "id");
        return sessions.reviewOf(caller, id).map(review -> new JsonObject()
                .put("review", review.map(ReviewReadModel.Review::toJson).orElse(null)));
    }

    private Future<JsonObject> answerReview(RoutingContext ctx) {
        UUID caller = AuthenticatedUser.of(ctx).id();
        UUID id = RequestParams.pathUuid(ctx, "id");
        return reviewAnswer(
                ctx, id, sessions.answerReview(caller, id, JsonBody.of(ctx).getString("text")), 200);
    }

    /** The review once projected, else 202 pending (Kafka has the command; the decision or its projection lags). */
    private static Future<JsonObject> reviewAnswer(
            RoutingContext ctx, UUID sessionId, Future<Optional<ReviewReadModel.Review>> outcome, int status) {
        return outcome.map(review -> {
            ctx.response().setStatusCode(review.isPresent() ? status : 202);
            return review.map(ReviewReadModel.Review::toJson).orElseGet(() -> new JsonObject()
                    .put("sessionId", sessionId.toString())
                    .put("status", "pending"));
        });
    }

    /** The STUN/TURN servers for a participant's call, in the shape of {@code RTCConfiguration.iceServers}. */
    private Future<JsonObject> iceServers(RoutingContext ctx) {
        UUID caller = AuthenticatedUser.of(ctx).id();
        UUID id = RequestParams.pathUuid(ctx, "id");
        return sessions.session(caller, id).map(session -> new JsonObject()
                .put("sessionId", session.sessionId().toString())
                .put(
                        "iceServers",
                        iceServers.isEmpty()
                                ? new JsonArray()
                                : new JsonArray().add(new JsonObject().put("urls", new JsonArray(iceServers)))));
    }

    private static Future<JsonObject> answer(RoutingContext ctx, Future<SessionService.Outcome> outcome, int status) {
        return outcome.map(done -> switch (done) {
            case SessionService.Outcome.Decided decided -> {
                ctx.response().setStatusCode(status);
                Session session = decided.session();
                if (status == 201) {
                    ctx.response().putHeader("Location", "/api/sessions/" + session.sessionId());
                }
                yield SessionJson.session(session);
            }
            case SessionService.Outcome.Pending pending -> {
                ctx.response().setStatusCode(202);
                yield new JsonObject()
                        .put("sessionId", pending.sessionId().toString())
                        .put("status", "pending");
            }
        });
    }

    static Instant startTime(String value) {
        if (value == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(List.of(new ProblemException.FieldError("/startTime", "not a date-time")));
        }
    }
}
