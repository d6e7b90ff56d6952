package com.humanchat.schemas.safety;

import java.time.Instant;
import java.util.UUID;

/**
 * How a host takes first contact: {@code requestFirst} = strangers start with a managed-style request, never a direct
 * conversation; {@code maxNewConversationsPerDay} = at most that many new direct conversations a UTC day (null = no
 * cap).
 */
public record InboundPolicySet(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID hostId,
        boolean requestFirst,
        Integer maxNewConversationsPerDay)
        implements SafetyEvent {

    public static InboundPolicySet of(
            UUID hostId, boolean requestFirst, Integer maxNewConversationsPerDay, Instant at) {
        return new InboundPolicySet(UUID.randomUUID(), 1, at, hostId, requestFirst, maxNewConversationsPerDay);
    }

    @Override
    public String key() {
        return SafetyEvent.inboundKey(hostId);
    }
}
