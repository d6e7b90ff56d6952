package com.humanchat.schemas.chat;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code userId} has read {@code conversationId} up to {@code lastReadSeq} (never moves back). {@code receipt}: the
 * other members may be told ("Seen"); false when the reader turned read receipts off (null in older records = true).
 */
public record ReadAdvanced(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID conversationId,
        UUID commandId,
        UUID userId,
        long lastReadSeq,
        Boolean receipt)
        implements ChatEvent {

    @JsonCreator
    public ReadAdvanced {
        receipt = receipt == null || receipt;
    }

    public ReadAdvanced(
            UUID eventId, int version, Instant occurredAt, UUID conversationId, UUID commandId, UUID userId, long seq) {
        this(eventId, version, occurredAt, conversationId, commandId, userId, seq, true);
    }
}
