package com.humanchat.schemas.chat;

import java.time.Instant;
import java.util.UUID;

/** Remove the content of the actor's own message {@code seq}; the seq stays taken. */
public record DeleteMessage(UUID eventId, int version, Instant occurredAt, UUID conversationId, UUID actorId, long seq)
        implements ChatCommand {

    public static DeleteMessage of(UUID conversationId, UUID actorId, long seq) {
        return new DeleteMessage(UUID.randomUUID(), 1, Instant.now(), conversationId, actorId, seq);
    }
}
