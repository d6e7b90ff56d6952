package com.humanchat.schemas.chat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Append a message; idempotent on (actorId, clientMessageId) for at least 24 hours. {@code replyToSeq}, when present,
 * quotes an earlier message of the same conversation (null when the message is not a reply). {@code mentionedUserIds}
 * are the users the sender mentions (their {@code <@userId>} tokens in the content); the topology keeps only the other
 * members of the conversation.
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
        Long replyToSeq,
        List<UUID> mentionedUserIds)
        implements ChatCommand {

    @JsonCreator
    public SendMessage {
        messageType = messageType == null ? MessageKind.TEXT : messageType;
        actions = actions == null ? List.of() : List.copyOf(actions);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        mentionedUserIds = mentionedUserIds == null ? List.of() : List.copyOf(mentionedUserIds);
    }

    /** A message that mentions nobody. */
    public SendMessage(
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
            Long replyToSeq) {
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
                attachments,
                replyToSeq,
                List.of());
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
                null,
                List.of());
    }

    public static SendMessage of(UUID conversationId, UUID senderId, String clientMessageId, String content) {
        return of(conversationId, senderId, clientMessageId, content, List.of(), null, List.of());
    }

    /**
     * A text message carrying the given stored attachments, quoting message {@code replyToSeq} (null: not a reply) and
     * mentioning {@code mentionedUserIds}.
     */
    public static SendMessage of(
            UUID conversationId,
            UUID senderId,
            String clientMessageId,
            String content,
            List<Attachment> attachments,
            Long replyToSeq,
            List<UUID> mentionedUserIds) {
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
                replyToSeq,
                mentionedUserIds);
    }
}
