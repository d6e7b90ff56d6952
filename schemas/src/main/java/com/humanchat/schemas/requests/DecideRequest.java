package com.humanchat.schemas.requests;

import java.time.Instant;
import java.util.UUID;

/**
 * Approve, decline or withdraw a pending request. {@code actorIsAdmin} and {@code actorManagesHost} are vouched for by
 * the edge from PostgreSQL at the moment of the decision: the actor holds the admin role now, or is the host's manager
 * by an invitation they accepted and still holds the manager role.
 */
public record DecideRequest(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID requestId,
        UUID actorId,
        boolean actorIsAdmin,
        boolean actorManagesHost,
        RequestDecision decision,
        String reason)
        implements RequestCommand {

    /** @param reason why, null if none given */
    public static DecideRequest of(
            UUID requestId,
            UUID actorId,
            boolean actorIsAdmin,
            boolean actorManagesHost,
            RequestDecision decision,
            String reason) {
        return new DecideRequest(
                UUID.randomUUID(),
                1,
                Instant.now(),
                requestId,
                actorId,
                actorIsAdmin,
                actorManagesHost,
                decision,
                reason);
    }
}
