package com.humanchat.edge.limits;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code maxPerUser} concurrent sockets per user in this replica. A slot is reserved before the upgrade (so
 * simultaneous upgrades cannot overshoot) and released exactly once when the upgrade fails or the socket closes.
 */
public final class SocketQuota {

    private final int maxPerUser;
    private final ConcurrentHashMap<UUID, Integer> open = new ConcurrentHashMap<>();

    public SocketQuota(int maxPerUser) {
        if (maxPerUser < 1) {
            throw new IllegalArgumentException("maxPerUser must be positive");
        }
        this.maxPerUser = maxPerUser;
    }

    /** Reserves a slot; false if the user already holds {@code maxPerUser}. */
    public boolean tryReserve(UUID userId) {
        boolean[] reserved = {false};
        open.compute(userId, (id, count) -> {
            int current = count == null ? 0 : count;
            if (current >= maxPerUser) {
                return count;
            }
            reserved[0] = true;
            return current + 1;
        });
        return reserved[0];
    }

    public void release(UUID userId) {
        open.computeIfPresent(userId, (id, count) -> count <= 1 ? null : count - 1);
    }

    public int maxPerUser() {
        return maxPerUser;
    }

    /** Sockets reserved for the user (for tests). */
    public int reserved(UUID userId) {
        return open.getOrDefault(userId, 0);
    }
}
