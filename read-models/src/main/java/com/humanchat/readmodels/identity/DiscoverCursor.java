package com.humanchat.readmodels.identity;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * The keyset position after a host of a {@code /api/discover} scan, as an opaque base64url JSON token: {@code (rank,
 * id)} for a full-text search (rank descending), {@code (displayName, id)} otherwise.
 */
public record DiscoverCursor(Float rank, String displayName, UUID id) {

    private static final int VERSION = 1;
    private static final int MAX_NAME_LENGTH = 200;

    public static DiscoverCursor byRank(float rank, UUID id) {
        return new DiscoverCursor(rank, null, id);
    }

    public static DiscoverCursor byName(String displayName, UUID id) {
        return new DiscoverCursor(null, displayName, id);
    }

    /** True for a position in a full-text search (ordered by rank). */
    public boolean ranked() {
        return rank != null;
    }

    public String encode() {
        JsonObject json = new JsonObject().put("v", VERSION).put("id", id.toString());
        if (ranked()) {
            // As text: a float survives Float.toString / Float.parseFloat exactly, the keyset compares for equality.
            json.put("rank", Float.toString(rank));
        } else {
            json.put("name", displayName);
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a token from {@link #encode()}; anything else raises {@link IllegalArgumentException}. */
    public static DiscoverCursor decode(String token) {
        try {
            JsonObject json = new JsonObject(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            if (!Integer.valueOf(VERSION).equals(json.getInteger("v"))) {
                throw new IllegalArgumentException("unknown cursor version");
            }
            UUID id = UUID.fromString(json.getString("id"));
            String rank = json.getString("rank");
            String name = json.getString("name");
            if ((rank == null) == (name == null)) {
                throw new IllegalArgumentException("a cursor has either a rank or a name");
            }
            if (rank != null) {
                float value = Float.parseFloat(rank);
                if (!Float.isFinite(value)) {
                    throw new IllegalArgumentException("rank is not finite");
                }
                return byRank(value, id);
            }
            if (name.length() > MAX_NAME_LENGTH || name.indexOf('\u0000') >= 0) {
                throw new IllegalArgumentException("not a display name");
            }
            return byName(name, id);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a discovery cursor", e);
        }
    }
}
