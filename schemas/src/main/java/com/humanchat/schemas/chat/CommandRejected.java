package com.humanchat.schemas.chat;

import java.time.Instant;
import java.util.UUID;

/** The command {@code commandId} of {@code actorId} was refused and changed nothing. */
public record CommandRejected(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID conversationId,
        UUID commandId,
        String commandType,
        UUID actorId,
        String clientMessageId,
        RejectionCode code,
        String reason)
        implements ChatEvent {}
