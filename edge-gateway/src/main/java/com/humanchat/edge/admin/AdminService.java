package com.humanchat.edge.admin;

import com.humanchat.edge.auth.AccountStanding;
import com.humanchat.edge.auth.SuspendedUsers;
import com.humanchat.edge.http.KeysetCursor;
import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.Rejections;
import com.humanchat.edge.identity.ManagerInvitations;
import com.humanchat.edge.identity.OutboxWriter;
import com.humanchat.readmodels.Rows;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.admin.AnnouncementPublished;
import com.humanchat.schemas.users.UserCredentialsRevoked;
import com.humanchat.schemas.users.UserSuspended;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * What admins do: find accounts, suspend or reinstate them, change their roles, broadcast announcements, hide abusive
 * reviews. Every action
 * commits together with its {@code admin_audit} row and, where other services must know, its outbox record
 * ({@code user.suspended} on {@code users.events}, {@code announcement.published} on {@code admin.announcements}).
 */
public final class AdminService {

    private static final String USER_COLUMNS = "id, email, display_name, roles, suspended, created_at, updated_at";

    /** One page of accounts. */
    public record Page(List<JsonObject> items, KeysetCursor next) {}

    private final Pool pg;
    private final SuspendedUsers suspended;
    private final AccountStanding standing;
    private final ManagerInvitations invitations;
    private final Runnable outboxWritten;
    private final OutboxWriter outbox = new OutboxWriter();

    /** @param outboxWritten called after a transaction that wrote to the outbox committed (nudges the relay) */
    public AdminService(
            Pool pg,
            SuspendedUsers suspended,
            AccountStanding standing,
            ManagerInvitations invitations,
            Runnable outboxWritten) {
        this.pg = pg;
        this.suspended = suspended;
        this.standing = standing;
        this.invitations = invitations;
        this.outboxWritten = outboxWritten;
    }

    /** Whether the account holds the admin role now (read from PostgreSQL, not from a token minted earlier). */
    public Future<Boolean> isAdmin(UUID userId) {
        return standing.of(userId)
                .map(admin -> admin.holds("admin"))
                .recover(gone ->
                        gone instanceof ProblemException ? Future.succeededFuture(false) : Future.failedFuture(gone));
    }

