package com.humanchat.streams.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Who put which reaction on one message: per emoji, the users in the order they reacted. A user's reaction is there
 * or not, so setting it twice (a redelivered command) changes nothing.
 */
public record MessageReactions(Map<String, List<UUID>> byEmoji) {

    public static final MessageReactions NONE = new MessageReactions(Map.of());

    public MessageReactions {
        Map<String, List<UUID>> copy = new TreeMap<>();
        byEmoji.forEach((emoji, users) -> {
            if (!users.isEmpty()) {
                copy.put(emoji, List.copyOf(users));
            }
        });
        byEmoji = Map.copyOf(copy);
    }

    public List<UUID> usersOf(String emoji) {
        return byEmoji.getOrDefault(emoji, List.of());
    }

    /** These reactions with {@code user}'s {@code emoji} on ({@code active}) or off. */
    public MessageReactions with(String emoji, UUID user, boolean active) {
        List<UUID> users = new ArrayList<>(usersOf(emoji));
        if (active == users.contains(user)) {
            return this;
        }
        if (active) {
            users.add(user);
        } else {
            users.remove(user);
        }
        Map<String, List<UUID>> changed = new TreeMap<>(byEmoji);
        changed.put(emoji, users);
        return new MessageReactions(changed);
    }
}
