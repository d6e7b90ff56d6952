package com.humanchat.schemas.sessions;

import java.time.Instant;
import java.util.UUID;

/**
 * The other participant ({@code actorId}, never the proposer) accepts or declines the proposal to move the session to
 * {@code startTime}; naming the start means a proposal replaced meanwhile is not answered by mistake. {@code hostUserId}
 * is the session's host, copied by the edge, so that the host's calendar moves the slot on an accept.
 */
public record AnswerReschedule(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID sessionId,
        UUID actorId,
        UUID hostUserId,
        Instant startTime,
        boolean accept)
        implements SessionCommand {

    public static AnswerReschedule of(
            UUID sessionId, UUID actorId, UUID hostUserId, Instant startTime, boolean accept) {
        return new AnswerReschedule(
                UUID.randomUUID(), 1, Instant.now(), sessionId, actorId, hostUserId, startTime, accept);
    }
}
