package com.humanchat.edge.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The accounts suspended right now, as this replica knows them: loaded from PostgreSQL at start, then kept current by
 * every {@code user.suspended} on {@code users.events} (and at once by this replica's own admin actions). Access
 * tokens are stateless, so {@link BearerAuthHandler} and the WebSocket upgrade ask here. Thread-safe.
 */
public final class SuspendedUsers {

    private final Set<UUID> suspended = ConcurrentHashMap.newKeySet();
    private volatile Consumer<UUID> onSuspended = user -> {};

    public boolean contains(UUID userId) {
        return suspended.contains(userId);
    }

    /** Records a suspension or a reinstatement; a new suspension runs the {@link #onSuspended} action. */
    public void set(UUID userId, boolean isSuspended) {
        if (isSuspended) {
            if (suspended.add(userId)) {
                onSuspended.accept(userId);
            }
        } else {
            suspended.remove(userId);
        }
    }

    /** What to do when a user becomes suspended on this replica (close their sockets). */
    public void onSuspended(Consumer<UUID> action) {
        this.onSuspended = action;
    }

    /** Adds every account PostgreSQL says is suspended. */
    public Future<Void> load(Pool pg) {
        return pg.query("select id from users where suspended").execute().map(rows -> {
            rows.forEach(row -> suspended.add(row.getUUID("id")));
            return null;
        });
    }
}
