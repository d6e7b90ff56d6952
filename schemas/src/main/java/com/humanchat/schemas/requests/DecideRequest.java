package com.humanchat.schemas.requests;

import java.time.Instant;
import java.util.UUID;

/** Approve, decline or withdraw a pending request; {@code actorIsAdmin} is vouched for by the edge. */
public record DecideRequest(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID requestId,
        UUID actorId,
        boolean actorIsAdmin,
        RequestDecision decision,
        String reason)
        implements RequestCommand {

    /** @param reason why, null if none given */
    public static DecideRequest of(
            UUID requestId, UUID actorId, boolean actorIsAdmin, RequestDecision decision, String reason) {
        return new DecideRequest(
                UUID.randomUUID(), 1, Instant.now(), requestId, actorId, actorIsAdmin, decision, reason);
    }
}
