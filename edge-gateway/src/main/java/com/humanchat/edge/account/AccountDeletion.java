package com.humanchat.edge.account;

import com.humanchat.edge.http.ProblemType;
import com.humanchat.edge.identity.OutboxWriter;
import com.humanchat.readmodels.Rows;
import com.humanchat.schemas.SystemActors;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.users.UserCredentialsRevoked;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Account deletion with a grace period. The owner asks ({@link #schedule}): the account is due for erasure after the
 * grace and every other sign-in ends; until then they may sign in and {@link #cancel}. Once due, {@link #eraseDue}
 * erases it in one transaction per account:
 *
 * <ul>
 *   <li>the {@code users} row stays (payments, sessions and the messages others keep point at it) but is pseudonymised:
 *       no email, name, bio, tags, prices, manager or roles beyond {@code user}; it reads as "{@value #DELETED_NAME}";
 *   <li>credentials, sign-ins, two-factor secrets, recovery codes, e-mail sends and manager relations are deleted;
 *   <li>what the account wrote that others keep loses its author's identity: the names on managed requests, the text
 *       of their reviews and request messages; messages in conversations with no other person (Sam's) are emptied;
 *   <li>the payments ledger keeps every amount, status and Stripe reference (the law wants the books), with only the
 *       pseudonymous id to name the payer or payee;
 *   <li>the account's records on {@code users.events} are deleted from the outbox and a tombstone is published, so the
 *       compacted topic, and every copy that follows it, drops the account.
 * </ul>
 *
 * Several replicas may run it: an account is locked {@code for update skip locked} while it is erased.
 */
public final class AccountDeletion {

    public static final String DELETED_NAME = "Deleted user";

    private static final Logger LOG = LoggerFactory.getLogger(AccountDeletion.class);
    /** Accounts erased per round at most; the next round takes the rest. */
    static final int BATCH = 20;

    private final Pool pg;
    private final Clock clock;
    private final Duration grace;
    private final SignInSessions sessions;
    private final Runnable outboxWritten;
    private final OutboxWriter outbox = new OutboxWriter();

    public AccountDeletion(Pool pg, Clock clock, Duration grace, SignInSessions sessions, Runnable outboxWritten) {
        this.pg = pg;
        this.clock = clock;
        this.grace = grace;
        this.sessions = sessions;
        this.outboxWritten = outboxWritten;
    }

    /** {@code {scheduled, deletionDueAt, graceHours}}. */
    public Future<JsonObject> status(UUID userId) {
        return pg.preparedQuery("select deletion_due_at from users where id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> answer(Rows.first(rows, row -> row.getOffsetDateTime("deletion_due_at"))
                        .map(due -> due.toInstant())
                        .orElse(null)));
    }

    /**
     * Schedules the caller's erasure for now + the grace period (asking again keeps the first date) and ends every
     * sign-in but {@code currentSignIn}.
     */
    public Future<JsonObject> schedule(UUID userId, UUID currentSignIn) {
        Instant due = clock.instant().plus(grace);
        return pg.withTransaction(
                        tx -> tx.preparedQuery("update users set deletion_due_at = coalesce(deletion_due_at, $2)"
                                        + " where id = $1 and deleted_at is null returning deletion_due_at")
                                .execute(Tuple.of(userId, due.atOffset(ZoneOffset.UTC)))
                                .compose(rows -> sessions.revokeAllBut(
                                                tx, userId, currentSignIn, UserCredentialsRevoked.SIGNED_OUT)
                                        .map(revoked -> Rows.first(rows, row -> row.getOffsetDateTime("deletion_due_at")
                                                        .toInstant())
                                                .orElseThrow(() ->
                                                        ProblemType.CONFLICT.with("this account is already deleted")))))
                .map(scheduled -> {
                    outboxWritten.run();
                    LOG.info("user {} asked for their account to be deleted at {}", userId, scheduled);
                    return answer(scheduled);
                });
    }

    /** Cancels a scheduled deletion; 404 when none is scheduled. */
    public Future<JsonObject> cancel(UUID userId) {
        return pg.preparedQuery("update users set deletion_due_at = null where id = $1 and deletion_due_at is not null")
                .execute(Tuple.of(userId))
                .compose(rows -> {
                    if (rows.rowCount() == 0) {
                        return Future.failedFuture(
                                ProblemType.NOT_FOUND.with("no deletion of your account is scheduled"));
                    }
                    LOG.info("user {} cancelled the deletion of their account", userId);
                    return Future.succeededFuture(answer(null));
                });
    }

    /** Erases every account whose grace ended by the clock's now; answers the erased ids. */
    public Future<List<UUID>> eraseDue() {
        Instant now = clock.instant();
        return pg.preparedQuery("select id from users where deletion_due_at <= $1 and deleted_at is null"
                        + " order by deletion_due_at limit $2")
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC), BATCH))
                .compose(rows -> {
                    List<UUID> erased = new ArrayList<>();
                    Future<Void> chain = Future.succeededFuture();
                    for (var row : rows) {
                        UUID userId = row.getUUID("id");
                        chain = chain.compose(v -> eraseIfDue(userId, now).map(done -> {
                            if (done) {
                                erased.add(userId);
                            }
                            return null;
                        }));
                    }
                    return chain.map(erased);
                })
                .onSuccess(erased -> {
                    if (!erased.isEmpty()) {
                        outboxWritten.run();
                        LOG.info("erased {} deleted account(s): {}", erased.size(), erased);
                    }
                });
    }

    private Future<Boolean> eraseIfDue(UUID userId, Instant now) {
        return pg.withTransaction(tx -> tx.preparedQuery("select id from users where id = $1 and deletion_due_at <= $2"
                        + " and deleted_at is null for update skip locked")
                .execute(Tuple.of(userId, now.atOffset(ZoneOffset.UTC)))
                .compose(rows -> rows.size() == 0
                        ? Future.succeededFuture(false)
                        : erase(tx, userId).map(true)));
    }

    private Future<Void> erase(SqlClient tx, UUID userId) {
        Tuple id = Tuple.of(userId);
        Future<Void> chain = Future.succeededFuture();
        for (String statement : ERASURE) {
            chain = chain.compose(v -> tx.preparedQuery(statement).execute(id).mapEmpty());
        }
        return chain.compose(v -> tx.preparedQuery(
                                "update messages m set content = null, actions = '[]', deleted_at = coalesce("
                                        + "m.deleted_at, now()) where m.conversation_id in (select p.conversation_id"
                                        + " from participants p where p.user_id = $1 and not exists (select 1 from"
                                        + " participants o where o.conversation_id = p.conversation_id"
                                        + " and o.user_id <> $1 and o.user_id <> $2))")
                        .execute(Tuple.of(userId, SystemActors.SAM)))
                .compose(v -> outbox.append(
                        tx,
                        Topics.USERS_EVENTS,
                        UserCredentialsRevoked.of(userId, null, UserCredentialsRevoked.ACCOUNT_DELETED)))
                .compose(v -> outbox.appendTombstone(tx, Topics.USERS_EVENTS, userId.toString()));
    }

    /** The erasure of one account ({@code $1}), in order; the Sam conversations and the outbox follow. */
    private static final List<String> ERASURE = List.of(
            "update users set email = 'deleted-' || id || '@deleted.invalid', display_name = '" + DELETED_NAME + "',"
                    + " bio = '', tags = '{}', price_cents = null, currency = null, instant_available = false,"
                    + " manager_id = null, representative_name = null, roles = '{user}', email_verified_at = null,"
                    + " presence_public = false, donations_welcome = false, request_hold_minutes = null,"
                    + " deletion_due_at = null, deleted_at = now(), updated_at = now()"
                    + " where id = $1",
            "update users set manager_id = null, representative_name = null where manager_id = $1",
            "delete from credentials where user_id = $1",
            "delete from refresh_tokens where user_id = $1",
            "delete from two_factor where user_id = $1",
            "delete from two_factor_recovery_codes where user_id = $1",
            "delete from email_verification_sends where user_id = $1",
            "delete from manager_invitations where host_user_id = $1 or manager_user_id = $1",
            "update requests set requester_name = '" + DELETED_NAME + "', message = '' where requester_id = $1",
            "update requests set host_name = '" + DELETED_NAME + "', representative_name = null"
                    + " where host_user_id = $1",
            "update requests set representative_name = null where manager_id = $1",
            "update session_reviews set text = null where guest_id = $1",
            "update session_reviews set answer = null, answered_at = null where host_id = $1",
            "update payments set stripe_client_secret = null where payer_user_id = $1",
            // The account's earlier records (names, bios) go; the tombstone and the sign-out below replace them.
            "delete from outbox where topic = '" + Topics.USERS_EVENTS.name() + "' and record_key = $1::uuid::text");

    private JsonObject answer(Instant due) {
        return new JsonObject()
                .put("scheduled", due != null)
                .put("deletionDueAt", due == null ? null : due.toString())
                .put("graceHours", grace.toHours());
    }
}
