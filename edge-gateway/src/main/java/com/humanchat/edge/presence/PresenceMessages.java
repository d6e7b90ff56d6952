package com.humanchat.edge.presence;

import com.humanchat.readmodels.presence.PresenceChannel;
import com.humanchat.readmodels.presence.PresenceStatus;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/** The pub/sub payloads exchanged by edge replicas and the WebSocket frames they become; pure functions. */
public final class PresenceMessages {

    /** A presence change of {@code userId}. */
    public record PresenceChange(UUID userId, String status) {}

    /** {@code userId} (stopped) typing in {@code conversationId}. */
    public record Typing(UUID conversationId, UUID userId, boolean isTyping) {}

    /** Asks every replica to republish the presence of its local users (sent by a replica that just subscribed). */
    public record Resync() {}

    private PresenceMessages() {}

    public static String encode(PresenceChange change) {
        return new JsonObject()
                .put("kind", "presence")
                .put("userId", change.userId().toString())
                .put("status", change.status())
                .encode();
    }

    public static String encode(Typing typing) {
        return PresenceChannel.typing(typing.conversationId(), typing.userId(), typing.isTyping());
    }

    public static String encodeResync() {
        return new JsonObject().put("kind", "resync").encode();
    }

    /** The message a payload holds, or null if it is not one (never throws). */
    public static Object decode(String payload) {
        try {
            JsonObject json = new JsonObject(payload);
            return switch (String.valueOf(json.getValue("kind"))) {
                case "presence" ->
                    new PresenceChange(UUID.fromString(json.getString("userId")), status(json.getString("status")));
                case "typing" ->
                    new Typing(
                            UUID.fromString(json.getString("conversationId")),
                            UUID.fromString(json.getString("userId")),
                            json.getBoolean("isTyping"));
                case "resync" -> new Resync();
                default -> null;
            };
        } catch (DecodeException | ClassCastException | IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    /** The {@code presence {userId, status}} frame. */
    public static JsonObject frame(PresenceChange change) {
        return new JsonObject()
                .put("type", "presence")
                .put("userId", change.userId().toString())
                .put("status", change.status());
    }

    /** The {@code typing {conversationId, userId, isTyping}} frame. */
    public static JsonObject frame(Typing typing) {
        return new JsonObject()
                .put("type", "typing")
                .put("conversationId", typing.conversationId().toString())
                .put("userId", typing.userId().toString())
                .put("isTyping", typing.isTyping());
    }

    private static String status(String status) {
        if (!PresenceStatus.isKnown(status)) {
            throw new IllegalArgumentException("unknown status " + status);
        }
        return status;
    }
}
