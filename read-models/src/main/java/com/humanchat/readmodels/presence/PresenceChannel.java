package com.humanchat.readmodels.presence;

import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * The Redis pub/sub channel every edge replica listens on for presence and typing, and the typing payload on it: the
 * edge publishes a person's typing there, Sam's worker publishes Sam's, and each replica pushes it to its own sockets
 * of the conversation's other members as a {@code typing} frame.
 */
public final class PresenceChannel {

    public static final String NAME = "humanchat:presence-events";

    private PresenceChannel() {}

    /** {@code userId} is (or stopped) typing in {@code conversationId}. */
    public static String typing(UUID conversationId, UUID userId, boolean isTyping) {
        return new JsonObject()
                .put("kind", "typing")
                .put("conversationId", conversationId.toString())
                .put("userId", userId.toString())
                .put("isTyping", isTyping)
                .encode();
    }
}
