package com.humanchat.schemas.requests;

import java.time.Instant;
import java.util.UUID;

/** The command {@code commandId} of {@code actorId} was refused and changed nothing. */
public record RequestCommandRejected(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID requestId,
        UUID commandId,
        String commandType,
        UUID actorId,
        RequestRejectionCode code,
        String reason)
        implements RequestEvent {}
