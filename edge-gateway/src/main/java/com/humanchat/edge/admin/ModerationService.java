package com.humanchat.edge.admin;

import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.Rejections;
import com.humanchat.edge.identity.OutboxWriter;
import com.humanchat.edge.kafka.CommandPublisher;
import com.humanchat.edge.safety.ReportService;
import com.humanchat.readmodels.Rows;
import com.humanchat.schemas.SystemActors;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.chat.DeleteMessage;
import com.humanchat.schemas.safety.ReportResolved;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The moderation queue: open reports grouped per reported user (most reported first), each with the content as it was
 * reported and its reporter (admins only ever see who reported). Resolving a report applies the action (dismiss; hide
 * the message, through a platform {@code message.delete} the conversation topology decides; suspend; ban = suspend and
 * drop every role but {@code user}), then records the resolution with its {@code report.resolve} audit entry and the
 * {@code report.resolved} outbox record that tells the reporter the outcome.
 */
public final class ModerationService {

    /** The most open reports one queue answer holds; the oldest come first, so nothing is starved. */
    static final int QUEUE_LIMIT = 500;

    private static final List<String> ACTIONS = List.of("dismiss", "hide_message", "suspend", "ban");

    private final Pool pg;
    private final AdminService admin;
    private final CommandPublisher publisher;
    private final Runnable outboxWritten;
    private final OutboxWriter outbox = new OutboxWriter();

    public ModerationService(Pool pg, AdminService admin, CommandPublisher publisher, Runnable outboxWritten) {
        this.pg = pg;
        this.admin = admin;
        this.publisher = publisher;
        this.outboxWritten = outboxWritten;
    }

    /** The open reports, grouped per reported user. */
    public Future<JsonObject> queue() {
        return pg.preparedQuery("select r.id, r.reported_user_id, r.target_type, r.target_id, r.reason, r.details,"
                        + " r.snapshot, r.created_at, r.reporter_id, reporter.display_name as reporter_name,"
                        + " reporter.email as reporter_email, reported.display_name as reported_name,"
                        + " reported.suspended as reported_suspended from reports r"
                        + " join users reporter on reporter.id = r.reporter_id"
                        + " left join users reported on reported.id = r.reported_user_id"
                        + " where r.resolved_at is null order by r.created_at, r.id limit $1")
                .execute(Tuple.of(QUEUE_LIMIT))
                .map(rows -> {
                    Map<String, JsonObject> groups = new LinkedHashMap<>();
                    for (Row row : rows) {
                        UUID reported = row.getUUID("reported_user_id");
                        String key = reported == null ? "none" : reported.toString();
                        JsonObject group = groups.computeIfAbsent(key, k -> new JsonObject()
                                .put(
                                        "reportedUser",
                                        reported == null
                                                ? null
                                                : new JsonObject()
                                                        .put("id", reported.toString())
                                                        .put("displayName", row.getString("reported_name"))
                                                        .put("suspended", row.getBoolean("reported_suspended")))
                                .put("reports", new JsonArray()));
                        group.getJsonArray("reports").add(report(row));
                    }
                    List<JsonObject> ordered = new ArrayList<>(groups.values());
                    ordered.forEach(
                            g -> g.put("openReports", g.getJsonArray("reports").size()));
                    ordered.sort((a, b) -> Integer.compare(b.getInteger("openReports"), a.getInteger("openReports")));
                    return new JsonObject().put("groups", new JsonArray(ordered));
                });
    }

    private static JsonObject report(Row row) {
        return new JsonObject()
                .put("reportId", row.getUUID("id").toString())
                .put("targetType", row.getString("target_type"))
                .put("targetId", row.getUUID("target_id").toString())
                .put("reason", row.getString("reason"))
                .put("details", row.getString("details"))
                .put("content", row.getJsonObject("snapshot"))
                .put("createdAt", instant(row.getOffsetDateTime("created_at")))
                .put(
                        "reporter",
                        new JsonObject()
                                .put("id", row.getUUID("reporter_id").toString())
                                .put("displayName", row.getString("reporter_name"))
                                .put("email", row.getString("reporter_email")));
    }

