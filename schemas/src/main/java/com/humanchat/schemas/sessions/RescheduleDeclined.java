package com.humanchat.schemas.sessions;

import com.humanchat.schemas.chat.ToParticipants;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code actorId} declined the proposal to move the session to {@code toStartTime}; it keeps its time. */
public record RescheduleDeclined(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID sessionId,
        UUID commandId,
        UUID actorId,
        UUID proposedBy,
        Instant toStartTime,
        Session session)
        implements SessionEvent, ToParticipants {

    @Override
    public List<UUID> participantIds() {
        return session.participantIds();
    }
}
