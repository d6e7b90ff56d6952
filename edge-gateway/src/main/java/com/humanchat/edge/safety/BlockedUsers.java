package com.humanchat.edge.safety;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who blocked whom, as this replica knows it: loaded from PostgreSQL at start, then kept current by every
 * {@code user.blocked} / {@code user.unblocked} on {@code users.safety} (and at once by this replica's own changes).
 * Presence and typing are filtered here, synchronously, before a frame is pushed. Thread-safe.
 */
public final class BlockedUsers {

    private final Set<String> pairs = ConcurrentHashMap.newKeySet();

    /** True while {@code blockerId} blocks {@code blockedId}. */
    public boolean blocks(UUID blockerId, UUID blockedId) {
        return pairs.contains(key(blockerId, blockedId));
    }

    /** True when either blocks the other: neither learns the other's presence or typing. */
    public boolean separated(UUID one, UUID other) {
        return blocks(one, other) || blocks(other, one);
    }

    public void set(UUID blockerId, UUID blockedId, boolean blocked) {
        if (blocked) {
            pairs.add(key(blockerId, blockedId));
        } else {
            pairs.remove(key(blockerId, blockedId));
        }
    }

    /** Adds every block PostgreSQL holds. */
    public Future<Void> load(Pool pg) {
        return pg.query("select blocker_id, blocked_id from user_blocks")
                .execute()
                .map(rows -> {
                    rows.forEach(row -> pairs.add(key(row.getUUID("blocker_id"), row.getUUID("blocked_id"))));
                    return null;
                });
    }

    private static String key(UUID blockerId, UUID blockedId) {
        return blockerId + ":" + blockedId;
    }
}
