package com.humanchat.edge.safety;

import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.Rejections;
import com.humanchat.edge.identity.OutboxWriter;
import com.humanchat.readmodels.Rows;
import com.humanchat.schemas.SystemActors;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.safety.InboundPolicySet;
import com.humanchat.schemas.safety.UserBlocked;
import com.humanchat.schemas.safety.UserUnblocked;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.UUID;

/**
 * Blocks and inbound policies. Each change commits with its {@code users.safety} outbox record, which carries it to
 * the topologies that enforce it (conversation, session, request) and to every edge replica (presence and typing);
 * this replica's {@link BlockedUsers} learns it at once.
 */
public final class SafetyService {

    /** The most blocks one account lists; far above any real use, it only bounds the answer. */
    static final int MAX_LISTED = 1000;

    /** A change and whether it created something (201) or found it already there (200). */
    public record Outcome(JsonObject body, boolean created) {}

    private final Pool pg;
    private final BlockedUsers blocked;
    private final Runnable outboxWritten;
    private final OutboxWriter outbox = new OutboxWriter();

    public SafetyService(Pool pg, BlockedUsers blocked, Runnable outboxWritten) {
        this.pg = pg;
        this.blocked = blocked;
        this.outboxWritten = outboxWritten;
    }

    /** {@code caller} blocks {@code target}: 404 for no such user, 422 for oneself or the platform's own actors. */
    public Future<Outcome> block(UUID caller, UUID target) {
        if (caller.equals(target)) {
            return Future.failedFuture(Rejections.unprocessableField("/userId", "you cannot block yourself"));
        }
        if (SystemActors.SAM.equals(target) || SystemActors.PLATFORM.equals(target)) {
            return Future.failedFuture(
                    Rejections.unprocessableField("/userId", "Sam and the platform cannot be blocked"));
        }
        return pg.withTransaction(tx -> tx.preparedQuery("select display_name from users where id = $1")
                        .execute(Tuple.of(target))
                        .compose(users -> {
                            if (users.size() == 0) {
                                return Future.failedFuture(ProblemException.notFound("no such user"));
                            }
                            String name = users.iterator().next().getString("display_name");
                            return tx.preparedQuery("insert into user_blocks (blocker_id, blocked_id) values ($1, $2)"
                                            + " on conflict do nothing returning created_at")
                                    .execute(Tuple.of(caller, target))
                                    .compose(inserted -> {
                                        if (inserted.size() == 0) {
                                            return existing(tx, caller, target, name)
                                                    .map(body -> new Outcome(body, false));
                                        }
                                        Instant at = inserted.iterator()
                                                .next()
                                                .getOffsetDateTime("created_at")
                                                .toInstant();
                                        return outbox.append(
                                                        tx, Topics.USERS_SAFETY, UserBlocked.of(caller, target, at))
                                                .map(v -> new Outcome(entry(target, name, at), true));
                                    });
                        }))
                .onSuccess(outcome -> {
                    blocked.set(caller, target, true);
                    if (outcome.created()) {
                        outboxWritten.run();
                    }
                });
    }

    private static Future<JsonObject> existing(
            io.vertx.sqlclient.SqlConnection tx, UUID caller, UUID target, String name) {
        return tx.preparedQuery("select created_at from user_blocks where blocker_id = $1 and blocked_id = $2")
                .execute(Tuple.of(caller, target))
                .map(rows -> entry(
                        target,
                        name,
                        rows.iterator().next().getOffsetDateTime("created_at").toInstant()));
    }

    /** Lifts the block if there is one; lifting none is not an error (204 either way). */
    public Future<Void> unblock(UUID caller, UUID target) {
        boolean[] lifted = {false};
        return pg.withTransaction(tx -> tx.preparedQuery(
                                "delete from user_blocks where blocker_id = $1 and blocked_id = $2 returning 1")
                        .execute(Tuple.of(caller, target))
                        .compose(deleted -> {
                            if (deleted.size() == 0) {
                                return Future.<Void>succeededFuture();
                            }
                            lifted[0] = true;
                            return outbox.append(
                                    tx, Topics.USERS_SAFETY, UserUnblocked.of(caller, target, Instant.now()));
                        }))
                .onSuccess(v -> {
                    blocked.set(caller, target, false);
                    if (lifted[0]) {
                        outboxWritten.run();
                    }
                });
    }

    /** The accounts {@code caller} blocks, newest first. */
    public Future<JsonObject> blocks(UUID caller) {
        return pg.preparedQuery("select b.blocked_id, u.display_name, b.created_at from user_blocks b"
                        + " join users u on u.id = b.blocked_id where b.blocker_id = $1"
                        + " order by b.created_at desc, b.blocked_id limit $2")
                .execute(Tuple.of(caller, MAX_LISTED))
                .map(rows -> new JsonObject()
                        .put(
                                "items",
                                new JsonArray(Rows.all(
                                        rows,
                                        row -> entry(
                                                row.getUUID("blocked_id"),
                                                row.getString("display_name"),
                                                row.getOffsetDateTime("created_at")
                                                        .toInstant())))));
    }

    /** The caller's inbound policy. */
    public Future<JsonObject> inboundPolicy(UUID caller) {
        return pg.preparedQuery("select inbound_request_first, inbound_daily_cap from users where id = $1")
                .execute(Tuple.of(caller))
                .map(rows -> Rows.first(rows, SafetyService::policy).orElseThrow());
    }

    /**
     * Sets how the caller takes first contact: {@code requestFirst} (strangers start with a request) and/or at most
     * {@code dailyCap} new direct conversations a UTC day (null = no cap).
     */
    public Future<JsonObject> setInboundPolicy(UUID caller, boolean requestFirst, Integer dailyCap) {
        return pg.withTransaction(tx -> tx.preparedQuery("update users set inbound_request_first = $2,"
                                + " inbound_daily_cap = $3, updated_at = now() where id = $1"
                                + " returning inbound_request_first, inbound_daily_cap")
                        .execute(Tuple.of(caller, requestFirst, dailyCap))
                        .compose(rows -> outbox.append(
                                        tx,
                                        Topics.USERS_SAFETY,
                                        InboundPolicySet.of(caller, requestFirst, dailyCap, Instant.now()))
                                .map(v ->
                                        Rows.first(rows, SafetyService::policy).orElseThrow())))
                .onSuccess(v -> outboxWritten.run());
    }

    private static JsonObject policy(Row row) {
        return new JsonObject()
                .put("requestFirst", row.getBoolean("inbound_request_first"))
                .put("maxNewConversationsPerDay", row.getInteger("inbound_daily_cap"));
    }

    private static JsonObject entry(UUID userId, String displayName, Instant at) {
        return new JsonObject()
                .put("userId", userId.toString())
                .put("displayName", displayName)
                .put("blockedAt", at.toString());
    }
}
