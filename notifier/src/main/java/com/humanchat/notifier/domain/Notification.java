package com.humanchat.notifier.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One notification for one person. Its id is derived from the event that caused it (and the recipient and kind), so
 * deriving it again — a redelivered event, a restarted notifier — yields the same row, never a second one.
 *
 * @param link where the web client shows what it is about, relative to the public URL (e.g. {@code /#/sessions})
 * @param conversationId the conversation it belongs to, if any (a muted conversation notifies nobody)
 */
public record Notification(
        UUID id,
        UUID userId,
        NotificationKind kind,
        String title,
        String body,
        String link,
        UUID conversationId,
        UUID sourceEventId,
        Instant createdAt) {

    /** The id of {@code kind} for {@code userId} caused by the event {@code sourceEventId}. */
    public static UUID idOf(NotificationKind kind, UUID sourceEventId, UUID userId) {
        return UUID.nameUUIDFromBytes(
                (kind.wire() + ":" + sourceEventId + ":" + userId).getBytes(StandardCharsets.UTF_8));
    }
}
