package com.humanchat.schemas.safety;

import java.time.Instant;
import java.util.UUID;

/** {@code blockerId} lifted the block of {@code blockedId}. */
public record UserUnblocked(UUID eventId, int version, Instant occurredAt, UUID blockerId, UUID blockedId)
        implements SafetyEvent {

    public static UserUnblocked of(UUID blockerId, UUID blockedId, Instant at) {
        return new UserUnblocked(UUID.randomUUID(), 1, at, blockerId, blockedId);
    }

    @Override
    public String key() {
        return SafetyEvent.blockKey(blockerId, blockedId);
    }
}
