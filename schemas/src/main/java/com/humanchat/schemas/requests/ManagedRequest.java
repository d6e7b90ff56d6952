package com.humanchat.schemas.requests;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A managed request as it is after an event: every request event carries it whole, so consumers need no state.
 *
 * @param managerId the host's manager when the request was created; later profile changes do not move it
 * @param representativeName how the manager presents themselves, null if not named
 * @param conversationId the direct conversation requester ↔ host, set on approval
 * @param decidedAt when it left {@code pending}, with {@code decidedBy} and the decision's {@code reason}
 * @param samActionId the Sam proposal ({@code actionId} of an {@code open_request}) it was sent from, null if none
 * @param requesterName the requester's display name when they asked, so that the manager's card names people; null
 *     in requests made before names were carried
 * @param hostName the host's display name when the requester asked, likewise
 */
public record ManagedRequest(
        UUID requestId,
        UUID requesterId,
        UUID hostUserId,
        UUID managerId,
        String representativeName,
        String message,
        RequestStatus status,
        UUID conversationId,
        Instant createdAt,
        Instant decidedAt,
        UUID decidedBy,
        String reason,
        UUID samActionId,
        String requesterName,
        String hostName) {

    /** The requester and the manager, in that order: who sees the request's events. */
    public List<UUID> participantIds() {
        return List.of(requesterId, managerId);
    }
}
