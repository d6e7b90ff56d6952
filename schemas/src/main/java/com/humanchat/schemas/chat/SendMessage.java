package com.humanchat.schemas.chat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Append a message; idempotent on (actorId, clientMessageId) for at least 24 hours. */
public record SendMessage(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID conversationId,
        UUID actorId,
        String clientMessageId,
        String content,
        MessageKind messageType,
        List<JsonNode> actions)
        implements ChatCommand {

    public SendMessage {
        messageType = messageType == null ? MessageKind.TEXT : messageType;
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public static SendMessage of(UUID conversationId, UUID senderId, String clientMessageId, String content) {
        return new SendMessage(
                UUID.randomUUID(),
                1,
                Instant.now(),
                conversationId,
                senderId,
                clientMessageId,
                content,
                MessageKind.TEXT,
                List.of());
    }
}
