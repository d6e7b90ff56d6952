package com.humanchat.streams.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * A user's unread total over all their conversations, adjusted by {@code new − old} for each conversation update, so a
 * duplicate (or an older position arriving late) changes nothing.
 *
 * <p>The total and the per-conversation position are two store entries; the total is written first and remembers the
 * update it already counts ({@code lastConversationId}, {@code lastPosition}). If a crash lost the position write that
 * followed, the next update of that conversation finds its stored position behind the remembered one and uses the
 * remembered one as "old", so the total never counts an update twice and never drifts.
 *
 * @param total the sum of the user's per-conversation unread counts, never negative
 * @param lastConversationId the conversation of the update this total includes last, null before the first
 * @param lastPosition that conversation's position after that update
 */
public record UserUnreadTotal(long total, UUID lastConversationId, UnreadPosition lastPosition) {

    public static final UserUnreadTotal EMPTY = new UserUnreadTotal(0, null, UnreadPosition.ZERO);

    public UserUnreadTotal {
        Objects.requireNonNull(lastPosition, "lastPosition");
        if (total < 0) {
            throw new IllegalArgumentException("a total is never negative");
        }
    }

    /** The new total and the conversation's new position, to be stored in that order. */
    public record Applied(UserUnreadTotal total, UnreadPosition position) {}

    /**
     * @param storedPosition the conversation's stored position for this user, {@link UnreadPosition#ZERO} if none
     * @param incoming the position the per-conversation ledger published
     */
    public Applied apply(UUID conversationId, UnreadPosition storedPosition, UnreadPosition incoming) {
        UnreadPosition counted = storedPosition;
        if (conversationId.equals(lastConversationId) && lastPosition.covers(storedPosition)) {
            counted = lastPosition;
        }
        UnreadPosition merged = counted.merge(incoming);
        long newTotal = Math.max(0, total + merged.unread() - counted.unread());
        return new Applied(new UserUnreadTotal(newTotal, conversationId, merged), merged);
    }
}
