package com.humanchat.schemas.chat;

import java.util.List;

/** The small set of reactions a message can carry (the JSON Schemas' {@code reactionEmoji} enumerates the same). */
public final class ReactionEmoji {

    public static final List<String> ALLOWED = List.of("👍", "❤️", "😂", "😮", "😢", "🎉");

    private ReactionEmoji() {}

    public static boolean allowed(String emoji) {
        return emoji != null && ALLOWED.contains(emoji);
    }
}
