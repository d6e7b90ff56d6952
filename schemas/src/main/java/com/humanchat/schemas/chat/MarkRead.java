package com.humanchat.schemas.chat;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Instant;
import java.util.UUID;

/**
 * The actor has read up to {@code seq}; read positions only move forward. {@code receipt} false: the actor does not
 * send read receipts, so the others are not told (null, in records written before it existed, means true).
 */
public record MarkRead(
        UUID eventId, int version, Instant occurredAt, UUID conversationId, UUID actorId, long seq, Boolean receipt)
        implements ChatCommand {

    @JsonCreator
    public MarkRead {
        receipt = receipt == null || receipt;
    }

    public MarkRead(UUID eventId, int version, Instant occurredAt, UUID conversationId, UUID actorId, long seq) {
        this(eventId, version, occurredAt, conversationId, actorId, seq, true);
    }

    public static MarkRead of(UUID conversationId, UUID actorId, long seq) {
        return of(conversationId, actorId, seq, true);
    }

    public static MarkRead of(UUID conversationId, UUID actorId, long seq, boolean receipt) {
        return new MarkRead(UUID.randomUUID(), 1, Instant.now(), conversationId, actorId, seq, receipt);
    }
}
