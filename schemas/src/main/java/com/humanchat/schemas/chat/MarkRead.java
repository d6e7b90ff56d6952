package com.humanchat.schemas.chat;

import java.time.Instant;
import java.util.UUID;

/** The actor has read up to {@code seq}; read positions only move forward. */
public record MarkRead(UUID eventId, int version, Instant occurredAt, UUID conversationId, UUID actorId, long seq)
        implements ChatCommand {

    public static MarkRead of(UUID conversationId, UUID actorId, long seq) {
        return new MarkRead(UUID.randomUUID(), 1, Instant.now(), conversationId, actorId, seq);
    }
}
