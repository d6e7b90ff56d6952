package com.humanchat.schemas.chat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A conversation exists with these participants; re-emitted unchanged when its creation is retried. */
public record ConversationCreated(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID conversationId,
        UUID commandId,
        UUID createdBy,
        ConversationType conversationType,
        List<UUID> participantIds)
        implements ChatEvent {

    public ConversationCreated {
        participantIds = List.copyOf(participantIds);
    }
}
