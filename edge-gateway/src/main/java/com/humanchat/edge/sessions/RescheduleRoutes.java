package com.humanchat.edge.sessions;

import com.humanchat.edge.auth.AuthenticatedUser;
import com.humanchat.edge.http.JsonBody;
import com.humanchat.edge.http.RequestParams;
import com.humanchat.schemas.sessions.CalendarFile;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /api/sessions/:id/reschedule} (the state, a proposal), {@code .../reschedule/accept} and {@code .../decline}
 * (the other participant only), and {@code /api/sessions/:id/calendar.ics}: for a session's two participants, 404 for
 * anyone else. A decision answers 200 with the reschedule state once projected, 202 while pending.
 */
public final class RescheduleRoutes {

    private final RescheduleService reschedules;

    public RescheduleRoutes(RescheduleService reschedules) {
        this.reschedules = reschedules;
    }

    /** Adds the routes to the signed-in {@code /api/sessions} router. */
    void addTo(Router router) {
        router.get("/:id/reschedule").respond(ctx -> reschedules
                .state(caller(ctx), RequestParams.pathUuid(ctx, "id"))
                .map(Reschedule::toJson));
        router.post("/:id/reschedule")
                .handler(JsonBody.validated("reschedule-session"))
                .respond(ctx -> decided(
                        ctx,
                        reschedules.propose(
                                caller(ctx),
                                RequestParams.pathUuid(ctx, "id"),
                                SessionRoutes.startTime(JsonBody.of(ctx).getString("startTime")))));
        router.post("/:id/reschedule/accept").respond(ctx -> answer(ctx, true));
        router.post("/:id/reschedule/decline").respond(ctx -> answer(ctx, false));
        router.get("/:id/calendar.ics").handler(this::calendarFile);
    }

    private Future<JsonObject> answer(RoutingContext ctx, boolean accept) {
        return decided(ctx, reschedules.answer(caller(ctx), RequestParams.pathUuid(ctx, "id"), accept));
    }

    private void calendarFile(RoutingContext ctx) {
        UUID id = RequestParams.pathUuid(ctx, "id");
        reschedules
                .calendarFile(caller(ctx), id)
                .onSuccess(file -> ctx.response()
                        .putHeader("Content-Type", CalendarFile.CONTENT_TYPE)
                        .putHeader("Content-Disposition", "attachment; filename=\"humanchat-session-" + id + ".ics\"")
                        .end(file))
                .onFailure(ctx::fail);
    }

    private static Future<JsonObject> decided(RoutingContext ctx, Future<Optional<Reschedule>> outcome) {
        UUID id = RequestParams.pathUuid(ctx, "id");
        return outcome.map(found -> {
            ctx.response().setStatusCode(found.isPresent() ? 200 : 202);
            return found.map(Reschedule::toJson)
                    .orElseGet(() ->
                            new JsonObject().put("sessionId", id.toString()).put("status", "pending"));
        });
    }

    private static UUID caller(RoutingContext ctx) {
        return AuthenticatedUser.of(ctx).id();
    }
}
