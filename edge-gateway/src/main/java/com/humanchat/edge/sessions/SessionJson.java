package com.humanchat.edge.sessions;

import com.humanchat.schemas.Json;
import com.humanchat.schemas.requests.ManagedRequest;
import com.humanchat.schemas.requests.RequestCreated;
import com.humanchat.schemas.requests.RequestEvent;
import com.humanchat.schemas.requests.RequestStatusChanged;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.schemas.sessions.SessionRequested;
import com.humanchat.schemas.sessions.SessionStatusChanged;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;

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

    /** {@code session.updated {session, previousStatus?, actorId?, reason?}}; empty for a rejection. */
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
            default -> Optional.empty();
        };
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
