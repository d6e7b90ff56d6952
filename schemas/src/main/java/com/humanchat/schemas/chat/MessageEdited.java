package com.humanchat.schemas.chat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Message {@code seq} now reads {@code content}. */
public record MessageEdited(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID conversationId,
        UUID commandId,
        long seq,
        UUID editorId,
        String content,
        List<UUID> participantIds)
        implements ChatEvent, ToParticipants {

    public MessageEdited {
        participantIds = List.copyOf(participantIds);
    }
}
