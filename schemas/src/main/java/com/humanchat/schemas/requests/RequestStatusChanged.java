package com.humanchat.schemas.requests;

import com.humanchat.schemas.chat.ToParticipants;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code actorId} decided the request: {@code fromStatus} → {@code toStatus}; {@code request} is the result. */
public record RequestStatusChanged(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID requestId,
        UUID commandId,
        UUID actorId,
        RequestStatus fromStatus,
        RequestStatus toStatus,
        String reason,
        ManagedRequest request)
        implements RequestEvent, ToParticipants {

    @Override
    public List<UUID> participantIds() {
        return request.participantIds();
    }
}
