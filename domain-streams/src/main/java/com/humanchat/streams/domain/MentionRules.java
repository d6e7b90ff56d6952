package com.humanchat.streams.domain;

import java.util.List;
import java.util.UUID;

/**
 * Who a message may mention: the other members of its conversation. An id that is not a member (never was, or has
 * left) or is the sender is dropped rather than refused, so a message composed while the membership changed still
 * goes, and nobody outside the conversation is told about it.
 */
final class MentionRules {

    private MentionRules() {}

    /** The ids of {@code named} that are other members of the conversation, each once, in the order named. */
    static List<UUID> kept(List<UUID> named, UUID sender, ConversationState state) {
        return named.stream()
                .distinct()
                .filter(id -> !id.equals(sender) && state.hasMember(id))
                .toList();
    }
}
