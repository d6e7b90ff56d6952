package com.humanchat.schemas.safety;

import java.time.Instant;
import java.util.UUID;

/** {@code blockerId} blocked {@code blockedId}: the blocked one can no longer reach the blocker. */
public record UserBlocked(UUID eventId, int version, Instant occurredAt, UUID blockerId, UUID blockedId)
        implements SafetyEvent {

    public static UserBlocked of(UUID blockerId, UUID blockedId, Instant at) {
        return new UserBlocked(UUID.randomUUID(), 1, at, blockerId, blockedId);
    }

    @Override
    public String key() {
        return SafetyEvent.blockKey(blockerId, blockedId);
    }
}
