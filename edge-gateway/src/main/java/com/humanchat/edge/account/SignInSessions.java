package com.humanchat.edge.account;

import com.humanchat.edge.http.ProblemType;
import com.humanchat.edge.identity.OutboxWriter;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.users.UserCredentialsRevoked;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/**
 * The owner's sign-ins (one per refresh-token family, the {@code sid} of their access tokens): listed while they can
 * still be refreshed, and revoked one by one. A revocation commits with a {@code user.credentials-revoked} that closes
 * the sign-in's sockets on every replica; its access token, stateless, lives out its few minutes.
 */
public final class SignInSessions {

    /** At most this many sign-ins are listed, the most recently active first. */
    static final int MAX_LISTED = 100;

    private final Pool pg;
    private final OutboxWriter outbox = new OutboxWriter();
    private final Runnable outboxWritten;

    public SignInSessions(Pool pg, Runnable outboxWritten) {
        this.pg = pg;
        this.outboxWritten = outboxWritten;
    }

    /** {@code {items: [{id, signedInAt, lastActiveAt, expiresAt, current}]}}; {@code current} is the caller's own. */
    public Future<JsonObject> list(UUID userId, UUID currentFamily) {
        return pg.preparedQuery("select family_id, min(issued_at) as signed_in_at, max(issued_at) as last_active_at,"
                        + " max(expires_at) as expires_at from refresh_tokens where user_id = $1"
                        + " group by family_id"
                        + " having bool_and(revoked_at is null)"
                        + " and bool_or(rotated_at is null and expires_at > now())"
                        + " order by max(issued_at) desc limit $2")
                .execute(Tuple.of(userId, MAX_LISTED))
                .map(rows -> {
                    JsonArray items = new JsonArray();
                    rows.forEach(row -> items.add(new JsonObject()
                            .put("id", row.getUUID("family_id").toString())
                            .put(
                                    "signedInAt",
                                    row.getOffsetDateTime("signed_in_at")
                                            .toInstant()
                                            .toString())
                            .put(
                                    "lastActiveAt",
                                    row.getOffsetDateTime("last_active_at")
                                            .toInstant()
                                            .toString())
                            .put(
                                    "expiresAt",
                                    row.getOffsetDateTime("expires_at")
                                            .toInstant()
                                            .toString())
                            .put("current", row.getUUID("family_id").equals(currentFamily))));
                    return new JsonObject().put("items", items);
                });
    }

    /** Revokes the caller's sign-in {@code familyId}; 404 when they have no such live sign-in. */
    public Future<Void> revoke(UUID userId, UUID familyId) {
        return pg.<Boolean>withTransaction(tx -> revokeFamily(tx, userId, familyId, UserCredentialsRevoked.SIGNED_OUT))
                .compose(revoked -> {
                    if (!revoked) {
                        return Future.failedFuture(ProblemType.NOT_FOUND.with("you have no such sign-in"));
                    }
                    outboxWritten.run();
                    return Future.succeededFuture();
                });
    }

    /**
     * Revokes every live sign-in of the user but {@code keep} (null: all of them) on {@code tx}, each with its
     * {@code user.credentials-revoked}; answers whether any was.
     */
    Future<Boolean> revokeAllBut(SqlClient tx, UUID userId, UUID keep, String reason) {
        return tx.preparedQuery(
                        "select distinct family_id from refresh_tokens where user_id = $1 and revoked_at is null"
                                + " and ($2::uuid is null or family_id <> $2)")
                .execute(Tuple.of(userId, keep))
                .compose(rows -> {
                    Future<Boolean> any = Future.succeededFuture(false);
                    for (var row : rows) {
                        UUID family = row.getUUID("family_id");
                        any = any.compose(before ->
                                revokeFamily(tx, userId, family, reason).map(revoked -> before || revoked));
                    }
                    return any;
                });
    }

    private Future<Boolean> revokeFamily(SqlClient tx, UUID userId, UUID familyId, String reason) {
        return tx.preparedQuery("update refresh_tokens set revoked_at = now()"
                        + " where family_id = $1 and user_id = $2 and revoked_at is null")
                .execute(Tuple.of(familyId, userId))
                .compose(updated -> updated.rowCount() == 0
                        ? Future.succeededFuture(false)
                        : outbox.append(tx, Topics.USERS_EVENTS, UserCredentialsRevoked.of(userId, familyId, reason))
                                .map(true));
    }
}
