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
 * {conversationId}|r|{seq:019}                        → MessageReactions (kept: reactions outlive the window)
 * x|{bucketEndMillis:019}|{conversationId}            → [] (expiry index: check this conversation then)
 * x|{expiresAtMillis:019}|{conversationId}|{seq:019}  → [keys to delete] (older layout, still honoured)
 * </pre>
 *
 * <p>An expiry index entry names a conversation and a time at or after which its oldest messages fall due; it is
 * written once per conversation and {@link #EXPIRY_BUCKET_MILLIS} window, not once per message.
 */
final class ConversationStoreKeys {

    static final String EXPIRY_PREFIX = "x|";

    /** The width of an expiry window: a message is expired at the end of the window its due time falls in. */
    static final long EXPIRY_BUCKET_MILLIS = 60_000;

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

    static String reactions(UUID conversationId, long seq) {
        return conversationId + "|r|" + pad(seq);
    }

    static String expiry(long expiresAtMillis, UUID conversationId, long seq) {
        return EXPIRY_PREFIX + pad(Math.max(0, expiresAtMillis)) + "|" + conversationId + "|" + pad(seq);
    }

    /** The expiry index entry whose window holds {@code dueAtMillis}: the window's end, never before the due time. */
    static String expiryBucket(long dueAtMillis, UUID conversationId) {
        long due = Math.max(0, dueAtMillis);
        long end = due > Long.MAX_VALUE - EXPIRY_BUCKET_MILLIS
                ? Long.MAX_VALUE
                : Math.ceilDiv(due, EXPIRY_BUCKET_MILLIS) * EXPIRY_BUCKET_MILLIS;
        return EXPIRY_PREFIX + pad(end) + "|" + conversationId;
    }

    /** The conversation an expiry bucket entry names, or null for an entry of the older per-message layout. */
    static UUID bucketConversation(String expiryKey) {
        int start = EXPIRY_PREFIX.length() + 19 + 1;
        return expiryKey.length() == start + 36 ? UUID.fromString(expiryKey.substring(start)) : null;
    }

    /** The first and (exclusive) last key of a conversation's recent messages, in seq order. */
    static String messagesFrom(UUID conversationId) {
        return conversationId + "|m|";
    }

    static String messagesUntil(UUID conversationId) {
        return conversationId + "|m|~";
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
