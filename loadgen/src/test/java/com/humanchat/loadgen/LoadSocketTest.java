package com.humanchat.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadSocketTest {

    private static final LoadSocket.Listener IGNORE = new LoadSocket.Listener() {
        @Override
        public void onFrame(LoadSocket socket, ServerFrame frame, long receivedNanos) {}

        @Override
        public void onClose(LoadSocket socket, Short statusCode, String reason) {}
    };

    private final Vertx vertx = Vertx.vertx();
    private final List<String> offers = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeVertx() {
        vertx.close().await();
    }

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

    @Test
    void aSocketKnowsWhetherItsHandshakeNegotiatedDeflate() {
        HttpServer compressing = server(new HttpServerOptions());
        HttpServer plain = server(new HttpServerOptions().setPerMessageWebSocketCompressionSupported(false));

        assertThat(open(compressing, true).compressed()).isTrue();
        assertThat(open(plain, true).compressed()).as("offered, declined").isFalse();
        assertThat(open(compressing, false).compressed()).as("not offered").isFalse();
        assertThat(offers).containsExactly("permessage-deflate", "permessage-deflate", "none");
    }

    /** A stand-in edge on loopback: records the extensions offered and greets with {@code hello}. */
    private HttpServer server(HttpServerOptions options) {
        return vertx.createHttpServer(options.setHost("127.0.0.1").setPort(0))
                .webSocketHandler(socket -> {
                    String offer = socket.headers().get("Sec-WebSocket-Extensions");
                    offers.add(offer == null ? "none" : offer);
                    socket.writeTextMessage("{\"type\":\"hello\",\"userId\":\"u-1\"}");
                })
                .listen()
                .await();
    }

    private LoadSocket open(HttpServer server, boolean offerCompression) {
        WebSocketClient client = vertx.createWebSocketClient(LoadSocket.clientOptions(offerCompression));
        return LoadSocket.connect(
                        vertx,
                        client,
                        new Endpoint("127.0.0.1", server.actualPort(), false),
                        "token",
                        new ObjectMapper(),
                        IGNORE,
                        10_000)
                .await();
    }
}
