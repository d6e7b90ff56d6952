package com.humanchat.schemas.sessions;

import java.time.Instant;
import java.util.UUID;

/**
 * The host ({@code actorId}) answers the review of their session publicly, once, in at most
 * {@value ReviewSession#MAX_TEXT_CODE_POINTS} characters.
 */
public record AnswerReview(UUID eventId, int version, Instant occurredAt, UUID sessionId, UUID actorId, String text)
        implements SessionCommand {

    public static AnswerReview of(UUID sessionId, UUID hostId, String text) {
        return new AnswerReview(UUID.randomUUID(), 1, Instant.now(), sessionId, hostId, text);
    }
}
