package com.humanchat.edge.chat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;

/**
 * A message as a client asks to send it, over REST or the socket (already checked against its JSON Schema): the
 * attachment ids still to resolve, the message it replies to (null: none) and the users it mentions.
 */
public record MessageDraft(
        String clientMessageId,
        String content,
        List<UUID> attachmentIds,
        Long replyToSeq,
        List<UUID> mentionedUserIds) {

    public MessageDraft {
        attachmentIds = List.copyOf(attachmentIds);
        mentionedUserIds = List.copyOf(mentionedUserIds);
    }

    /** From a body or frame that passed {@code send-message.json} / {@code ws-message-send.json}. */
    public static MessageDraft of(JsonObject json) {
        return new MessageDraft(
                json.getString("clientMessageId"),
                json.getString("content"),
                uuids(json.getJsonArray("attachmentIds", new JsonArray())),
                json.getLong("replyToSeq"),
                uuids(json.getJsonArray("mentionedUserIds", new JsonArray())));
    }

    private static List<UUID> uuids(JsonArray ids) {
        return ids.stream().map(id -> UUID.fromString((String) id)).toList();
    }
}
