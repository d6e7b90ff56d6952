package com.humanchat.schemas.chat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message took position {@code seq} (contiguous from 1 per conversation) at {@code occurredAt}. A retried
 * send re-emits the original event unchanged; consumers dedupe on (conversationId, seq). {@code replyToSeq} is the
 * earlier message it quotes (null when it is not a reply); the topology checked that it exists.
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
        Long replyToSeq)
        implements ChatEvent, ToParticipants {

    @JsonCreator
    public MessageSent {
        participantIds = List.copyOf(participantIds);
        messageType = messageType == null ? MessageKind.TEXT : messageType;
        actions = actions == null ? List.of() : List.copyOf(actions);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
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
                null);
    }
}