    /** Accounts whose email or display name contains {@code q} (all when null), newest first. */
    public Future<Page> users(String q, KeysetCursor after, int limit) {
        String pattern = q == null || q.isBlank()
                ? null
                : "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return pg.preparedQuery("select " + USER_COLUMNS + " from users"
                        + " where ($1::text is null or email ilike $1 or display_name ilike $1)"
                        + " and ($2::timestamptz is null or (created_at, id) < ($2, $3))"
                        + " order by created_at desc, id desc limit $4")
                .execute(Tuple.of(pattern, KeysetCursor.timeOf(after), KeysetCursor.idOf(after), limit + 1))
                .map(rows -> {
                    List<JsonObject> items = Rows.all(rows, AdminService::user);
                    if (items.size() <= limit) {
                        return new Page(items, null);
                    }
                    JsonObject last = items.get(limit - 1);
                    return new Page(items.subList(0, limit), KeysetCursor.after(last, "createdAt", "id"));
                });
    }

    /**
     * Suspends or reinstates {@code target} and/or replaces their roles. A suspension also revokes every refresh token
     * of the account; its sockets are closed by every replica when {@code user.suspended} reaches them (this one at
     * once). An admin cannot suspend themselves or drop their own admin role (422); an unknown account is 404.
     */
    public Future<JsonObject> update(UUID actor, UUID target, Boolean suspend, List<String> roles, String reason) {
        if (actor.equals(target) && Boolean.TRUE.equals(suspend)) {
            return Future.failedFuture(unprocessable("/suspended", "you cannot suspend yourself"));
        }
        if (actor.equals(target) && roles != null && !roles.contains("admin")) {
            return Future.failedFuture(unprocessable("/roles", "you cannot drop your own admin role"));
        }
        boolean[] outboxChanged = {false};
        boolean[] suspensionChanged = {false};
        return pg.withTransaction(tx -> tx.preparedQuery(
                                "select " + USER_COLUMNS + " from users where id = $1 for update")
                        .execute(Tuple.of(target))
                        .compose(rows -> {
                            if (rows.size() == 0) {
                                return Future.failedFuture(ProblemException.notFound("no such user"));
                            }
                            Row before = rows.iterator().next();
                            Future<Void> done = Future.succeededFuture();
                            if (suspend != null && suspend != before.getBoolean("suspended")) {
                                suspensionChanged[0] = true;
                                done = done.compose(v -> suspend(tx, actor, target, suspend, reason));
                            }
                            List<String> current = Arrays.asList(before.getArrayOfStrings("roles"));
                            if (roles != null && !Set.copyOf(roles).equals(Set.copyOf(current))) {
                                outboxChanged[0] = true;
                                done = done.compose(v -> changeRoles(tx, actor, target, current, roles, reason));
                            }
                            return done.compose(
                                    v -> tx.preparedQuery("select " + USER_COLUMNS + " from users where id = $1")
                                            .execute(Tuple.of(target)));
                        })
                        .map(rows -> user(rows.iterator().next())))
                .onSuccess(user -> {
                    if (suspensionChanged[0]) {
                        suspended.set(target, user.getBoolean("suspended"));
                    }
                    if (suspensionChanged[0] || outboxChanged[0]) {
                        outboxWritten.run();
                    }
                });
    }

    private Future<Void> suspend(SqlConnection tx, UUID actor, UUID target, boolean suspend, String reason) {
        Future<?> revoked = suspend
                ? tx.preparedQuery("update refresh_tokens set revoked_at = now() where user_id = $1 and revoked_at is"
                                + " null")
                        .execute(Tuple.of(target))
                : Future.succeededFuture();
        return revoked.compose(
                        v -> tx.preparedQuery("update users set suspended = $2, updated_at = now() where id = $1")
                                .execute(Tuple.of(target, suspend)))
                .compose(v -> outbox.append(
                        tx,
                        Topics.USERS_EVENTS,
                        new UserSuspended(UUID.randomUUID(), 1, Instant.now(), target, suspend, reason)))
                .compose(v -> audit(
                        tx,
                        actor,
                        suspend ? "user.suspend" : "user.reinstate",
                        target,
                        new JsonObject().put("reason", reason)));
    }

    /**
     * Replaces the roles; a removed manager role also ends every manager relation of the account. Either way a {@code
     * user.credentials-revoked} closes the account's sockets on every replica: they reconnect with what they may do now.
     */
    private Future<Void> changeRoles(
            SqlConnection tx, UUID actor, UUID target, List<String> from, List<String> to, String reason) {
        boolean managerRemoved = from.contains("manager") && !to.contains("manager");
        return tx.preparedQuery("update users set roles = $2, updated_at = now() where id = $1")
                .execute(Tuple.tuple()
                        .addUUID(target)
                        .addArrayOfString(to.stream().distinct().sorted().toArray(String[]::new)))
                .compose(v -> managerRemoved ? invitations.endAllOf(tx, target) : Future.<Void>succeededFuture())
                .compose(v -> outbox.append(
                        tx,
                        Topics.USERS_EVENTS,
                        UserCredentialsRevoked.of(target, null, UserCredentialsRevoked.ROLES_CHANGED)))
                .compose(v -> audit(
                        tx,
                        actor,
                        "user.roles",
                        target,
                        new JsonObject()
                                .put("from", new JsonArray(from))
                                .put("to", new JsonArray(to))
                                .put("reason", reason)));
    }

    /**
     * Hides an abusive review from profiles, Discover and the host's reviews; the guest's rating stops counting too.
     * Hiding a hidden review again changes nothing but is audited; a session without a (projected) review is 404.
     */
    public Future<JsonObject> hideReview(UUID actor, UUID sessionId, String reason) {
        return pg.withTransaction(tx -> tx.preparedQuery(
                        "update session_reviews set hidden = true where session_id = $1 returning host_id")
                .execute(Tuple.of(sessionId))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.failedFuture(ProblemException.notFound("the session has no review"));
                    }
                    UUID host = rows.iterator().next().getUUID("host_id");
                    return audit(
                                    tx,
                                    actor,
                                    "review.hide",
                                    sessionId,
                                    new JsonObject()
                                            .put("hostId", host.toString())
                                            .put("reason", reason))
                            .map(v -> new JsonObject()
                                    .put("sessionId", sessionId.toString())
                                    .put("hostId", host.toString())
                                    .put("hidden", true));
                }));
    }

    /** Stores and broadcasts an announcement (every connected client on every replica gets it). */
    public Future<JsonObject> announce(UUID actor, String message, String level) {
        AnnouncementPublished published = AnnouncementPublished.of(UUID.randomUUID(), actor, message, level);
        return pg.withTransaction(tx -> tx.preparedQuery("insert into announcements (id, author_id, message, level,"
                                + " published_at) values ($1, $2, $3, $4, $5) returning published_at")
                        .execute(Tuple.of(
                                published.announcementId(),
                                actor,
                                message,
                                level,
                                published.occurredAt().atOffset(ZoneOffset.UTC)))
                        .compose(v -> outbox.append(tx, Topics.ADMIN_ANNOUNCEMENTS, published))
                        .compose(v -> audit(
                                tx,
                                actor,
                                "announcement.publish",
                                published.announcementId(),
                                new JsonObject().put("level", level))))
                .map(v -> announcement(published))
                .onSuccess(v -> outboxWritten.run());
    }

    /** The latest announcements, newest first. */
    public Future<JsonArray> announcements(int limit) {
        return latest(
                "select id, author_id, message, level, published_at from announcements"
                        + " order by published_at desc, id desc limit $1",
                limit,
                row -> new JsonObject()
                        .put("announcementId", row.getUUID("id").toString())
                        .put("authorId", row.getUUID("author_id").toString())
                        .put("message", row.getString("message"))
                        .put("level", row.getString("level"))
                        .put("publishedAt", instant(row.getOffsetDateTime("published_at"))));
    }

    /** The latest admin actions, newest first. */
    public Future<JsonArray> auditLog(int limit) {
        return latest(
                "select id, actor_id, action, target_id, details, at from admin_audit"
                        + " order by at desc, id desc limit $1",
                limit,
                row -> new JsonObject()
                        .put("id", row.getLong("id"))
                        .put("actorId", row.getUUID("actor_id").toString())
                        .put("action", row.getString("action"))
                        .put(
                                "targetId",
                                row.getUUID("target_id") == null
                                        ? null
                                        : row.getUUID("target_id").toString())
                        .put("details", row.getJsonObject("details"))
                        .put("at", instant(row.getOffsetDateTime("at"))));
    }

    /** The rows of a newest-first query whose one parameter is the limit, each as the list item {@code item} makes. */
    private Future<JsonArray> latest(String sql, int limit, Function<Row, JsonObject> item) {
        return pg.preparedQuery(sql).mapping(item).execute(Tuple.of(limit)).map(rows -> {
            JsonArray items = new JsonArray();
            rows.forEach(items::add);
            return items;
        });
    }

    /** The {@code announcement} frame and list item of a published announcement. */
    public static JsonObject announcement(AnnouncementPublished published) {
        return new JsonObject()
                .put("announcementId", published.announcementId().toString())
                .put("authorId", published.authorId().toString())
                .put("message", published.message())
                .put("level", published.level())
                .put("publishedAt", published.occurredAt().toString());
    }

    static Future<Void> audit(SqlConnection tx, UUID actor, String action, UUID target, JsonObject details) {
        return tx.preparedQuery(
                        "insert into admin_audit (actor_id, action, target_id, details) values ($1, $2, $3, $4)")
                .execute(Tuple.of(actor, action, target, details))
                .mapEmpty();
    }

    private static JsonObject user(Row row) {
        return new JsonObject()
                .put("id", row.getUUID("id").toString())
                .put("email", row.getString("email"))
                .put("displayName", row.getString("display_name"))
                .put("roles", new JsonArray(Arrays.asList(row.getArrayOfStrings("roles"))))
                .put("suspended", row.getBoolean("suspended"))
                .put("createdAt", instant(row.getOffsetDateTime("created_at")))
                .put("updatedAt", instant(row.getOffsetDateTime("updated_at")));
    }

    private static String instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant().toString();
    }

    private static ProblemException unprocessable(String pointer, String detail) {
        return Rejections.unprocessable(detail, List.of(new ProblemException.FieldError(pointer, detail)));
    }
}
