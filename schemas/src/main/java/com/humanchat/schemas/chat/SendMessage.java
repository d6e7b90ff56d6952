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
        List<JsonNode> actions,
        List<Attachment> attachments)
        implements ChatCommand {

    public SendMessage {
        messageType = messageType == null ? MessageKind.TEXT : messageType;
        actions = actions == null ? List.of() : List.copyOf(actions);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A send without attachments. */
    public SendMessage(
            UUID eventId,
            int version,
            Instant occurredAt,
            UUID conversationId,
            UUID actorId,
            String clientMessageId,
            String content,
            MessageKind messageType,
            List<JsonNode> actions) {
        this(
                eventId,
                version,
                occurredAt,
                conversationId,
                actorId,
                clientMessageId,
                content,
                messageType,
                actions,
                null);
    }

    public static SendMessage of(UUID conversationId, UUID senderId, String clientMessageId, String content) {
        return of(conversationId, senderId, clientMessageId, content, List.of());
    }

    /** A text message carrying the given stored attachments. */
    public static SendMessage of(
            UUID conversationId, UUID senderId, String clientMessageId, String content, List<Attachment> attachments) {
        return new SendMessage(
                UUID.randomUUID(),
                1,
                Instant.now(),
                conversationId,
                senderId,
                clientMessageId,
                content,
                MessageKind.TEXT,
                List.of(),
                attachments);
    }
}
