package com.humanchat.edge.sessions;

import com.humanchat.schemas.Json;
import com.humanchat.schemas.requests.ManagedRequest;
import com.humanchat.schemas.requests.RequestCreated;
import com.humanchat.schemas.requests.RequestEvent;
import com.humanchat.schemas.requests.RequestStatusChanged;
import com.humanchat.schemas.sessions.RescheduleDeclined;
import com.humanchat.schemas.sessions.RescheduleProposed;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.schemas.sessions.SessionReminder;
import com.humanchat.schemas.sessions.SessionRequested;
import com.humanchat.schemas.sessions.SessionRescheduled;
import com.humanchat.schemas.sessions.SessionStatusChanged;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The API's JSON of sessions and managed requests: the snapshot records of {@code schemas} as they are on the topics
 * (the data team's contract), and the {@code session.updated} / {@code request.updated} frames built from them.
 */
public final class SessionJson {

    private SessionJson() {}

    @SuppressWarnings("unchecked")
    public static JsonObject session(Session session) {
        return new JsonObject(Json.mapper().convertValue(session, Map.class));
    }

    @SuppressWarnings("unchecked")
    public static JsonObject request(ManagedRequest request) {
        return new JsonObject(Json.mapper().convertValue(request, Map.class));
    }

    /**
     * {@code session.updated {session, previousStatus?, actorId?, reason?, reschedule?}} (a reschedule step carries
     * {@code reschedule {step, actorId, startTime, sequence?}}), or {@code session.reminder {sessionId, lead, startTime,
     * title, session}}; empty for a rejection and a review.
     */
    public static Optional<JsonObject> sessionUpdatedFrame(SessionEvent event) {
        return switch (event) {
            case SessionRequested requested ->
                Optional.of(
                        new JsonObject().put("type", "session.updated").put("session", session(requested.session())));
            case SessionStatusChanged changed ->
                Optional.of(new JsonObject()
                        .put("type", "session.updated")
                        .put("session", session(changed.session()))
                        .put("previousStatus", changed.fromStatus().wire())
                        .put("actorId", changed.actorId().toString())
                        .put("reason", changed.reason()));
            case RescheduleProposed proposed ->
                rescheduleFrame(proposed.session(), "proposed", proposed.actorId(), proposed.toStartTime(), null);
            case RescheduleDeclined declined ->
                rescheduleFrame(declined.session(), "declined", declined.actorId(), declined.toStartTime(), null);
            case SessionRescheduled moved ->
                rescheduleFrame(
                        moved.session(),
                        "rescheduled",
                        moved.actorId(),
                        moved.session().startTime(),
                        moved.sequence());
            case SessionReminder reminder ->
                Optional.of(new JsonObject()
                        .put("type", "session.reminder")
                        .put("sessionId", reminder.sessionId().toString())
                        .put("lead", reminder.lead().wire())
                        .put("startTime", reminder.startTime().toString())
                        .put("title", reminder.title())
                        .put("session", session(reminder.session())));
            default -> Optional.empty();
        };
    }

    private static Optional<JsonObject> rescheduleFrame(
            Session session, String step, UUID actorId, Instant startTime, Integer sequence) {
        return Optional.of(new JsonObject()
                .put("type", "session.updated")
                .put("session", session(session))
                .put(
                        "reschedule",
                        new JsonObject()
                                .put("step", step)
                                .put("actorId", actorId.toString())
                                .put("startTime", startTime.toString())
                                .put("sequence", sequence)));
    }

    /** {@code request.updated {request}}; empty for a rejection. */
    public static Optional<JsonObject> requestUpdatedFrame(RequestEvent event) {
        return switch (event) {
            case RequestCreated created ->
                Optional.of(new JsonObject().put("type", "request.updated").put("request", request(created.request())));
            case RequestStatusChanged changed ->
                Optional.of(new JsonObject().put("type", "request.updated").put("request", request(changed.request())));
            default -> Optional.empty();
        };
    }
}
