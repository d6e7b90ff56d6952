package com.humanchat.edge.identity;

import com.humanchat.readmodels.Rows;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** SQL for {@code refresh_tokens}: rows are keyed by the SHA-256 of the token and grouped in rotation families. */
final class RefreshTokenStore {

    /** A stored token as seen when it is presented; the row is locked until the transaction ends. */
    record StoredToken(UUID id, UUID familyId, UUID userId, boolean rotated, boolean revoked, boolean expired) {}

    Future<Void> insert(SqlClient sql, UUID familyId, UUID userId, byte[] tokenHash, Duration ttl) {
        return sql.preparedQuery("insert into refresh_tokens (id, family_id, user_id, token_hash, expires_at)"
                        + " values ($1, $2, $3, $4, now() + make_interval(secs => $5))")
                .execute(Tuple.of(
                        UUID.randomUUID(), familyId, userId, Buffer.buffer(tokenHash), (double) ttl.toSeconds()))
                .mapEmpty();
    }

    /** The token with this hash, locked {@code FOR UPDATE} so that two concurrent uses are serialised. */
    Future<Optional<StoredToken>> findForUpdate(SqlClient sql, byte[] tokenHash) {
        return sql.preparedQuery("select id, family_id, user_id, rotated_at is not null as rotated,"
                        + " revoked_at is not null as revoked, expires_at <= now() as expired"
                        + " from refresh_tokens where token_hash = $1 for update")
                .execute(Tuple.of(Buffer.buffer(tokenHash)))
                .map(rows -> Rows.first(rows, RefreshTokenStore::toToken));
    }

    Future<Void> markRotated(SqlClient sql, UUID tokenId) {
        return sql.preparedQuery("update refresh_tokens set rotated_at = now() where id = $1")
                .execute(Tuple.of(tokenId))
                .mapEmpty();
    }

    /** Revokes every token of the family that is not revoked yet; answers how many were. */
    Future<Integer> revokeFamily(SqlClient sql, UUID familyId) {
        return sql.preparedQuery(
                        "update refresh_tokens set revoked_at = now() where family_id = $1 and revoked_at is null")
                .execute(Tuple.of(familyId))
                .map(rows -> rows.rowCount());
    }

    private static StoredToken toToken(Row row) {
        return new StoredToken(
                row.getUUID("id"),
                row.getUUID("family_id"),
                row.getUUID("user_id"),
                row.getBoolean("rotated"),
                row.getBoolean("revoked"),
                row.getBoolean("expired"));
    }
}
