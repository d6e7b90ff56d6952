package com.humanchat.schemas.requests;

import java.time.Instant;
import java.util.UUID;

/**
 * The requester ({@code actorId}) asks to reach the managed host; the edge copies the host's manager in, and the
 * requester's and host's display names (null when not given), which the request then carries.
 */
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
        UUID samActionId,
        String requesterName,
        String hostName)
        implements RequestCommand {

    /**
     * @param representativeName null if the host names none
     * @param samActionId the Sam proposal ({@code actionId} of an {@code open_request}) it was sent from, or null
     * @param requesterName the requester's display name, or null
     * @param hostName the host's display name, or null
     */
    public static CreateRequest of(
            UUID requestId,
            UUID requesterId,
            UUID hostUserId,
            UUID managerId,
            String representativeName,
            String message,
            UUID samActionId,
            String requesterName,
            String hostName) {
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
                samActionId,
                requesterName,
                hostName);
    }
}
