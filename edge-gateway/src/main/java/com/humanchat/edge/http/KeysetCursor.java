package com.humanchat.edge.http;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

/**
 * The keyset position of a list page ordered by {@code (time, id)} descending — conversations by last activity,
 * sessions and requests by their last change — as an opaque base64url token.
 */
public record KeysetCursor(OffsetDateTime at, UUID id) {

    private static final String VERSION = "c1";

    /** The position just after a listed item whose JSON holds the time and the id under the given names. */
    public static KeysetCursor after(JsonObject item, String timeField, String idField) {
        return new KeysetCursor(
                Instant.parse(item.getString(timeField)).atOffset(ZoneOffset.UTC),
                UUID.fromString(item.getString(idField)));
    }

    /** The time bound of a page query: {@code cursor}'s, or null for the first page. */
    public static OffsetDateTime timeOf(KeysetCursor cursor) {
        return cursor == null ? null : cursor.at();
    }

    /** The id bound of a page query: {@code cursor}'s, or null for the first page. */
    public static UUID idOf(KeysetCursor cursor) {
        return cursor == null ? null : cursor.id();
    }

    public String encode() {
        String plain = VERSION + "|" + at.toInstant() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The {@code cursor} query parameter: null when absent or empty.
     *
     * @throws ProblemException 400 for a token this server did not issue
     */
    public static KeysetCursor parameter(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            return decode(token);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("cursor is not a cursor this server issued");
        }
    }

    /** Reads a token from {@link #encode()}; anything else raises {@link IllegalArgumentException}. */
    public static KeysetCursor decode(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", -1);
            if (parts.length != 3 || !parts[0].equals(VERSION)) {
                throw new IllegalArgumentException("not a list cursor");
            }
            return new KeysetCursor(Instant.parse(parts[1]).atOffset(ZoneOffset.UTC), UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a list cursor", e);
        }
    }
}
