package com.humanchat.schemas.chat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A pair of users has exactly one direct conversation, whose id derives from the pair whoever opens it. */
public final class ConversationIds {

    private ConversationIds() {}

    /** The id of the direct conversation of {@code a} and {@code b}; the same for {@code (b, a)}. */
    public static UUID direct(UUID a, UUID b) {
        String first = a.toString();
        String second = b.toString();
        String pair = first.compareTo(second) <= 0 ? first + ":" + second : second + ":" + first;
        return UUID.nameUUIDFromBytes(("direct:" + pair).getBytes(StandardCharsets.UTF_8));
    }
}
