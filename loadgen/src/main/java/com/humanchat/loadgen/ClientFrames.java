package com.humanchat.loadgen;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * The client frames the generator writes, as text built once per conversation (DESIGN.md §5): the hot path then
 * only appends the varying tail, with nothing left to escape.
 */
final class ClientFrames {

    private ClientFrames() {}

    /** {@code {"type":"message.send","conversationId":"…","clientMessageId":"}: append the id and the rest. */
    static String messageSendPrefix(String conversationId) {
        return "{\"type\":\"message.send\",\"conversationId\":\"" + quote(conversationId) + "\",\"clientMessageId\":\"";
    }

    /** {@code {"type":"typing","conversationId":"…","isTyping":}: append {@code true}/{@code false} and {@code }}. */
    static String typingPrefix(String conversationId) {
        return "{\"type\":\"typing\",\"conversationId\":\"" + quote(conversationId) + "\",\"isTyping\":";
    }

    /** {@code {"type":"read","conversationId":"…","seq":}: append the seq and {@code }}. */
    static String readPrefix(String conversationId) {
        return "{\"type\":\"read\",\"conversationId\":\"" + quote(conversationId) + "\",\"seq\":";
    }

    private static String quote(String value) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(value));
    }
}
