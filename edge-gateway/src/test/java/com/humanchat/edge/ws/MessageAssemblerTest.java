package com.humanchat.edge.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageAssemblerTest {

    private final List<String> seen = new ArrayList<>();
    private final MessageAssembler assembler = new MessageAssembler(10, new MessageAssembler.Sink() {
        @Override
        public void text(String message) {
            seen.add("text:" + message);
        }

        @Override
        public void binary() {
            seen.add("binary");
        }

        @Override
        public void tooLarge() {
            seen.add("too large");
        }
    });

    @Test
    void joinsAFragmentedTextMessage() {
        assembler.handle(WebSocketFrame.textFrame("{\"a\":", false));
        assembler.handle(WebSocketFrame.continuationFrame(Buffer.buffer("1}"), true));

        assertThat(seen).containsExactly("text:{\"a\":1}");
    }

    @Test
    void dropsAnOversizedMessageWholeOnceAndGoesOn() {
        assembler.handle(WebSocketFrame.textFrame("0123456789", false));
        assembler.handle(WebSocketFrame.continuationFrame(Buffer.buffer("x"), false));
        assembler.handle(WebSocketFrame.continuationFrame(Buffer.buffer("y"), true));
        assembler.handle(WebSocketFrame.textFrame("0123456789", true));
        assembler.handle(WebSocketFrame.textFrame("01234567890", true));

        assertThat(seen).containsExactly("too large", "text:0123456789", "too large");
    }

    @Test
    void reportsBinaryMessagesAndIgnoresControlFramesAndStrayContinuations() {
        assembler.handle(WebSocketFrame.binaryFrame(Buffer.buffer(new byte[] {1, 2}), true));
        assembler.handle(WebSocketFrame.pingFrame(Buffer.buffer("p")));
        assembler.handle(WebSocketFrame.continuationFrame(Buffer.buffer("orphan"), true));

        assertThat(seen).containsExactly("binary");
    }

    @Test
    void countsBytesNotCharacters() {
        assembler.handle(WebSocketFrame.textFrame("ééééé", true)); // 10 bytes
        assembler.handle(WebSocketFrame.textFrame("éééééé", true)); // 12 bytes

        assertThat(seen).containsExactly("text:ééééé", "too large");
    }
}
