package com.humanchat.schemas.sam;

import java.time.Instant;
import java.util.UUID;

/** A user asked Sam something in their Sam conversation; the edge already sent {@code message} into it. */
public record SamRequested(
        UUID eventId, int version, Instant occurredAt, UUID requestId, UUID conversationId, UUID userId, String message)
        implements SamRequest {

    /** The {@code clientMessageId} under which the edge sent the user's words into the conversation. */
    public String askClientMessageId() {
        return "sam-ask:" + requestId;
    }

    /** The {@code clientMessageId} of Sam's answer: one per request, so a re-processed request is answered once. */
    public String replyClientMessageId() {
        return "sam:" + requestId;
    }

    public static SamRequested of(UUID requestId, UUID conversationId, UUID userId, String message) {
        return new SamRequested(UUID.randomUUID(), 1, Instant.now(), requestId, conversationId, userId, message);
    }
}