    /**
     * Resolves an open report with {@code action}: 404 for no such report, 409 for one already resolved, 422 for an
     * action that does not fit it (hiding what is not a message, suspending when nobody is reported).
     */
    public Future<JsonObject> resolve(UUID actor, UUID reportId, String action, String note) {
        if (!ACTIONS.contains(action)) {
            return Future.failedFuture(Rejections.unprocessableField("/action", "unknown action " + action));
        }
        return pg.preparedQuery("select reporter_id, reported_user_id, target_type, target_id, snapshot, resolved_at"
                        + " from reports where id = $1")
                .execute(Tuple.of(reportId))
                .compose(rows -> {
                    Row report =
                            Rows.first(rows, row -> row).orElseThrow(() -> ProblemException.notFound("no such report"));
                    if (report.getOffsetDateTime("resolved_at") != null) {
                        return Future.failedFuture(ProblemException.conflict("the report is already resolved"));
                    }
                    return apply(actor, report, action, note)
                            .compose(v -> record(actor, reportId, report, action, note));
                });
    }

    /** The action's effect, before the resolution is recorded (each effect is idempotent, so a retry is safe). */
    private Future<Void> apply(UUID actor, Row report, String action, String note) {
        UUID reported = report.getUUID("reported_user_id");
        return switch (action) {
            case "hide_message" -> {
                if (!"message".equals(report.getString("target_type"))) {
                    yield Future.failedFuture(
                            Rejections.unprocessableField("/action", "only a reported message can be hidden"));
                }
                JsonObject message = report.getJsonObject("snapshot");
                UUID conversationId = UUID.fromString(message.getString("conversationId"));
                DeleteMessage delete = DeleteMessage.of(conversationId, SystemActors.PLATFORM, message.getLong("seq"));
                yield publisher
                        .publish(Topics.CHAT_COMMANDS, conversationId.toString(), delete)
                        .mapEmpty();
            }
            case "suspend", "ban" -> {
                if (reported == null) {
                    yield Future.failedFuture(
                            Rejections.unprocessableField("/action", "the report is about no account"));
                }
                yield admin.update(actor, reported, true, "ban".equals(action) ? List.of("user") : null, note)
                        .mapEmpty();
            }
            default -> Future.succeededFuture();
        };
    }

    private Future<JsonObject> record(UUID actor, UUID reportId, Row report, String action, String note) {
        String outcome = ReportService.outcome(action);
        Instant at = Instant.now();
        return pg.withTransaction(tx -> tx.preparedQuery("update reports set resolution = $2, resolution_note = $3,"
                                + " resolved_by = $4, resolved_at = $5 where id = $1 and resolved_at is null")
                        .execute(Tuple.of(reportId, action, note, actor, at.atOffset(java.time.ZoneOffset.UTC)))
                        .compose(updated -> updated.rowCount() == 0
                                ? Future.failedFuture(ProblemException.conflict("the report is already resolved"))
                                : AdminService.audit(
                                        tx,
                                        actor,
                                        "report.resolve",
                                        report.getUUID("reported_user_id"),
                                        new JsonObject()
                                                .put("reportId", reportId.toString())
                                                .put("targetType", report.getString("target_type"))
                                                .put(
                                                        "targetId",
                                                        report.getUUID("target_id")
                                                                .toString())
                                                .put("action", action)
                                                .put("note", note)))
                        .compose(v -> outbox.append(
                                tx,
                                Topics.USERS_SAFETY,
                                ReportResolved.of(
                                        reportId,
                                        report.getUUID("reporter_id"),
                                        report.getString("target_type"),
                                        outcome,
                                        at))))
                .onSuccess(v -> outboxWritten.run())
                .map(v -> new JsonObject()
                        .put("reportId", reportId.toString())
                        .put("status", "resolved")
                        .put("action", action)
                        .put("outcome", outcome)
                        .put("resolvedAt", at.toString()));
    }

    private static String instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant().toString();
    }
}
