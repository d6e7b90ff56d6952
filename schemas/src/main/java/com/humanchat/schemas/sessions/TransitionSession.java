package com.humanchat.schemas.sessions;

import java.time.Instant;
import java.util.UUID;

/** Move the session to {@code toStatus}; only the transitions the actor's role allows succeed. */
public record TransitionSession(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID sessionId,
        UUID actorId,
        SessionStatus toStatus,
        String reason)
        implements SessionCommand {

    /** @param reason why (a decline's or a cancellation's note), null if none given */
    public static TransitionSession of(UUID sessionId, UUID actorId, SessionStatus toStatus, String reason) {
        return new TransitionSession(UUID.randomUUID(), 1, Instant.now(), sessionId, actorId, toStatus, reason);
    }
}
