package com.humanchat.schemas.sessions;

import java.time.Instant;
import java.util.UUID;

/** The command {@code commandId} of {@code actorId} was refused and changed nothing. */
public record SessionCommandRejected(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID sessionId,
        UUID commandId,
        String commandType,
        UUID actorId,
        SessionRejectionCode code,
        String reason)
        implements SessionEvent {}
