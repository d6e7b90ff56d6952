package com.humanchat.schemas.sessions;

import com.humanchat.schemas.chat.ToParticipants;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code actorId} moved the session from {@code fromStatus} to {@code toStatus}; {@code session} is the result. */
public record SessionStatusChanged(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID sessionId,
        UUID commandId,
        UUID actorId,
        SessionStatus fromStatus,
        SessionStatus toStatus,
        String reason,
        Session session)
        implements SessionEvent, ToParticipants {

    @Override
    public List<UUID> participantIds() {
        return session.participantIds();
    }
}
