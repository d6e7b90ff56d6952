package com.humanchat.edge.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.edge.chat.PlatformHarness.TestUser;
import io.vertx.core.MultiMap;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The edge's compression policy as a browser meets it: a client that offers {@code permessage-deflate} the way
 * Chromium does gets a plain socket, and the socket works.
 */
class WebSocketCompressionIT {

    private static final PlatformHarness PLATFORM = PlatformHarness.get();

    @Test
    void declinesPermessageDeflateOfferedTheWayChromiumOffersIt() throws Exception {
        TestUser user = PLATFORM.register("deflate");
        WebSocketClient client = PLATFORM.clientVertx()
                .createWebSocketClient(new WebSocketClientOptions()
                        .setTryUsePerMessageCompression(true)
                        .setCompressionAllowClientNoContext(false)
                        .setCompressionRequestServerNoContext(false));
        try {
            CompletableFuture<String> hello = new CompletableFuture<>();
            WebSocket ws = client.webSocket()
                    .textMessageHandler(hello::complete)
                    .connect(new WebSocketConnectOptions()
                            .setHost("127.0.0.1")
                            .setPort(PLATFORM.edge().port())
                            .setURI("/ws?access_token=" + URLEncoder.encode(user.token(), StandardCharsets.UTF_8))
                            .setHeaders(MultiMap.caseInsensitiveMultiMap()))
                    .await(10, TimeUnit.SECONDS);

            assertThat(ws.headers().get("Sec-WebSocket-Extensions"))
                    .as("the handshake answer names no extension")
                    .isNull();
            assertThat(hello.get(10, TimeUnit.SECONDS)).contains("\"hello\"");
        } finally {
            client.close();
        }
    }
}
