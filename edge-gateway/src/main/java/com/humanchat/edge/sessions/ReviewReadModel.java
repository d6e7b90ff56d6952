package com.humanchat.edge.sessions;

import com.humanchat.edge.http.KeysetCursor;
import com.humanchat.readmodels.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Session reviews as the projector wrote them, each with its guest's display name. */
public final class ReviewReadModel {

    /** One review; {@code text} and {@code answer} null when not written, {@code answeredAt} with the answer. */
    public record Review(
            UUID sessionId,
            UUID hostId,
            String guestDisplayName,
            int rating,
            String text,
            String answer,
            Instant answeredAt,
            Instant createdAt) {

        /** What any signed-in user sees of a review. */
        public JsonObject toJson() {
            return new JsonObject()
                    .put("sessionId", sessionId.toString())
                    .put("hostId", hostId.toString())
                    .put("guestDisplayName", guestDisplayName)
                    .put("rating", rating)
                    .put("text", text)
                    .put("answer", answer)
                    .put("answeredAt", answeredAt == null ? null : answeredAt.toString())
                    .put("createdAt", createdAt.toString());
        }
    }

    private static final String COLUMNS = "r.session_id, r.host_id, g.display_name as guest_display_name, r.rating,"
            + " r.text, r.answer, r.answered_at, r.created_at from session_reviews r"
            + " left join users g on g.id = r.guest_id";

    private final Pool pg;

    public ReviewReadModel(Pool pg) {
        this.pg = pg;
    }

    /** The review of a session, if projected (hidden or not: its guest and host wait for their own write). */
    Future<Optional<Review>> review(UUID sessionId) {
        return pg.preparedQuery("select " + COLUMNS + " where r.session_id = $1")
                .execute(Tuple.of(sessionId))
                .map(rows -> Rows.first(rows, ReviewReadModel::review));
    }

    /** A host's reviews not hidden, newest first, after the keyset {@code (createdAt, sessionId)} when given. */
    Future<List<Review>> reviewsOf(UUID hostId, KeysetCursor after, int limit) {
        return pg.preparedQuery("select " + COLUMNS + " where r.host_id = $1 and not r.hidden"
                        + " and ($2::timestamptz is null or (r.created_at, r.session_id) < ($2, $3))"
                        + " order by r.created_at desc, r.session_id desc limit $4")
                .execute(Tuple.of(hostId, KeysetCursor.timeOf(after), KeysetCursor.idOf(after), limit))
                .map(rows -> Rows.all(rows, ReviewReadModel::review));
    }

    private static Review review(Row row) {
        return new Review(
                row.getUUID("session_id"),
                row.getUUID("host_id"),
                row.getString("guest_display_name"),
                row.getInteger("rating"),
                row.getString("text"),
                row.getString("answer"),
                SessionReadModel.instant(row.getOffsetDateTime("answered_at")),
                SessionReadModel.instant(row.getOffsetDateTime("created_at")));
    }
}
