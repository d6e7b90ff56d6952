package com.humanchat.edge.safety;

import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.Rejections;
import com.humanchat.readmodels.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * Reports by any signed-in user of a message, a profile, a review or a session. The reported content is copied as it
 * is now (it may be edited, deleted or hidden later), with the user it is about, into {@code reports}, where the
 * admins' moderation queue finds it. One can report only what one can see (a message of one's conversation, a session
 * one takes part in, a visible review, an existing profile): anything else is the same 404 as a target that does not
 * exist. Reporting the same thing again while it is open answers with the open report.
 */
public final class ReportService {

    /** What was reported, about whom, as it was. */
    private record Target(UUID reportedUserId, JsonObject snapshot) {}

    private static final String REPORT_COLUMNS =
            "id, target_type, target_id, reason, details, created_at, resolution, resolved_at";

    private final Pool pg;

    public ReportService(Pool pg) {
        this.pg = pg;
    }

    public Future<JsonObject> report(UUID caller, String targetType, UUID targetId, String reason, String details) {
        return pg.withTransaction(tx -> target(tx, caller, targetType, targetId).compose(found -> {
            Target target = found.orElseThrow(() -> ProblemException.notFound("no such " + targetType));
            if (caller.equals(target.reportedUserId())) {
                return Future.failedFuture(Rejections.unprocessableField("/targetId", "you cannot report yourself"));
            }
            return tx.preparedQuery("insert into reports (id, reporter_id, reported_user_id, target_type, target_id,"
                            + " reason, details, snapshot) values ($1, $2, $3, $4, $5, $6, $7, $8)"
                            + " on conflict (reporter_id, target_type, target_id) where resolved_at is null"
                            + " do nothing returning " + REPORT_COLUMNS)
                    .execute(Tuple.of(
                            UUID.randomUUID(),
                            caller,
                            target.reportedUserId(),
                            targetType,
                            targetId,
                            reason,
                            details,
                            target.snapshot()))
                    .compose(inserted -> inserted.size() > 0
                            ? Future.succeededFuture(mine(inserted.iterator().next()))
                            : tx.preparedQuery("select " + REPORT_COLUMNS + " from reports where reporter_id = $1"
                                            + " and target_type = $2 and target_id = $3 and resolved_at is null")
                                    .execute(Tuple.of(caller, targetType, targetId))
                                    .map(open -> mine(open.iterator().next())));
        }));
    }

    /** The caller's reports, newest first, each with its outcome once resolved (never the action or the note). */
    public Future<JsonObject> mine(UUID caller) {
        return pg.preparedQuery("select " + REPORT_COLUMNS + " from reports where reporter_id = $1"
                        + " order by created_at desc, id limit 200")
                .execute(Tuple.of(caller))
                .map(rows -> new JsonObject().put("items", new JsonArray(Rows.all(rows, ReportService::mine))));
    }

    /** A report as its reporter sees it. */
    private static JsonObject mine(Row row) {
        String resolution = row.getString("resolution");
        return new JsonObject()
                .put("reportId", row.getUUID("id").toString())
                .put("targetType", row.getString("target_type"))
                .put("targetId", row.getUUID("target_id").toString())
                .put("reason", row.getString("reason"))
                .put("details", row.getString("details"))
                .put("createdAt", instant(row.getOffsetDateTime("created_at")))
                .put("status", resolution == null ? "open" : "resolved")
                .put("outcome", resolution == null ? null : outcome(resolution))
                .put("resolvedAt", instant(row.getOffsetDateTime("resolved_at")));
    }

    /** What the reporter learns of a resolution: whether something was done, not what. */
    public static String outcome(String resolution) {
        return "dismiss".equals(resolution) ? "no_action" : "action_taken";
    }

