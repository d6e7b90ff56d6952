package com.humanchat.edge.chat;

import com.humanchat.schemas.Json;
import com.humanchat.schemas.chat.Attachment;
import com.humanchat.schemas.chat.MessageDeleted;
import com.humanchat.schemas.chat.MessageEdited;
import com.humanchat.schemas.chat.MessageReacted;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.chat.UnreadChanged;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON shapes clients see, built the same way from a projection row and from a live event, so that REST,
 * {@code /api/sync} and WebSocket frames carry identical messages and conversations. Instants are ISO-8601 UTC.
 */
public final class ChatJson {

    private ChatJson() {}

    /**
     * {@code {id, conversationId, seq, senderId, clientMessageId, content, timestamp, type, actions, attachments,
     * mentionedUserIds}} and {@code replyToSeq} for a reply. A live message carries no reactions (a redelivered copy must not clear the ones the
     * client holds) and no quote (the client quotes the original from what it holds).
     */
    public static JsonObject message(MessageSent sent) {
        JsonObject message = new JsonObject()
                .put("id", sent.messageId().toString())
                .put("conversationId", sent.conversationId().toString())
                .put("seq", sent.seq())
                .put("senderId", sent.senderId().toString())
                .put("clientMessageId", sent.clientMessageId())
                .put("content", sent.content())
                .put("timestamp", sent.occurredAt().toString())
                .put("type", sent.messageType().wire())
                .put("actions", actions(sent.actions()))
                .put(
                        "attachments",
                        new JsonArray(sent.attachments().stream()
                                .map(ChatJson::attachment)
                                .toList()));
        if (sent.replyToSeq() != null) {
            message.put("replyToSeq", sent.replyToSeq());
        }
        message.put(
                "mentionedUserIds",
                new JsonArray(
                        sent.mentionedUserIds().stream().map(UUID::toString).toList()));
        return message;
    }

    /**
     * A message from a row whose message columns carry {@code prefix} ({@code id, seq, sender_id, client_message_id,
     * content, type, actions, attachments, sent_at, edited_at, deleted_at, reply_to_seq, reactions, mentioned_user_ids,
     * reply_to}); null when the row has no message (a left join). A reply carries {@code replyTo {seq, senderId, content,
     * attachments, edited, deleted}}: the quoted message as it reads now, without content once deleted.
     */
    public static JsonObject message(Row row, String prefix, UUID conversationId) {
        UUID id = row.getUUID(prefix + "id");
        if (id == null) {
            return null;
        }
        JsonObject message = new JsonObject()
                .put("id", id.toString())
                .put("conversationId", conversationId.toString())
                .put("seq", row.getLong(prefix + "seq"))
                .put("senderId", row.getUUID(prefix + "sender_id").toString())
                .put("clientMessageId", row.getString(prefix + "client_message_id"))
                .put("content", row.getString(prefix + "content"))
                .put("timestamp", instant(row.getOffsetDateTime(prefix + "sent_at")))
                .put("type", row.getString(prefix + "type"))
                .put("actions", jsonArray(row.getValue(prefix + "actions")))
                .put("attachments", jsonArray(row.getValue(prefix + "attachments")))
                .put("mentionedUserIds", jsonArray(row.getValue(prefix + "mentioned_user_ids")));
        OffsetDateTime edited = row.getOffsetDateTime(prefix + "edited_at");
        if (edited != null) {
            message.put("editedAt", instant(edited));
        }
        OffsetDateTime deleted = row.getOffsetDateTime(prefix + "deleted_at");
        if (deleted != null) {
            message.put("deletedAt", instant(deleted));
        }
        message.put("reactions", deleted != null ? new JsonObject() : jsonObject(row.getValue(prefix + "reactions")));
        Long replyToSeq = row.getLong(prefix + "reply_to_seq");
        if (replyToSeq != null) {
            message.put("replyToSeq", replyToSeq);
            JsonObject quoted = jsonObject(row.getValue(prefix + "reply_to"));
            message.put("replyTo", quoted.isEmpty() ? null : quoted);
        }
        return message;
    }

