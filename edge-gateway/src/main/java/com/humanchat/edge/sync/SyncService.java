package com.humanchat.edge.sync;

import com.humanchat.edge.chat.ChatJson;
import com.humanchat.edge.chat.ChatReadModel;
import com.humanchat.edge.notifications.NotificationReadModel;
import com.humanchat.edge.reads.PaymentReadModel;
import com.humanchat.edge.reads.RequestReadModel;
import com.humanchat.edge.sessions.SessionJson;
import com.humanchat.edge.sessions.SessionReadModel;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Everything that changed for a user since a cursor — conversations, messages, unread counts, the sessions they take
 * part in, the managed requests they made or decide and the payments they make or receive — read from the projection in one {@code REPEATABLE READ READ
 * ONLY} transaction, with the in-app notifications' unread count and newest few as they stand in that transaction and ordered by {@code (tx, kind, key)} (docs/architecture.md, "Sync cursor").
 *
 * <p>The projector writes from several threads, so a transaction with a smaller id may commit after one with a
 * larger id. Only rows whose {@code tx} is below {@code pg_snapshot_xmin} of the reading snapshot are <em>stable</em>
 * (no transaction that could still commit has a smaller id); the cursor only moves past stable rows. Newer rows the
 * snapshot sees are returned too, but the cursor stays before them, so they come again on the next page: a client
 * may see a change twice (it dedupes by {@code (conversationId, seq)}; frames carry absolute values) but never
 * misses one. A page that is not full also proves every stable row after the cursor was seen, so the cursor then
 * moves to just before {@code xmin}.
 */
public final class SyncService {

    /** The newest notifications every answer carries (the rest are paged over {@code GET /api/notifications}). */
    public static final int NOTIFICATIONS = 20;

    /** Messages per conversation in a full snapshot (older history is paged over REST). */
    public static final int SNAPSHOT_MESSAGES_PER_CONVERSATION = 50;

    private static final String XMIN = "select pg_snapshot_xmin(pg_current_snapshot())::text::bigint as xmin";

    private static final String MESSAGE_KEY =
            "(m.conversation_id::text || ':' || lpad(m.seq::text, 20, '0'))" + " collate \"C\"";

    /** $1 user, $2 tx, $3 kind, $4 key, $5 limit. */
    private static final String CONVERSATIONS_AFTER = ChatReadModel.CONVERSATION_SELECT
            + " and c.tx >= $2 and (c.tx > $2 or $3 < 0 or ($3 = 0 and c.id::text collate \"C\" > $4))"
            + " order by c.tx, c.id::text collate \"C\" limit $5";

    private static final String MESSAGES_AFTER = "select m.tx, m.conversation_id, " + MESSAGE_KEY + " as sync_key, "
            + ChatReadModel.MESSAGE_COLUMNS
            + " from participants p join messages m on m.conversation_id = p.conversation_id"
            + " where p.user_id = $1 and p.member and m.tx >= $2"
            + " and (m.tx > $2 or $3 < 1 or ($3 = 1 and " + MESSAGE_KEY + " > $4))"
            + " order by m.tx, sync_key limit $5";

    private static final String UNREAD_AFTER =
            "select p.tx, p.conversation_id, p.unread_count, p.unread_as_of_seq, p.unread_as_of_read,"
                    + " coalesce(t.total_unread, 0) as total_unread"
                    + " from participants p left join unread_totals t on t.user_id = p.user_id"
                    + " where p.user_id = $1 and p.member and p.tx >= $2"
                    + " and (p.tx > $2 or $3 < 2 or ($3 = 2 and p.conversation_id::text collate \"C\" > $4))"
                    + " order by p.tx, p.conversation_id::text collate \"C\" limit $5";

    private static final String SESSIONS_AFTER = "select s.tx, " + SessionReadModel.SESSION_COLUMNS + " from sessions s"
            + " where (s.guest_user_id = $1 or s.host_user_id = $1) and s.tx >= $2"
            + " and (s.tx > $2 or $3 < 3 or ($3 = 3 and s.id::text collate \"C\" > $4))"
            + " order by s.tx, s.id::text collate \"C\" limit $5";

    private static final String REQUESTS_AFTER = "select r.tx, " + RequestReadModel.REQUEST_COLUMNS + " from requests r"
            + " where (r.requester_id = $1 or r.manager_id = $1) and r.tx >= $2"
            + " and (r.tx > $2 or $3 < 4 or ($3 = 4 and r.id::text collate \"C\" > $4))"
            + " order by r.tx, r.id::text collate \"C\" limit $5";

