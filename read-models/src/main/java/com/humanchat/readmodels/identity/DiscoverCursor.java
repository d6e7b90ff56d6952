package com.humanchat.readmodels.identity;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * The keyset position after a host of a {@code /api/discover} scan, as an opaque base64url JSON token: {@code (rank,
 * id)} for a full-text search (rank descending), {@code (rating, ratings, id)} when sorted by rating (average rating
 * then number of reviews descending, 0 for a host nobody rated), {@code (displayName, id)} otherwise.
 */
public record DiscoverCursor(Float rank, String displayName, Double rating, Long ratings, UUID id) {

    /** The order a cursor belongs to. */
    public enum Kind {
        NAME,
        RANK,
        RATING
    }

    private static final int VERSION = 1;
    private static final int MAX_NAME_LENGTH = 200;

    public static DiscoverCursor byRank(float rank, UUID id) {
        return new DiscoverCursor(rank, null, null, null, id);
    }

    public static DiscoverCursor byName(String displayName, UUID id) {
        return new DiscoverCursor(null, displayName, null, null, id);
    }

    /** @param rating the host's average rating, 0 when nobody rated them; {@code ratings} how many did */
    public static DiscoverCursor byRating(double rating, long ratings, UUID id) {
        return new DiscoverCursor(null, null, rating, ratings, id);
    }

    public Kind kind() {
        if (rank != null) {
            return Kind.RANK;
        }
        return rating != null ? Kind.RATING : Kind.NAME;
    }

    /** True for a position in a full-text search (ordered by rank). */
    public boolean ranked() {
        return kind() == Kind.RANK;
    }

    public String encode() {
        JsonObject json = new JsonObject().put("v", VERSION).put("id", id.toString());
        switch (kind()) {
            // As text: a float or double survives toString / parse exactly, the keyset compares for equality.
            case RANK -> json.put("rank", Float.toString(rank));
            case RATING -> json.put("rating", Double.toString(rating)).put("ratings", ratings);
            case NAME -> json.put("name", displayName);
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
            String rating = json.getString("rating");
            int kinds = (rank == null ? 0 : 1) + (name == null ? 0 : 1) + (rating == null ? 0 : 1);
            if (kinds != 1) {
                throw new IllegalArgumentException("a cursor has either a rank, a name or a rating");
            }
            if (rank != null) {
                float value = Float.parseFloat(rank);
                if (!Float.isFinite(value)) {
                    throw new IllegalArgumentException("rank is not finite");
                }
                return byRank(value, id);
            }
            if (rating != null) {
                double average = Double.parseDouble(rating);
                long ratings = json.getLong("ratings");
                if (!(average >= 0 && average <= 5) || ratings < 0) {
                    throw new IllegalArgumentException("not a rating");
                }
                return byRating(average, ratings, id);
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
