package com.humanchat.edge.sessions;

import com.humanchat.readmodels.Rows;
import com.humanchat.schemas.sessions.Session;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A session with its reschedule state as the projector wrote it (V67): the proposal waiting for an answer
 * ({@code proposedStart} by {@code proposedBy}, both null if none) and how many times it moved ({@code sequence}).
 */
public record Reschedule(Session session, Instant proposedStart, UUID proposedBy, int sequence) {

    /** The session {@code sessionId} with its reschedule state, if projected. */
    static Future<Optional<Reschedule>> of(Pool pg, UUID sessionId) {
        return pg.preparedQuery("select " + SessionReadModel.SESSION_COLUMNS
                        + ", s.proposed_start, s.proposed_by, s.reschedule_sequence from sessions s where s.id = $1")
                .execute(Tuple.of(sessionId))
                .map(rows -> Rows.first(rows, Reschedule::of));
    }

    private static Reschedule of(Row row) {
        return new Reschedule(
                SessionReadModel.session(row),
                SessionReadModel.instant(row.getOffsetDateTime("proposed_start")),
                row.getUUID("proposed_by"),
                row.getInteger("reschedule_sequence"));
    }

    /** {@code {sessionId, startTime, sequence, proposal: {startTime, proposedBy} | null}}. */
    JsonObject toJson() {
        return new JsonObject()
                .put("sessionId", session.sessionId().toString())
                .put(
                        "startTime",
                        session.startTime() == null ? null : session.startTime().toString())
                .put("sequence", sequence)
                .put(
                        "proposal",
                        proposedStart == null
                                ? null
                                : new JsonObject()
                                        .put("startTime", proposedStart.toString())
                                        .put("proposedBy", proposedBy.toString()));
    }
}