    private static Future<Optional<Target>> target(SqlConnection tx, UUID caller, String type, UUID id) {
        return switch (type) {
            case "message" ->
                tx.preparedQuery("select m.conversation_id, m.seq, m.sender_id, m.content, m.type, m.sent_at,"
                                + " m.edited_at, m.deleted_at, u.display_name from messages m"
                                + " join participants p on p.conversation_id = m.conversation_id"
                                + " and p.user_id = $2 and p.member"
                                + " left join users u on u.id = m.sender_id where m.id = $1")
                        .execute(Tuple.of(id, caller))
                        .map(rows -> Rows.first(
                                rows,
                                row -> new Target(
                                        row.getUUID("sender_id"),
                                        new JsonObject()
                                                .put("messageId", id.toString())
                                                .put(
                                                        "conversationId",
                                                        row.getUUID("conversation_id")
                                                                .toString())
                                                .put("seq", row.getLong("seq"))
                                                .put(
                                                        "senderId",
                                                        row.getUUID("sender_id").toString())
                                                .put("senderName", row.getString("display_name"))
                                                .put("type", row.getString("type"))
                                                .put("content", row.getString("content"))
                                                .put("sentAt", instant(row.getOffsetDateTime("sent_at")))
                                                .put("editedAt", instant(row.getOffsetDateTime("edited_at")))
                                                .put("deletedAt", instant(row.getOffsetDateTime("deleted_at"))))));
            case "profile" ->
                tx.preparedQuery("select display_name, bio, tags, roles from users where id = $1")
                        .execute(Tuple.of(id))
                        .map(rows -> Rows.first(
                                rows,
                                row -> new Target(
                                        id,
                                        new JsonObject()
                                                .put("userId", id.toString())
                                                .put("displayName", row.getString("display_name"))
                                                .put("bio", row.getString("bio"))
                                                .put(
                                                        "tags",
                                                        new JsonArray(Arrays.asList(row.getArrayOfStrings("tags"))))
                                                .put(
                                                        "roles",
                                                        new JsonArray(
                                                                Arrays.asList(row.getArrayOfStrings("roles")))))));
            case "review" ->
                tx.preparedQuery("select r.host_id, r.guest_id, r.rating, r.text, r.answer, r.created_at,"
                                + " u.display_name from session_reviews r left join users u on u.id = r.guest_id"
                                + " where r.session_id = $1 and not r.hidden")
                        .execute(Tuple.of(id))
                        .map(rows -> Rows.first(
                                rows,
                                row -> new Target(
                                        row.getUUID("guest_id"),
                                        new JsonObject()
                                                .put("sessionId", id.toString())
                                                .put(
                                                        "hostId",
                                                        row.getUUID("host_id").toString())
                                                .put(
                                                        "guestId",
                                                        row.getUUID("guest_id").toString())
                                                .put("guestName", row.getString("display_name"))
                                                .put("rating", row.getInteger("rating"))
                                                .put("text", row.getString("text"))
                                                .put("answer", row.getString("answer"))
                                                .put("createdAt", instant(row.getOffsetDateTime("created_at"))))));
            case "session" ->
                tx.preparedQuery("select guest_user_id, host_user_id, status, start_time, duration_minutes,"
                                + " price_cents, currency, payment_mode from sessions"
                                + " where id = $1 and $2 in (guest_user_id, host_user_id)")
                        .execute(Tuple.of(id, caller))
                        .map(rows -> Rows.first(rows, row -> {
                            UUID guest = row.getUUID("guest_user_id");
                            UUID host = row.getUUID("host_user_id");
                            return new Target(
                                    caller.equals(guest) ? host : guest,
                                    new JsonObject()
                                            .put("sessionId", id.toString())
                                            .put("guestUserId", guest.toString())
                                            .put("hostUserId", host.toString())
                                            .put("status", row.getString("status"))
                                            .put("startTime", instant(row.getOffsetDateTime("start_time")))
                                            .put("durationMinutes", row.getInteger("duration_minutes"))
                                            .put("priceCents", row.getLong("price_cents"))
                                            .put("currency", row.getString("currency"))
                                            .put("paymentMode", row.getString("payment_mode")));
                        }));
            default -> Future.succeededFuture(Optional.empty());
        };
    }

    private static String instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant().toString();
    }
}
