package com.humanchat.schemas.chat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Message {@code seq} was deleted by its author; its seq stays taken and its content is gone. */
public record MessageDeleted(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID conversationId,
        UUID commandId,
        long seq,
        UUID deletedBy,
        List<UUID> participantIds)
        implements ChatEvent, ToParticipants {

    public MessageDeleted {
        participantIds = List.copyOf(participantIds);
    }
}