    private static final String PAYMENTS_AFTER = "select p.tx, " + PaymentReadModel.PAYMENT_COLUMNS
            + " from payments p"
            + " where (p.payer_user_id = $1 or p.payee_user_id = $1) and p.tx >= $2"
            + " and (p.tx > $2 or $3 < 5 or ($3 = 5 and p.payment_id::text collate \"C\" > $4))"
            + " order by p.tx, p.payment_id::text collate \"C\" limit $5";

    private static final String SNAPSHOT_PAYMENTS = "select " + PaymentReadModel.PAYMENT_COLUMNS + " from payments p"
            + " where p.payer_user_id = $1 or p.payee_user_id = $1 order by p.created_at, p.payment_id";

    private static final String SNAPSHOT_SESSIONS = "select " + SessionReadModel.SESSION_COLUMNS + " from sessions s"
            + " where s.guest_user_id = $1 or s.host_user_id = $1 order by s.updated_at, s.id";

    private static final String SNAPSHOT_REQUESTS = "select " + RequestReadModel.REQUEST_COLUMNS + " from requests r"
            + " where r.requester_id = $1 or r.manager_id = $1 order by r.created_at, r.id";

    private static final String SNAPSHOT_CONVERSATIONS =
            ChatReadModel.CONVERSATION_SELECT + " order by c.last_activity desc, c.id desc";

    private static final String SNAPSHOT_MESSAGES = "select m.conversation_id, " + ChatReadModel.MESSAGE_COLUMNS
            + " from participants p cross join lateral (select * from messages lm"
            + "   where lm.conversation_id = p.conversation_id order by lm.seq desc limit $2) m"
            + " where p.user_id = $1 and p.member order by m.conversation_id, m.seq";

    private static final String SNAPSHOT_UNREAD =
            "select p.conversation_id, p.unread_count, p.unread_as_of_seq, p.unread_as_of_read,"
                    + " coalesce(t.total_unread, 0) as total_unread"
                    + " from participants p left join unread_totals t on t.user_id = p.user_id"
                    + " where p.user_id = $1 and p.member order by p.conversation_id";

    record Change(SyncCursor position, JsonObject item) {}

    private final Pool pg;

    public SyncService(Pool pg) {
        this.pg = pg;
    }

    /**
     * The changes for {@code userId} after {@code since}, at most {@code limit}; with no {@code since}, a full
     * snapshot (every conversation, its unread count and latest messages) whose cursor is atomic with it.
     */
    public Future<SyncPage> changes(UUID userId, SyncCursor since, int limit) {
        return pg.withConnection(conn -> conn.query("begin transaction isolation level repeatable read read only")
                .execute()
                .compose(begun -> conn.query(XMIN).execute())
                .compose(rows -> {
                    long xmin = rows.iterator().next().getLong("xmin");
                    return since == null ? snapshot(conn, userId, xmin) : delta(conn, userId, since, xmin, limit);
                })
                .compose(page -> NotificationReadModel.summary(conn, userId, NOTIFICATIONS)
                        .map(page::with))
                .eventually(() -> conn.query("rollback").execute()));
    }

    private Future<SyncPage> delta(SqlConnection conn, UUID userId, SyncCursor since, long xmin, int limit) {
        Tuple args = Tuple.of(userId, since.tx(), since.kind(), since.key(), limit + 1);
        List<Change> changes = new ArrayList<>();
        return conn.preparedQuery(CONVERSATIONS_AFTER)
                .execute(args)
                .compose(rows -> {
                    rows.forEach(r -> changes.add(new Change(
                            new SyncCursor(
                                    r.getLong("tx"),
                                    SyncCursor.CONVERSATION,
                                    r.getUUID("id").toString()),
                            ChatJson.conversationFrame(ChatJson.conversation(r)))));
                    return conn.preparedQuery(MESSAGES_AFTER).execute(args);
                })
                .compose(rows -> {
                    rows.forEach(r -> changes.add(new Change(
                            new SyncCursor(r.getLong("tx"), SyncCursor.MESSAGE, r.getString("sync_key")),
                            ChatJson.messageNewFrame(ChatJson.message(r, "m_", r.getUUID("conversation_id"))))));
                    return conn.preparedQuery(UNREAD_AFTER).execute(args);
                })
                .compose(rows -> {
                    rows.forEach(r -> changes.add(new Change(
                            new SyncCursor(
                                    r.getLong("tx"),
                                    SyncCursor.UNREAD,
                                    r.getUUID("conversation_id").toString()),
                            unread(r))));
                    return conn.preparedQuery(SESSIONS_AFTER).execute(args);
                })
                .compose(rows -> {
                    rows.forEach(r -> changes.add(new Change(
                            new SyncCursor(
                                    r.getLong("tx"),
                                    SyncCursor.SESSION,
                                    r.getUUID("id").toString()),
                            sessionFrame(r))));
                    return conn.preparedQuery(REQUESTS_AFTER).execute(args);
                })
                .compose(rows -> {
                    rows.forEach(r -> changes.add(new Change(
                            new SyncCursor(
                                    r.getLong("tx"),
                                    SyncCursor.REQUEST,
                                    r.getUUID("id").toString()),
                            requestFrame(r))));
                    return conn.preparedQuery(PAYMENTS_AFTER).execute(args);
                })
                .map(rows -> {
                    rows.forEach(r -> changes.add(new Change(
                            new SyncCursor(
                                    r.getLong("tx"),
                                    SyncCursor.PAYMENT,
                                    r.getUUID("payment_id").toString()),
                            paymentFrame(r, userId))));
                    changes.sort(Comparator.comparing(Change::position));
                    return page(changes, since, xmin, limit);
                });
    }

