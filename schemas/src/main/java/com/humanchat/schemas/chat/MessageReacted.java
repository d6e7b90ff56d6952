package com.humanchat.schemas.chat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code userId} put {@code emoji} on message {@code seq} ({@code active}) or took it off; {@code userIds} is everyone
 * whose {@code emoji} is on the message now, so that a consumer stores an absolute value and a repeated event changes
 * nothing.
 */
public record MessageReacted(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID conversationId,
        UUID commandId,
        long seq,
        UUID userId,
        String emoji,
        boolean active,
        List<UUID> userIds,
        List<UUID> participantIds)
        implements ChatEvent, ToParticipants {

    public MessageReacted {
        userIds = List.copyOf(userIds);
        participantIds = List.copyOf(participantIds);
    }
}
