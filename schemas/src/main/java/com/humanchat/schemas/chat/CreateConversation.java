package com.humanchat.schemas.chat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Open a conversation between the given participants (the actor is one of them). */
public record CreateConversation(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID conversationId,
        UUID actorId,
        ConversationType conversationType,
        List<UUID> participantIds)
        implements ChatCommand {

    public CreateConversation {
        participantIds = List.copyOf(participantIds);
    }

    public static CreateConversation of(
            UUID conversationId, UUID actorId, ConversationType type, List<UUID> participantIds) {
        return new CreateConversation(
                UUID.randomUUID(), 1, Instant.now(), conversationId, actorId, type, participantIds);
    }
}
