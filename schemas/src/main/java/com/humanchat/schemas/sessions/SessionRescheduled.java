package com.humanchat.schemas.sessions;

import com.humanchat.schemas.chat.ToParticipants;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code actorId} accepted {@code proposedBy}'s proposal: the session moved from {@code fromStartTime} to
 * {@code session.startTime}, keeping its status, price and payment. {@code sequence} counts the moves (1 after the
 * first), the {@code SEQUENCE} of the session's calendar file.
 */
public record SessionRescheduled(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID sessionId,
        UUID commandId,
        UUID actorId,
        UUID proposedBy,
        Instant fromStartTime,
        int sequence,
        Session session)
        implements SessionEvent, ToParticipants {

    @Override
    public List<UUID> participantIds() {
        return session.participantIds();
    }
}
