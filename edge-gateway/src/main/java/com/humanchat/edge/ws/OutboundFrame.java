package com.humanchat.edge.ws;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/**
 * A frame encoded once and shared by every socket it goes to. A {@code message.new} frame also carries its
 * {@code (conversationId, seq)} so that a socket never writes the same message twice, and the message's
 * {@code occurredAt} for the delivery-latency timer.
 *
 * @param upsert a message frame that must be written even when its seq was already written (a sync item of an
 *     edited or deleted message)
 */
public record OutboundFrame(String text, UUID conversationId, long seq, boolean upsert, Instant occurredAt) {

    public static OutboundFrame of(JsonObject frame) {
        return new OutboundFrame(frame.encode(), null, 0, false, null);
    }

    /** A live {@code message.new}. */
    public static OutboundFrame message(JsonObject frame, UUID conversationId, long seq, Instant occurredAt) {
        return new OutboundFrame(frame.encode(), conversationId, seq, false, occurredAt);
    }

    /** An item of {@code /api/sync}, sent during a socket's catch-up. */
    public static OutboundFrame syncItem(JsonObject item) {
        JsonObject message = "message.new".equals(item.getString("type")) ? item.getJsonObject("message") : null;
        if (message == null) {
            return of(item);
        }
        boolean changedSince = message.getValue("editedAt") != null || message.getValue("deletedAt") != null;
        return new OutboundFrame(
                item.encode(),
                UUID.fromString(message.getString("conversationId")),
                message.getLong("seq"),
                changedSince,
                null);
    }

    public boolean isMessage() {
        return conversationId != null;
    }
}
