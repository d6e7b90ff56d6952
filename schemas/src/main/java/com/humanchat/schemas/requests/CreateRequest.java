package com.humanchat.schemas.requests;

import java.time.Instant;
import java.util.UUID;

/** The requester ({@code actorId}) asks to reach the managed host; the edge copies the host's manager in. */
public record CreateRequest(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID requestId,
        UUID actorId,
        UUID hostUserId,
        UUID managerId,
        String representativeName,
        String message,
        UUID samActionId)
        implements RequestCommand {

    /** @param representativeName null if the host names none */
    public static CreateRequest of(
            UUID requestId,
            UUID requesterId,
            UUID hostUserId,
            UUID managerId,
            String representativeName,
            String message) {
        return of(requestId, requesterId, hostUserId, managerId, representativeName, message, null);
    }

    /** @param samActionId the Sam proposal ({@code actionId} of an {@code open_request}) it was sent from, or null */
    public static CreateRequest of(
            UUID requestId,
            UUID requesterId,
            UUID hostUserId,
            UUID managerId,
            String representativeName,
            String message,
            UUID samActionId) {
        return new CreateRequest(
                UUID.randomUUID(),
                1,
                Instant.now(),
                requestId,
                requesterId,
                hostUserId,
                managerId,
                representativeName,
                message,
                samActionId);
    }
}
