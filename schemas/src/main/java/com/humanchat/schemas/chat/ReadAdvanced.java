package com.humanchat.schemas.chat;

import java.time.Instant;
import java.util.UUID;

/** {@code userId} has read {@code conversationId} up to {@code lastReadSeq} (never moves back). */
public record ReadAdvanced(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID conversationId,
        UUID commandId,
        UUID userId,
        long lastReadSeq)
        implements ChatEvent {}
