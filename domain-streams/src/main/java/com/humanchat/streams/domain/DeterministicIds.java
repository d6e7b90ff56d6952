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

    /**
     * The id of the {@code index}-th event a command produces when it produces several (accepting a session emits two
     * status changes); index 0 is {@link #eventId(UUID)}.
     */
    public static UUID eventId(UUID commandId, int index) {
        return index == 0 ? eventId(commandId) : nameUuid("event:" + commandId + ":" + index);
    }

    /**
     * The id of a command a topology writes to another topic because of an event ({@code purpose} names which, e.g.
     * {@code "system-message"}), so that re-emitting the event re-sends the same command.
     */
    public static UUID followUpCommandId(String purpose, UUID eventId) {
        return nameUuid(purpose + ":" + eventId);
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
