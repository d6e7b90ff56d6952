package com.humanchat.schemas.chat;

import java.time.Instant;
import java.util.UUID;

/**
 * Put the actor's {@code emoji} on message {@code seq} ({@code active}) or take it off. The command names the state the
 * actor wants rather than "toggle", so that a redelivered or retried command lands in the same state instead of
 * flipping it back; the client's toggle button sends the opposite of what it shows.
 */
public record ReactToMessage(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID conversationId,
        UUID actorId,
        long seq,
        String emoji,
        boolean active)
        implements ChatCommand {

    public static ReactToMessage of(UUID conversationId, UUID actorId, long seq, String emoji, boolean active) {
        return new ReactToMessage(UUID.randomUUID(), 1, Instant.now(), conversationId, actorId, seq, emoji, active);
    }
}
