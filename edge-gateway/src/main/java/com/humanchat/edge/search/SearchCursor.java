package com.humanchat.edge.search;

import com.humanchat.edge.http.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * The keyset position after a search hit: results come by rank descending, then conversation and seq descending, so
 * the next page starts strictly below {@code (rank, conversationId, seq)}. The rank is PostgreSQL's {@code real},
 * carried as the exact float it was.
 */
record SearchCursor(float rank, UUID conversationId, long seq) {

    private static final String VERSION = "s1";

    String encode() {
        String plain = VERSION + "|" + Float.floatToIntBits(rank) + "|" + conversationId + "|" + seq;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The {@code cursor} query parameter: null when absent or empty.
     *
     * @throws ProblemException 400 for a token this server did not issue
     */
    static SearchCursor parameter(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 4 || !parts[0].equals(VERSION)) {
                throw new IllegalArgumentException("not a search cursor");
            }
            return new SearchCursor(
                    Float.intBitsToFloat(Integer.parseInt(parts[1])),
                    UUID.fromString(parts[2]),
                    Long.parseLong(parts[3]));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("cursor is not a search cursor this server issued");
        }
    }
}
