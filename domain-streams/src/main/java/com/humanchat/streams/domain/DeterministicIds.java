package com.humanchat.streams.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Every id an event carries is derived from the command it answers, so that processing a command again after a crash
 * yields byte-identical events.
 */
public final class DeterministicIds {

    private DeterministicIds() {}

    /** The id of the message a {@code message.send} command creates. */
    public static UUID messageId(UUID commandId) {
        return nameUuid("message:" + commandId);
    }

    /** The id of the one event a command produces. */
    public static UUID eventId(UUID commandId) {
        return nameUuid("event:" + commandId);
    }

    /** The id of an {@code unread.changed} record; the same absolute values always get the same id. */
    public static UUID unreadEventId(UUID userId, UUID conversationId, UnreadPosition position, long totalUnread) {
        return nameUuid("unread:" + userId + ":" + conversationId + ":" + position.lastSeq() + ":"
                + position.lastReadSeq() + ":" + totalUnread);
    }

    private static UUID nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
