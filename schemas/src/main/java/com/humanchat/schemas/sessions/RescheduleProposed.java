package com.humanchat.schemas.sessions;

import com.humanchat.schemas.chat.ToParticipants;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code actorId} proposed to move the session from {@code fromStartTime} to {@code toStartTime}; the other
 * participant answers. {@code session} is unchanged by a proposal (it still starts at {@code fromStartTime}).
 */
public record RescheduleProposed(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID sessionId,
        UUID commandId,
        UUID actorId,
        Instant fromStartTime,
        Instant toStartTime,
        Session session)
        implements SessionEvent, ToParticipants {

    @Override
    public List<UUID> participantIds() {
        return session.participantIds();
    }
}
