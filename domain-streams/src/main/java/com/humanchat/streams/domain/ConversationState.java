package com.humanchat.streams.domain;

import com.humanchat.schemas.chat.ConversationCreated;
import com.humanchat.schemas.chat.ConversationType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What the conversation topology knows about one conversation: who is in it, the next sequence number and every
 * member's read position. The {@code conversation.created} event is rebuilt from it, so a retried create re-emits the
 * same event.
 *
 * @param creationCommandId the {@code conversation.create} command that created it (the created event's commandId, and
 *     the seed of its eventId)
 * @param nextSeq the seq the next message gets; messages are numbered 1, 2, … with no gap
 */
public record ConversationState(
        UUID conversationId,
        ConversationType type,
        List<UUID> participants,
        UUID createdBy,
        Instant createdAt,
        UUID creationCommandId,
        long nextSeq,
        Map<UUID, ReadPosition> readPositions) {

    public ConversationState {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(creationCommandId, "creationCommandId");
        participants = List.copyOf(participants);
        readPositions = Map.copyOf(readPositions);
        if (nextSeq < 1) {
            throw new IllegalArgumentException("nextSeq starts at 1");
        }
    }

    /** A new conversation without messages; every participant has read up to 0. */
    public static ConversationState start(
            UUID conversationId,
            ConversationType type,
            List<UUID> participants,
            UUID createdBy,
            Instant createdAt,
            UUID creationCommandId) {
        Map<UUID, ReadPosition> positions = new LinkedHashMap<>();
        participants.forEach(participant -> positions.put(participant, ReadPosition.START));
        return new ConversationState(
                conversationId, type, participants, createdBy, createdAt, creationCommandId, 1, positions);
    }

    /** The seq of the newest message, 0 before the first. */
    public long lastSeq() {
        return nextSeq - 1;
    }

    public boolean hasMember(UUID userId) {
        return participants.contains(userId);
    }

    public ReadPosition readPositionOf(UUID member) {
        return readPositions.getOrDefault(member, ReadPosition.START);
    }

    /** The next seq is taken by {@code sender}, whose read position moves to it: own messages are never unread. */
    public ConversationState withMessageAppendedBy(UUID sender) {
        long seq = nextSeq;
        Map<UUID, ReadPosition> positions = new LinkedHashMap<>(readPositions);
        positions.put(sender, readPositionOf(sender).movedByOwnMessage(seq));
        return new ConversationState(
                conversationId, type, participants, createdBy, createdAt, creationCommandId, seq + 1, positions);
    }

    public ConversationState withReadAdvanced(UUID member, long seq, UUID commandId) {
        Map<UUID, ReadPosition> positions = new LinkedHashMap<>(readPositions);
        positions.put(member, readPositionOf(member).advancedByRead(seq, commandId));
        return new ConversationState(
                conversationId, type, participants, createdBy, createdAt, creationCommandId, nextSeq, positions);
    }

    /**
     * The {@code conversation.created} event, answering {@code answeredCommandId}: for the creating command itself it
     * is the original event byte for byte; a retried create gets the same event (same eventId) carrying its own
     * commandId so that its caller can correlate the answer.
     */
    public ConversationCreated createdEvent(UUID answeredCommandId) {
        return new ConversationCreated(
                DeterministicIds.eventId(creationCommandId),
                1,
                createdAt,
                conversationId,
                answeredCommandId,
                createdBy,
                type,
                participants);
    }
}
