package com.humanchat.schemas.sessions;

import com.humanchat.schemas.chat.ToParticipants;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A session exists with status {@code requested}; re-emitted unchanged when its request is processed again. */
public record SessionRequested(
        UUID eventId, int version, Instant occurredAt, UUID sessionId, UUID commandId, Session session)
        implements SessionEvent, ToParticipants {

    @Override
    public List<UUID> participantIds() {
        return session.participantIds();
    }
}