    /** A conversation as its member {@code viewer} sees it, from a {@link ChatReadModel#CONVERSATION_SELECT} row. */
    public static JsonObject conversation(Row row) {
        UUID id = row.getUUID("id");
        UUID linked = row.getUUID("linked_session_id");
        JsonArray participants = jsonArray(row.getValue("participants"));
        return new JsonObject()
                .put("conversationId", id.toString())
                .put("type", row.getString("type"))
                .put("participants", participants)
                .put("participantIds", idsOf(participants))
                .put("createdAt", instant(row.getOffsetDateTime("created_at")))
                .put("lastActivity", instant(row.getOffsetDateTime("last_activity")))
                .put("lastSeq", row.getLong("last_seq"))
                .put("unreadCount", row.getLong("unread_count"))
                .put("lastReadSeq", row.getLong("last_read_seq"))
                .put("mentionSeq", row.getLong("mention_seq"))
                .put("unreadAsOfSeq", row.getLong("unread_as_of_seq"))
                .put("unreadAsOfReadSeq", row.getLong("unread_as_of_read"))
                .put("linkedSessionId", linked == null ? null : linked.toString())
                .put("lastMessage", message(row, "m_", id));
    }

    /** The participants' ids, the same shape as the {@code participantIds} a client creates a conversation with. */
    private static JsonArray idsOf(JsonArray participants) {
        JsonArray ids = new JsonArray();
        participants.forEach(p -> ids.add(((JsonObject) p).getString("userId")));
        return ids;
    }

    /** A conversation that is not projected yet, from what the caller knows: its creation and participants. */
    public static JsonObject newConversation(
            UUID id, String type, List<UUID> participantIds, Map<UUID, String> displayNames, Instant createdAt) {
        JsonArray participants = new JsonArray();
        participantIds.stream()
                .sorted()
                .forEach(p -> participants.add(
                        new JsonObject().put("userId", p.toString()).put("displayName", displayNames.get(p))));
        return new JsonObject()
                .put("conversationId", id.toString())
                .put("type", type)
                .put("participants", participants)
                .put("participantIds", idsOf(participants))
                .put("createdAt", createdAt.toString())
                .put("lastActivity", createdAt.toString())
                .put("lastSeq", 0L)
                .put("unreadCount", 0L)
                .put("lastReadSeq", 0L)
                .put("mentionSeq", 0L)
                .put("unreadAsOfSeq", 0L)
                .put("unreadAsOfReadSeq", 0L)
                .put("linkedSessionId", null)
                .put("lastMessage", null);
    }

    /** {@code {type: "message.new", message}}. */
    public static JsonObject messageNewFrame(JsonObject message) {
        return new JsonObject().put("type", "message.new").put("message", message);
    }

    /** {@code {type: "message.ack", clientMessageId, seq, conversationId, messageId}}. */
    public static JsonObject ackFrame(MessageSent sent) {
        return new JsonObject()
                .put("type", "message.ack")
                .put("clientMessageId", sent.clientMessageId())
                .put("seq", sent.seq())
                .put("conversationId", sent.conversationId().toString())
                .put("messageId", sent.messageId().toString());
    }

    /**
     * {@code {type: "unread", conversationId, unreadCount, totalUnread, unreadAsOfSeq, unreadAsOfReadSeq}}: the count
     * as of the conversation's {@code unreadAsOfSeq} and the reader's {@code unreadAsOfReadSeq}. Live frames and the
     * projection travel separately, so a client keeps the count with the later as-of pair (docs/architecture.md,
     * "Unread counts on the client").
     */
    public static JsonObject unreadFrame(
            UUID conversationId, long unreadCount, long totalUnread, long asOfSeq, long asOfReadSeq) {
        return new JsonObject()
                .put("type", "unread")
                .put("conversationId", conversationId.toString())
                .put("unreadCount", unreadCount)
                .put("totalUnread", totalUnread)
                .put("unreadAsOfSeq", asOfSeq)
                .put("unreadAsOfReadSeq", asOfReadSeq);
    }

    public static JsonObject unreadFrame(UnreadChanged changed) {
        return unreadFrame(
                changed.conversationId(),
                changed.unreadCount(),
                changed.totalUnread(),
                changed.lastSeq(),
                changed.lastReadSeq());
    }