    static SyncPage page(List<Change> ordered, SyncCursor since, long xmin, int limit) {
        boolean limited = ordered.size() > limit;
        List<Change> page = limited ? ordered.subList(0, limit) : ordered;
        SyncCursor next = since;
        if (limited) {
            for (Change change : page) {
                if (change.position().tx() < xmin && change.position().compareTo(next) > 0) {
                    next = change.position();
                }
            }
        } else {
            SyncCursor stableEnd = SyncCursor.before(xmin);
            if (stableEnd.compareTo(next) > 0) {
                next = stableEnd;
            }
        }
        return new SyncPage(page.stream().map(Change::item).toList(), next, limited);
    }

    private Future<SyncPage> snapshot(SqlConnection conn, UUID userId, long xmin) {
        List<JsonObject> items = new ArrayList<>();
        return conn.preparedQuery(SNAPSHOT_CONVERSATIONS)
                .execute(Tuple.of(userId))
                .compose(rows -> {
                    rows.forEach(r -> items.add(ChatJson.conversationFrame(ChatJson.conversation(r))));
                    return conn.preparedQuery(SNAPSHOT_MESSAGES)
                            .execute(Tuple.of(userId, SNAPSHOT_MESSAGES_PER_CONVERSATION));
                })
                .compose(rows -> {
                    rows.forEach(r -> items.add(
                            ChatJson.messageNewFrame(ChatJson.message(r, "m_", r.getUUID("conversation_id")))));
                    return conn.preparedQuery(SNAPSHOT_UNREAD).execute(Tuple.of(userId));
                })
                .compose(rows -> {
                    rows.forEach(r -> items.add(unread(r)));
                    return conn.preparedQuery(SNAPSHOT_SESSIONS).execute(Tuple.of(userId));
                })
                .compose(rows -> {
                    rows.forEach(r -> items.add(sessionFrame(r)));
                    return conn.preparedQuery(SNAPSHOT_REQUESTS).execute(Tuple.of(userId));
                })
                .compose(rows -> {
                    rows.forEach(r -> items.add(requestFrame(r)));
                    return conn.preparedQuery(SNAPSHOT_PAYMENTS).execute(Tuple.of(userId));
                })
                .map(rows -> {
                    rows.forEach(r -> items.add(paymentFrame(r, userId)));
                    return new SyncPage(items, SyncCursor.before(xmin), false);
                });
    }

    /** A session as sync shows it: the {@code session.updated} frame a socket would have received. */
    private static JsonObject sessionFrame(Row r) {
        return new JsonObject()
                .put("type", "session.updated")
                .put("session", SessionJson.session(SessionReadModel.session(r)));
    }

    /** A request as sync shows it: the {@code request.updated} frame a socket would have received. */
    private static JsonObject requestFrame(Row r) {
        return new JsonObject()
                .put("type", "request.updated")
                .put("request", SessionJson.request(RequestReadModel.request(r)));
    }

    /**
     * A payment as sync shows it to {@code viewer}: a {@code payment.updated} frame with the ledger's view of it (the
     * client secret only for the payer of a pending payment).
     */
    private static JsonObject paymentFrame(Row r, UUID viewer) {
        return new JsonObject()
                .put("type", "payment.updated")
                .put("payment", PaymentReadModel.payment(r).jsonFor(viewer));
    }

    private static JsonObject unread(Row r) {
        return ChatJson.unreadFrame(
                r.getUUID("conversation_id"),
                r.getLong("unread_count"),
                r.getLong("total_unread"),
                r.getLong("unread_as_of_seq"),
                r.getLong("unread_as_of_read"));
    }
}
