package com.humanchat.schemas.sessions;

import java.time.Instant;
import java.util.UUID;

/** The guest of a completed session rated it {@code rating} (1–5), with {@code text} or null; the only review. */
public record SessionReviewed(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID sessionId,
        UUID commandId,
        UUID guestUserId,
        UUID hostUserId,
        int rating,
        String text)
        implements SessionEvent {}
