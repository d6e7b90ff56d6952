package com.humanchat.schemas.sessions;

import java.time.Instant;
import java.util.UUID;

/** The host answered the review of the session with {@code text}; the only answer. */
public record ReviewAnswered(
        UUID eventId, int version, Instant occurredAt, UUID sessionId, UUID commandId, UUID hostUserId, String text)
        implements SessionEvent {}
