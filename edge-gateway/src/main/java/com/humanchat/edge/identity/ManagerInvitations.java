package com.humanchat.edge.identity;

import com.humanchat.edge.auth.AccountStanding;
import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.ProblemType;
import com.humanchat.edge.http.Rejections;
import com.humanchat.readmodels.Rows;
import com.humanchat.readmodels.identity.UserReads;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.users.UserCredentialsRevoked;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Managers are people who said yes: a verified host invites an account (by id or e-mail), the invitee accepts (and
 * gains the {@code manager} role), and only then is it the host's manager ({@code users.manager_id}, published as
 * {@code user.profile-updated}). Host or manager end it at any time; so does an admin removing the manager role. Who
 * manages a host right now is {@link #managesHost}: the accepted invitation and the role, read at every decision.
 */
public final class ManagerInvitations {

    private static final Logger LOG = LoggerFactory.getLogger(ManagerInvitations.class);

    private static final String COLUMNS = "i.id, i.host_user_id, i.manager_user_id, i.status, i.created_at,"
            + " i.accepted_at, h.display_name as host_name, m.display_name as manager_name";
    private static final String FROM = " from manager_invitations i join users h on h.id = i.host_user_id"
            + " join users m on m.id = i.manager_user_id";

    private final Pool pg;
    private final AccountStanding standing;
    private final Runnable outboxWritten;
    private final OutboxWriter outbox = new OutboxWriter();

    public ManagerInvitations(Pool pg, AccountStanding standing, Runnable outboxWritten) {
        this.pg = pg;
        this.standing = standing;
        this.outboxWritten = outboxWritten;
    }

    /**
     * Whether {@code actor} manages {@code host} now: an accepted invitation, the manager role, not suspended. Read
     * from PostgreSQL at every decision, so an ended invitation or a removed role ends the power with the next call.
     */
    public Future<Boolean> managesHost(UUID actor, UUID host) {
        return pg.preparedQuery("select 1 from manager_invitations i join users m on m.id = i.manager_user_id"
                        + " where i.host_user_id = $1 and i.manager_user_id = $2 and i.status = 'accepted'"
                        + " and 'manager' = any(m.roles) and not m.suspended")
                .execute(Tuple.of(host, actor))
                .map(rows -> rows.size() > 0);
    }

    /**
     * {@code host} invites the account {@code managerId} or, when null, the account with {@code email}: 403 unless the
     * caller is a host with a verified address, 422 for an unknown, suspended or own account, 409 while another
     * invitation of the host is open. An unknown e-mail and an unknown id answer alike.
     */
    public Future<JsonObject> invite(UUID host, UUID managerId, String email) {
        return standing.of(host)
                .compose(caller -> {
                    if (!caller.holds(RoleGrants.HOST)) {
                        return Future.failedFuture(ProblemException.forbidden("only hosts invite a manager"));
                    }
                    if (!caller.emailVerified()) {
                        return Future.failedFuture(ProblemException.emailUnverified("inviting a manager"));
                    }
                    return managerId != null
                            ? UserReads.findById(pg, managerId)
                            : pg.preparedQuery("select " + UserReads.USER_COLUMNS + " from users u"
                                            + " where lower(u.email) = $1")
                                    .execute(Tuple.of(RoleGrants.normalizeEmail(email)))
                                    .map(rows -> Rows.first(rows, UserReads::toUser));
                })
                .compose(invitee -> {
                    String field = managerId != null ? "/managerId" : "/email";
                    if (invitee.isEmpty() || invitee.get().suspended()) {
                        return Future.failedFuture(unprocessable(field, "no such active account"));
                    }
                    if (invitee.get().id().equals(host)) {
                        return Future.failedFuture(unprocessable(field, "you cannot be your own manager"));
                    }
                    UUID id = UUID.randomUUID();
                    return pg.preparedQuery("insert into manager_invitations (id, host_user_id, manager_user_id,"
                                    + " status) values ($1, $2, $3, 'pending')")
                            .execute(Tuple.of(id, host, invitee.get().id()))
                            .recover(ManagerInvitations::openInvitationToConflict)
                            .compose(v -> one(pg, id));
                })
                .onSuccess(invitation ->
                        LOG.info("host {} invited {} to manage them", host, invitation.getString("managerUserId")));
    }

    /** The caller's open invitations: those they sent as a host and those they received. */
    public Future<JsonObject> of(UUID caller) {
        return pg.preparedQuery("select " + COLUMNS + FROM + " where (i.host_user_id = $1 or i.manager_user_id = $1)"
                        + " and i.status <> 'ended' order by i.created_at desc")
                .execute(Tuple.of(caller))
                .map(rows -> {
                    JsonArray sent = new JsonArray();
                    JsonArray received = new JsonArray();
                    rows.forEach(
                            row -> (row.getUUID("host_user_id").equals(caller) ? sent : received).add(toJson(row)));
                    return new JsonObject().put("sent", sent).put("received", received);
                });
    }

    /**
     * The invitee accepts: 404 for anyone else (the invitation's existence is not revealed), 409 unless it is pending,
     * 403 until the invitee's address is verified. In one transaction the invitee gains the manager role, the host's
     * {@code manager_id} names them and {@code user.profile-updated} goes to the outbox.
     */
    public Future<JsonObject> accept(UUID caller, UUID invitationId) {
        return standing.of(caller)
                .compose(invitee -> pg.withTransaction(tx -> lock(tx, invitationId)
                        .compose(row -> {
                            if (!row.getUUID("manager_user_id").equals(caller)) {
                                return Future.failedFuture(unknownInvitation());
                            }
                            if (!"pending".equals(row.getString("status"))) {
                                return Future.failedFuture(
                                        ProblemException.conflict("this invitation is " + row.getString("status")));
                            }
                            if (!invitee.emailVerified()) {
                                return Future.failedFuture(ProblemException.emailUnverified("managing a host"));
                            }
                            UUID host = row.getUUID("host_user_id");
                            return tx.preparedQuery("update manager_invitations set status = 'accepted',"
                                            + " accepted_at = now() where id = $1")
                                    .execute(Tuple.of(invitationId))
                                    .compose(v -> tx.preparedQuery("update users set roles = case when 'manager' ="
                                                    + " any(roles) then roles else array_append(roles, 'manager')"
                                                    + " end, updated_at = now() where id = $1")
                                            .execute(Tuple.of(caller)))
                                    .compose(v -> setManager(tx, host, caller));
                        })
                        .compose(v -> one(tx, invitationId))))
                .onSuccess(accepted -> {
                    outboxWritten.run();
                    LOG.info("{} accepted to manage host {}", caller, accepted.getString("hostUserId"));
                });
    }

    /**
     * Host or invitee ends an open invitation (404 for anyone else or when it already ended). Ending an accepted one
     * clears the host's manager at once and closes the former manager's sockets on every replica.
     */
    public Future<Void> end(UUID caller, UUID invitationId) {
        return pg.withTransaction(tx -> lock(tx, invitationId).compose(row -> {
                    boolean party = row.getUUID("host_user_id").equals(caller)
                            || row.getUUID("manager_user_id").equals(caller);
                    if (!party || "ended".equals(row.getString("status"))) {
                        return Future.failedFuture(unknownInvitation());
                    }
                    return endRow(tx, row);
                }))
                .onSuccess(v -> {
                    outboxWritten.run();
                    LOG.info("{} ended manager invitation {}", caller, invitationId);
                });
    }

    /** Ends the host's open invitation, if any, on the caller's transaction (the host cleared their manager). */
    Future<Void> endForHost(SqlClient tx, UUID host) {
        return tx.preparedQuery("select " + COLUMNS + FROM + " where i.host_user_id = $1 and i.status <> 'ended'"
                        + " for update of i")
                .execute(Tuple.of(host))
                .compose(rows -> rows.size() == 0
                        ? Future.succeededFuture()
                        : endRow(tx, rows.iterator().next()));
    }

    /**
     * Ends every open invitation of {@code manager} on the caller's transaction (an admin removed their manager role);
     * the caller nudges the outbox relay after the commit.
     */
    public Future<Void> endAllOf(SqlClient tx, UUID manager) {
        return tx.preparedQuery("select " + COLUMNS + FROM + " where i.manager_user_id = $1 and i.status <> 'ended'"
                        + " for update of i")
                .execute(Tuple.of(manager))
                .compose(rows -> {
                    Future<Void> done = Future.succeededFuture();
                    for (Row row : rows) {
                        done = done.compose(v -> endRow(tx, row));
                    }
                    return done;
                });
    }

    private Future<Void> endRow(SqlClient tx, Row row) {
        UUID host = row.getUUID("host_user_id");
        UUID manager = row.getUUID("manager_user_id");
        boolean accepted = "accepted".equals(row.getString("status"));
        Future<Void> ended = tx.preparedQuery(
                        "update manager_invitations set status = 'ended', ended_at = now() where id = $1")
                .execute(Tuple.of(row.getUUID("id")))
                .mapEmpty();
        if (!accepted) {
            return ended;
        }
        return ended.compose(v -> setManager(tx, host, null))
                .compose(v -> outbox.append(
                        tx,
                        Topics.USERS_EVENTS,
                        UserCredentialsRevoked.of(manager, null, UserCredentialsRevoked.ROLES_CHANGED)));
    }

    /** Points the host's {@code manager_id} at {@code manager} (null: none) and publishes the profile. */
    private Future<Void> setManager(SqlClient tx, UUID host, UUID manager) {
        return tx.preparedQuery("update users set manager_id = $2, updated_at = now() where id = $1")
                .execute(Tuple.of(host, manager))
                .compose(v -> UserReads.findById(tx, host))
                .compose(updated ->
                        outbox.append(tx, Topics.USERS_EVENTS, IdentityService.profileUpdated(updated.orElseThrow())));
    }

    private static Future<Row> lock(SqlClient tx, UUID invitationId) {
        return tx.preparedQuery("select " + COLUMNS + FROM + " where i.id = $1 for update of i")
                .execute(Tuple.of(invitationId))
                .compose(rows -> rows.size() == 0
                        ? Future.failedFuture(unknownInvitation())
                        : Future.succeededFuture(rows.iterator().next()));
    }

    private static Future<JsonObject> one(SqlClient sql, UUID id) {
        return sql.preparedQuery("select " + COLUMNS + FROM + " where i.id = $1")
                .execute(Tuple.of(id))
                .map(rows -> toJson(rows.iterator().next()));
    }

    private static JsonObject toJson(Row row) {
        return new JsonObject()
                .put("id", row.getUUID("id").toString())
                .put("hostUserId", row.getUUID("host_user_id").toString())
                .put("hostDisplayName", row.getString("host_name"))
                .put("managerUserId", row.getUUID("manager_user_id").toString())
                .put("managerDisplayName", row.getString("manager_name"))
                .put("status", row.getString("status"))
                .put(
                        "createdAt",
                        row.getOffsetDateTime("created_at").toInstant().toString())
                .put(
                        "acceptedAt",
                        row.getOffsetDateTime("accepted_at") == null
                                ? null
                                : row.getOffsetDateTime("accepted_at")
                                        .toInstant()
                                        .toString());
    }

    private static <T> Future<T> openInvitationToConflict(Throwable failure) {
        if (failure instanceof PgException pg && UserStore.UNIQUE_VIOLATION.equals(pg.getSqlState())) {
            return Future.failedFuture(
                    ProblemType.INVITATION_OPEN.with("you already have an open manager invitation: end it first"));
        }
        return Future.failedFuture(failure);
    }

    static ProblemException unknownInvitation() {
        return ProblemException.notFound("no such manager invitation");
    }

    private static ProblemException unprocessable(String field, String detail) {
        return Rejections.unprocessable(detail, List.of(new ProblemException.FieldError(field, detail)));
    }
}
