package com.humanchat.schemas.sam;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Sam answered a request with text and the proposed actions that passed validation (the user confirms them). */
public record SamReplied(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID requestId,
        UUID conversationId,
        UUID userId,
        String reply,
        List<JsonNode> actions,
        SamOutcome outcome)
        implements SamActionEvent {

    public SamReplied {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public static SamReplied of(SamRequested request, String reply, List<JsonNode> actions, SamOutcome outcome) {
        return new SamReplied(
                UUID.randomUUID(),
                1,
                Instant.now(),
                request.requestId(),
                request.conversationId(),
                request.userId(),
                reply,
                actions,
                outcome);
    }
}
