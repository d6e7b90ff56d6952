package com.humanchat.edge.chat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

/**
 * The keyset position of a conversation list page, {@code (lastActivity, conversationId)}, as an opaque base64url
 * token.
 */
public record ConversationCursor(OffsetDateTime lastActivity, UUID conversationId) {

    private static final String VERSION = "c1";

    /** The position just after a listed conversation. */
    public static ConversationCursor after(JsonObject conversation) {
        return new ConversationCursor(
                Instant.parse(conversation.getString("lastActivity")).atOffset(ZoneOffset.UTC),
                UUID.fromString(conversation.getString("conversationId")));
    }

    public String encode() {
        String plain = VERSION + "|" + lastActivity.toInstant() + "|" + conversationId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a token from {@link #encode()}; anything else raises {@link IllegalArgumentException}. */
    public static ConversationCursor decode(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", -1);
            if (parts.length != 3 || !parts[0].equals(VERSION)) {
                throw new IllegalArgumentException("not a conversation cursor");
            }
            return new ConversationCursor(Instant.parse(parts[1]).atOffset(ZoneOffset.UTC), UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a conversation cursor", e);
        }
    }
}
