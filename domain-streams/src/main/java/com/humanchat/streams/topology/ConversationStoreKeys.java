package com.humanchat.streams.topology;

import java.util.UUID;

/**
 * The key layout of {@code conversation-store}. Everything about one conversation starts with its id, so it stays on
 * its partition's store; the expiry index starts with {@code x|} (never a UUID's first characters) and the
 * zero-padded expiry time, so that the entries due for deletion are one range scan.
 *
 * <pre>
 * {conversationId}|s                                  → ConversationState
 * {conversationId}|d|{senderId}|{clientMessageId}     → seq (dedupe index)
 * {conversationId}|m|{seq:019}                        → RecentMessage
 * x|{expiresAtMillis:019}|{conversationId}|{seq:019}  → [keys to delete]
 * </pre>
 */
final class ConversationStoreKeys {

    static final String EXPIRY_PREFIX = "x|";

    private ConversationStoreKeys() {}

    static String state(UUID conversationId) {
        return conversationId + "|s";
    }

    static String dedupe(UUID conversationId, UUID senderId, String clientMessageId) {
        return conversationId + "|d|" + senderId + "|" + clientMessageId;
    }

    static String message(UUID conversationId, long seq) {
        return conversationId + "|m|" + pad(seq);
    }

    static String expiry(long expiresAtMillis, UUID conversationId, long seq) {
        return EXPIRY_PREFIX + pad(Math.max(0, expiresAtMillis)) + "|" + conversationId + "|" + pad(seq);
    }

    /** The first key of the expiry index. */
    static String expiryFrom() {
        return EXPIRY_PREFIX;
    }

    /** A key after every expiry entry due at or before {@code nowMillis} ('~' sorts after '|'). */
    static String expiryUntil(long nowMillis) {
        return EXPIRY_PREFIX + pad(Math.max(0, nowMillis)) + "~";
    }

    private static String pad(long value) {
        return String.format("%019d", value);
    }
}
