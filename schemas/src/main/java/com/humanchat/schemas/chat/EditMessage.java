package com.humanchat.schemas.chat;

import java.time.Instant;
import java.util.UUID;

/** Replace the content of the actor's own message {@code seq}. */
public record EditMessage(
        UUID eventId, int version, Instant occurredAt, UUID conversationId, UUID actorId, long seq, String content)
        implements ChatCommand {

    public static EditMessage of(UUID conversationId, UUID actorId, long seq, String content) {
        return new EditMessage(UUID.randomUUID(), 1, Instant.now(), conversationId, actorId, seq, content);
    }
}
