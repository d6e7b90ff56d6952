package com.humanchat.loadgen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A frame the server sent on {@code /ws}, reduced to the fields the load generator reads (DESIGN.md §5). */
sealed interface ServerFrame {

    /** First frame on an authenticated socket. */
    record Hello(String userId) implements ServerFrame {}

    /** The sender's confirmation that its {@code message.send} was accepted with {@code seq}. */
    record Ack(String clientMessageId, long seq) implements ServerFrame {}

    /** A message pushed to a member of its conversation. */
    record MessageNew(String conversationId, long seq, String senderId, String clientMessageId)
            implements ServerFrame {}

    /** An {@code error} frame; {@code clientMessageId} is null unless the server names the send it refuses. */
    record ErrorFrame(String code, String message, String clientMessageId) implements ServerFrame {}

    /** {@code userId} (stopped) typing in {@code conversationId}; {@code isTyping} is null if absent. */
    record Typing(String conversationId, String userId, Boolean isTyping) implements ServerFrame {}

    /** A co-member's status changed ({@code online}, {@code away}, {@code busy}, {@code offline}). */
    record Presence(String userId, String status) implements ServerFrame {}

    /** The answer to a client {@code ping}. */
    record Pong() implements ServerFrame {}

    /** Any other frame ({@code unread}, {@code session.updated}, …) or text that is not a JSON object with a type. */
    record Other(String type) implements ServerFrame {}

    /** Reads one text frame; never throws, a frame it cannot read becomes {@code Other("unparsable")}. */
    static ServerFrame parse(ObjectMapper mapper, String text) {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return new Other("unparsable");
        }
        if (node == null || !node.isObject() || !node.path("type").isTextual()) {
            return new Other("unparsable");
        }
        String type = node.get("type").asText();
        return switch (type) {
            case "hello" -> new Hello(text(node, "userId"));
            case "message.ack" ->
                new Ack(text(node, "clientMessageId"), node.path("seq").asLong(-1));
            case "message.new" -> {
                JsonNode message = node.path("message");
                yield new MessageNew(
                        text(message, "conversationId"),
                        message.path("seq").asLong(-1),
                        text(message, "senderId"),
                        text(message, "clientMessageId"));
            }
            case "error" ->
                new ErrorFrame(
                        node.hasNonNull("code") ? node.get("code").asText() : "unknown",
                        text(node, "message"),
                        text(node, "clientMessageId"));
            case "typing" ->
                new Typing(
                        text(node, "conversationId"),
                        text(node, "userId"),
                        node.path("isTyping").isBoolean() ? node.get("isTyping").asBoolean() : null);
            case "presence" -> new Presence(text(node, "userId"), text(node, "status"));
            case "pong" -> new Pong();
            default -> new Other(type);
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
