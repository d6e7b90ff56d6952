package com.humanchat.schemas.sessions;

import java.time.Instant;
import java.util.UUID;

/**
 * The guest ({@code actorId}) rates a completed session {@value #MIN_RATING} to {@value #MAX_RATING}, with an optional
 * review of at most {@value #MAX_TEXT_CODE_POINTS} characters; a session is reviewed once.
 */
public record ReviewSession(
        UUID eventId, int version, Instant occurredAt, UUID sessionId, UUID actorId, int rating, String text)
        implements SessionCommand {

    public static final int MIN_RATING = 1;
    public static final int MAX_RATING = 5;
    public static final int MAX_TEXT_CODE_POINTS = 2000;

    /** @param text the review, null if the guest only rated */
    public static ReviewSession of(UUID sessionId, UUID reviewerId, int rating, String text) {
        return new ReviewSession(UUID.randomUUID(), 1, Instant.now(), sessionId, reviewerId, rating, text);
    }
}
