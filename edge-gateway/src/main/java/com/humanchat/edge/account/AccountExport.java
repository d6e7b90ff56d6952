package com.humanchat.edge.account;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowStream;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;

/**
 * Everything the platform holds about the caller, as one JSON document written while it is read: each section is a
 * PostgreSQL cursor ({@value #FETCH} rows at a time) whose rows, rendered as JSON by PostgreSQL, go straight to the
 * response, the cursor pausing while the client's socket is full. Memory stays flat however many messages the caller
 * sent. Secrets (password hash, two-factor secret, refresh tokens, payment client secrets) are never part of it;
 * other people appear by id and display name only.
 */
public final class AccountExport {

    static final int FETCH = 200;

    /** One part of the export: a name, a query of JSON documents ({@code $1} = the caller) and whether it is a list. */
    private record Section(String name, String sql, boolean list) {}

    private static final List<Section> SECTIONS = List.of(
            new Section("profile", "select (to_jsonb(u) - 'search_vector')::text from users u where u.id = $1", false),
            new Section(
                    "twoFactor",
                    "select jsonb_build_object('enabled', coalesce(bool_or(confirmed_at is not null), false),"
                            + " 'confirmedAt', max(confirmed_at))::text from two_factor where user_id = $1",
                    false),
            new Section(
                    "signIns",
                    "select jsonb_build_object('id', family_id, 'signedInAt', min(issued_at), 'lastActiveAt',"
                            + " max(issued_at), 'expiresAt', max(expires_at), 'revoked', bool_or(revoked_at is not"
                            + " null))::text from refresh_tokens where user_id = $1 group by family_id"
                            + " order by min(issued_at)",
                    true),
            new Section(
                    "conversations",
                    "select jsonb_build_object('conversationId', c.id, 'type', c.type, 'createdAt', c.created_at,"
                            + " 'lastActivity', c.last_activity, 'lastReadSeq', p.last_read_seq, 'participants',"
                            + " (select jsonb_agg(jsonb_build_object('userId', o.user_id, 'displayName',"
                            + " u.display_name) order by o.user_id) from participants o left join users u on u.id ="
                            + " o.user_id where o.conversation_id = c.id and o.member))::text"
                            + " from participants p join conversations c on c.id = p.conversation_id"
                            + " where p.user_id = $1 and p.member order by c.created_at, c.id",
                    true),
            new Section(
                    "messagesSent",
                    "select (to_jsonb(m) - 'tx')::text from messages m where m.sender_id = $1"
                            + " order by m.sent_at, m.conversation_id, m.seq",
                    true),
            new Section(
                    "sessions",
                    "select (to_jsonb(s) - 'tx')::text from sessions s where s.guest_user_id = $1"
                            + " or s.host_user_id = $1 order by s.requested_at, s.id",
                    true),
            new Section(
                    "requests",
                    "select (to_jsonb(r) - 'tx')::text from requests r where r.requester_id = $1"
                            + " or r.host_user_id = $1 or r.manager_id = $1 order by r.created_at, r.id",
                    true),
            new Section(
                    "payments",
                    "select (to_jsonb(p) - 'tx' - 'stripe_client_secret')::text from payments p"
                            + " where p.payer_user_id = $1 or p.payee_user_id = $1 order by p.created_at, p.payment_id",
                    true),
            new Section(
                    "reviews",
                    "select to_jsonb(r)::text from session_reviews r where r.guest_id = $1 or r.host_id = $1"
                            + " order by r.created_at, r.session_id",
                    true));

    private final Pool pg;

    public AccountExport(Pool pg) {
        this.pg = pg;
    }

    /**
     * Writes the caller's export to {@code out} (headers first, then each section) and ends it. A failure once the
     * first byte is out can only cut the download short: the caller then sees a truncated, invalid JSON document.
     */
    public Future<Void> write(UUID userId, String exportedAt, HttpServerResponse out) {
        return pg.withTransaction(conn -> {
                    out.setChunked(true)
                            .putHeader("Content-Type", "application/json")
                            .putHeader("Content-Disposition", "attachment; filename=\"humanchat-export.json\"")
                            .putHeader("Cache-Control", "no-store");
                    out.write("{\"userId\":\"" + userId + "\",\"exportedAt\":\"" + exportedAt + "\"");
                    Future<Void> chain = Future.succeededFuture();
                    for (Section section : SECTIONS) {
                        chain = chain.compose(v -> section(conn, out, section, userId));
                    }
                    return chain;
                })
                .compose(v -> out.end("}"));
    }

    private static Future<Void> section(SqlConnection conn, HttpServerResponse out, Section section, UUID userId) {
        out.write(",\"" + section.name() + "\":" + (section.list() ? "[" : ""));
        return conn.prepare(section.sql()).compose(statement -> {
            Promise<Void> done = Promise.promise();
            RowStream<Row> rows = statement.createStream(FETCH, Tuple.of(userId));
            boolean[] first = {true};
            rows.exceptionHandler(done::tryFail);
            rows.endHandler(v -> {
                if (!section.list() && first[0]) {
                    out.write("null");
                }
                if (section.list()) {
                    out.write("]");
                }
                done.tryComplete();
            });
            rows.handler(row -> {
                String json = row.getString(0);
                out.write((first[0] ? "" : ",") + (json == null ? "null" : json));
                first[0] = false;
                if (out.writeQueueFull()) {
                    rows.pause();
                    out.drainHandler(drained -> rows.resume());
                }
            });
            return done.future().eventually(statement::close);
        });
    }
}
