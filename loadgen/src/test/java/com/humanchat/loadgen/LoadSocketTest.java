package com.humanchat.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.WebSocketClientOptions;
import org.junit.jupiter.api.Test;

class LoadSocketTest {

    @Test
    void offersDeflateLikeChromiumOnlyWhenAsked() {
        WebSocketClientOptions offered = LoadSocket.clientOptions(true);
        assertThat(offered.getTryUsePerMessageCompression()).isTrue();
        assertThat(offered.getTryUsePerFrameCompression()).isFalse();
        assertThat(offered.getCompressionAllowClientNoContext())
                .as("no client_no_context_takeover: the client keeps its context")
                .isFalse();
        assertThat(offered.getCompressionRequestServerNoContext())
                .as("no server_no_context_takeover request")
                .isFalse();
        assertThat(offered.getCompressionLevel()).isEqualTo(WebSocketClientOptions.DEFAULT_COMPRESSION_LEVEL);

        assertThat(LoadSocket.clientOptions(false).getTryUsePerMessageCompression())
                .isFalse();
    }

    @Test
    void readsWhetherTheHandshakeAnswerAcceptedDeflate() {
        assertThat(LoadSocket.deflateNegotiated("permessage-deflate")).isTrue();
        assertThat(LoadSocket.deflateNegotiated("permessage-deflate; client_max_window_bits=15"))
                .isTrue();
        assertThat(LoadSocket.deflateNegotiated(
                        "x-webkit-deflate-frame, Permessage-Deflate ;server_no_context_takeover"))
                .isTrue();
        assertThat(LoadSocket.deflateNegotiated(null)).isFalse();
        assertThat(LoadSocket.deflateNegotiated("")).isFalse();
        assertThat(LoadSocket.deflateNegotiated("x-webkit-deflate-frame")).isFalse();
        assertThat(LoadSocket.deflateNegotiated("permessage-deflate-ish")).isFalse();
    }
}
