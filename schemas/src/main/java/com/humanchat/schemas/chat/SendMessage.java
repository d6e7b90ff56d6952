package com.humanchat.schemas.chat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Append a message; idempotent on (actorId, clientMessageId) for at least 24 hours. {@code replyToSeq}, when present,
 * quotes an earlier message of the same conversation (null when the message is not a reply).
 */
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
        List<Attachment> attachments,
        Long replyToSeq)
        implements ChatCommand {

    @JsonCreator
    public SendMessage {
        messageType = messageType == null ? MessageKind.TEXT : messageType;
        actions = actions == null ? List.of() : List.copyOf(actions);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A message without attachments that replies to nothing. */
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
                List.of(),
                null);
    }

    public static SendMessage of(UUID conversationId, UUID senderId, String clientMessageId, String content) {
        return of(conversationId, senderId, clientMessageId, content, List.of(), null);
    }

    /**
     * A text message carrying the given stored attachments and quoting message {@code replyToSeq} (null: not a
     * reply).
     */
    public static SendMessage of(
            UUID conversationId,
            UUID senderId,
            String clientMessageId,
            String content,
            List<Attachment> attachments,
            Long replyToSeq) {
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
                attachments,
                replyToSeq);
    }
}
