package com.humanchat.schemas.requests;

import com.humanchat.schemas.chat.ToParticipants;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A managed request exists, {@code pending}; re-emitted unchanged when its creation is processed again. */
public record RequestCreated(
        UUID eventId, int version, Instant occurredAt, UUID requestId, UUID commandId, ManagedRequest request)
        implements RequestEvent, ToParticipants {

    @Override
    public List<UUID> participantIds() {
        return request.participantIds();
    }
}
