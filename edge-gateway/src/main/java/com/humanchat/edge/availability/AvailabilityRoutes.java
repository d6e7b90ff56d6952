package com.humanchat.edge.availability;

import com.humanchat.edge.auth.AuthenticatedUser;
import com.humanchat.edge.auth.BearerAuthHandler;
import com.humanchat.edge.http.JsonBody;
import com.humanchat.edge.http.ProblemResponses;
import com.humanchat.edge.http.RequestParams;
import com.humanchat.edge.http.ResourceRouter;
import com.humanchat.schemas.Json;
import com.humanchat.schemas.availability.Availability;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET/PUT /api/me/availability} (the caller's own, hosts only) and
 * {@code GET /api/hosts/:id/slots?from=&to=&duration=} ({@code {hostTimeZone, durationMinutes, durationsMinutes,
 * slots: [{start, end}]}}
 * to anyone signed in; {@code from} defaults to now, {@code to} to a week after {@code from}).
 */
public final class AvailabilityRoutes {

    private static final Duration DEFAULT_RANGE = Duration.ofDays(7);

    private final AvailabilityService availability;
    private final Clock clock;

    public AvailabilityRoutes(AvailabilityService availability, Clock clock) {
        this.availability = availability;
        this.clock = clock;
    }

    /** A router to mount with {@code api.route("/me/availability*").subRouter(...)}. */
    public Router router(Vertx vertx, BearerAuthHandler auth) {
        Router router = ResourceRouter.signedIn(vertx, auth);
        router.get("/").respond(this::get);
        router.put("/").handler(JsonBody.validated("set-availability")).respond(this::put);
        return router;
    }

    /** Mounts {@code GET /hosts/:id/slots} on the {@code /api} router, behind {@code auth}. */
    public void mountSlots(Router api, BearerAuthHandler auth) {
        api.get("/hosts/:id/slots")
                .failureHandler(ProblemResponses::handleFailure)
                .handler(auth)
                .respond(this::slots);
    }

    private Future<JsonObject> get(RoutingContext ctx) {
        return availability.mine(AuthenticatedUser.of(ctx).id()).map(AvailabilityRoutes::json);
    }

    private Future<JsonObject> put(RoutingContext ctx) {
        Availability asked = Json.mapper().convertValue(JsonBody.of(ctx).getMap(), Availability.class);
        return availability.publish(AuthenticatedUser.of(ctx).id(), asked).map(AvailabilityRoutes::json);
    }

    private Future<JsonObject> slots(RoutingContext ctx) {
        UUID host = RequestParams.pathUuid(ctx, "id");
        OffsetDateTime fromParam = RequestParams.instantParam(ctx, "from");
        OffsetDateTime toParam = RequestParams.instantParam(ctx, "to");
        Instant from = fromParam == null ? clock.instant() : fromParam.toInstant();
        Instant to = toParam == null ? from.plus(DEFAULT_RANGE) : toParam.toInstant();
        Long duration = RequestParams.longParam(ctx, "duration", 1, Availability.MAX_DURATION_MINUTES);
        return availability
                .slots(host, from, to, duration == null ? null : duration.intValue())
                .map(found -> new JsonObject()
                        .put("hostTimeZone", found.hostTimeZone())
                        .put("durationMinutes", found.durationMinutes())
                        .put("durationsMinutes", new JsonArray(found.durationsMinutes()))
                        .put("slots", AvailabilityService.json(found.slots())));
    }

    @SuppressWarnings("unchecked")
    private static JsonObject json(Availability published) {
        return new JsonObject(Json.mapper().convertValue(published, Map.class));
    }
}