    /** {@code {type: "conversation", conversation}}. */
    public static JsonObject conversationFrame(JsonObject conversation) {
        return new JsonObject().put("type", "conversation").put("conversation", conversation);
    }

    /** {@code {type: "message.edited", conversationId, seq, content, editorId, editedAt}}. */
    public static JsonObject editedFrame(MessageEdited edited) {
        return new JsonObject()
                .put("type", "message.edited")
                .put("conversationId", edited.conversationId().toString())
                .put("seq", edited.seq())
                .put("content", edited.content())
                .put("editorId", edited.editorId().toString())
                .put("editedAt", edited.occurredAt().toString());
    }

    /** {@code {type: "message.deleted", conversationId, seq, deletedBy, deletedAt}}. */
    public static JsonObject deletedFrame(MessageDeleted deleted) {
        return new JsonObject()
                .put("type", "message.deleted")
                .put("conversationId", deleted.conversationId().toString())
                .put("seq", deleted.seq())
                .put("deletedBy", deleted.deletedBy().toString())
                .put("deletedAt", deleted.occurredAt().toString());
    }

    /** {@code {type: "message.reacted", conversationId, seq, emoji, userIds, userId, active}}: userIds is absolute. */
    public static JsonObject reactedFrame(MessageReacted reacted) {
        JsonArray users = new JsonArray();
        reacted.userIds().forEach(id -> users.add(id.toString()));
        return new JsonObject()
                .put("type", "message.reacted")
                .put("conversationId", reacted.conversationId().toString())
                .put("seq", reacted.seq())
                .put("emoji", reacted.emoji())
                .put("userIds", users)
                .put("userId", reacted.userId().toString())
                .put("active", reacted.active());
    }

    /** {@code {type: "receipt", conversationId, userId, seq}}: {@code userId} has seen the conversation up to seq. */
    public static JsonObject receiptFrame(UUID conversationId, UUID userId, long seq) {
        return new JsonObject()
                .put("type", "receipt")
                .put("conversationId", conversationId.toString())
                .put("userId", userId.toString())
                .put("seq", seq);
    }

    /** {@code {type: "error", code, message}} plus {@code clientMessageId} when the error refuses a send. */
    public static JsonObject errorFrame(String code, String message, String clientMessageId) {
        JsonObject frame =
                new JsonObject().put("type", "error").put("code", code).put("message", message);
        if (clientMessageId != null) {
            frame.put("clientMessageId", clientMessageId);
        }
        return frame;
    }

    public static String instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant().toString();
    }

    private static JsonArray actions(List<com.fasterxml.jackson.databind.JsonNode> actions) {
        if (actions.isEmpty()) {
            return new JsonArray();
        }
        @SuppressWarnings("unchecked")
        List<Object> plain = Json.mapper().convertValue(actions, List.class);
        return new JsonArray(plain);
    }

    private static JsonObject jsonObject(Object value) {
        if (value instanceof JsonObject object) {
            return object;
        }
        if (value instanceof String text) {
            return new JsonObject(text);
        }
        if (value instanceof io.vertx.core.buffer.Buffer buffer) {
            return new JsonObject(buffer);
        }
        return new JsonObject();
    }

    /**
     * An attachment of a message (openapi.yaml {@code Attachment}); {@code width} and {@code height} only for an image,
     * as the projected row stores them.
     */
    public static JsonObject attachment(Attachment a) {
        JsonObject json = new JsonObject()
                .put("attachmentId", a.attachmentId().toString())
                .put("name", a.name())
                .put("contentType", a.contentType())
                .put("sizeBytes", a.sizeBytes());
        if (a.width() != null && a.height() != null) {
            json.put("width", a.width()).put("height", a.height());
        }
        return json.put("thumbnail", a.thumbnail());
    }

    private static JsonArray jsonArray(Object value) {
        if (value instanceof JsonArray array) {
            return array;
        }
        if (value instanceof String text) {
            return new JsonArray(text);
        }
        if (value instanceof io.vertx.core.buffer.Buffer buffer) {
            return new JsonArray(buffer);
        }
        return new JsonArray();
    }
}
