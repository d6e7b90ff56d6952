package com.humanchat.schemas.chat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message took position {@code seq} (contiguous from 1 per conversation) at {@code occurredAt}. A retried
 * send re-emits the original event unchanged; consumers dedupe on (conversationId, seq). {@code replyToSeq} is the
 * earlier message it quotes (null when it is not a reply); the topology checked that it exists. {@code mentionedUserIds}
 * are the members the message mentions: the topology kept, of the ids the sender named, those of the other members.
 */
public record MessageSent(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID conversationId,
        UUID commandId,
        UUID messageId,
        long seq,
        UUID senderId,
        String clientMessageId,
        String content,
        MessageKind messageType,
        List<JsonNode> actions,
        List<UUID> participantIds,
        List<Attachment> attachments,
        Long replyToSeq,
        List<UUID> mentionedUserIds)
        implements ChatEvent, ToParticipants {

    @JsonCreator
    public MessageSent {
        participantIds = List.copyOf(participantIds);
        messageType = messageType == null ? MessageKind.TEXT : messageType;
        actions = actions == null ? List.of() : List.copyOf(actions);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        mentionedUserIds = mentionedUserIds == null ? List.of() : List.copyOf(mentionedUserIds);
    }

    /** A message that mentions nobody. */
    public MessageSent(
            UUID eventId,
            int version,
            Instant occurredAt,
            UUID conversationId,
            UUID commandId,
            UUID messageId,
            long seq,
            UUID senderId,
            String clientMessageId,
            String content,
            MessageKind messageType,
            List<JsonNode> actions,
            List<UUID> participantIds,
            List<Attachment> attachments,
            Long replyToSeq) {
        this(
                eventId,
                version,
                occurredAt,
                conversationId,
                commandId,
                messageId,
                seq,
                senderId,
                clientMessageId,
                content,
                messageType,
                actions,
                participantIds,
                attachments,
                replyToSeq,
                List.of());
    }

    /** A message without attachments that replies to nothing (system messages, Sam's replies). */
    public MessageSent(
            UUID eventId,
            int version,
            Instant occurredAt,
            UUID conversationId,
            UUID commandId,
            UUID messageId,
            long seq,
            UUID senderId,
            String clientMessageId,
            String content,
            MessageKind messageType,
            List<JsonNode> actions,
            List<UUID> participantIds) {
        this(
                eventId,
                version,
                occurredAt,
                conversationId,
                commandId,
                messageId,
                seq,
                senderId,
                clientMessageId,
                content,
                messageType,
                actions,
                participantIds,
                List.of(),
                null,
                List.of());
    }
}
