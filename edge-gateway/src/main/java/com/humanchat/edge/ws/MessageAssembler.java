package com.humanchat.edge.ws;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import java.nio.charset.StandardCharsets;

/**
 * Whole messages from a socket's data frames, at most {@code maxBytes} each. A larger message is dropped whole (its
 * frames are not kept) and reported once, and the socket stays open. The edge assembles messages itself rather than
 * through Vert.x's aggregation, whose oversize failure is recognisable only by its exception's message text.
 */
final class MessageAssembler implements Handler<WebSocketFrame> {

    /** Where complete messages go; called on the socket's context. */
    interface Sink {
        void text(String message);

        void binary();

        void tooLarge();
    }

    private final int maxBytes;
    private final Sink sink;
    private Buffer pending;
    private boolean text;
    private boolean oversized;

    MessageAssembler(int maxBytes, Sink sink) {
        this.maxBytes = maxBytes;
        this.sink = sink;
    }

    @Override
    public void handle(WebSocketFrame frame) {
        if (frame.isClose() || frame.isPing() || frame.type() == WebSocketFrameType.PONG) {
            return; // control frames are Vert.x's
        }
        if (!frame.isContinuation() && frame.isFinal()) {
            // The usual case, a whole message in one frame: no copy into a buffer.
            pending = null;
            oversized = false;
            if (frame.binaryData().length() > maxBytes) {
                sink.tooLarge();
            } else if (frame.isText()) {
                sink.text(frame.textData());
            } else {
                sink.binary();
            }
            return;
        }
        if (!frame.isContinuation()) {
            pending = Buffer.buffer();
            text = frame.isText();
            oversized = false;
        } else if (pending == null && !oversized) {
            return; // a continuation of nothing: the client broke the framing, nothing to assemble
        }
        if (!oversized) {
            Buffer data = frame.binaryData();
            if (pending.length() + data.length() > maxBytes) {
                oversized = true;
                pending = null;
            } else {
                pending.appendBuffer(data);
            }
        }
        if (frame.isFinal()) {
            if (oversized) {
                sink.tooLarge();
            } else if (text) {
                sink.text(pending.toString(StandardCharsets.UTF_8));
            } else {
                sink.binary();
            }
            pending = null;
            oversized = false;
        }
    }
}
