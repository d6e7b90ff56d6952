package com.humanchat.loadgen;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One authenticated {@code /ws} connection: it counts as open once the server's {@code hello} arrives, and every
 * later frame goes to the listener with the time it was received. It remembers whether the handshake negotiated
 * {@code permessage-deflate}.
 */
final class LoadSocket {

    /** Receives a socket's frames and its closing; called on the socket's event loop, so it must not block. */
    interface Listener {
        void onFrame(LoadSocket socket, ServerFrame frame, long receivedNanos);

        /** The server (or the network) closed the socket; {@code statusCode} is null if no close frame came. */
        void onClose(LoadSocket socket, Short statusCode, String reason);
    }

    private static final String PING = "{\"type\":\"ping\"}";
    private static final String PERMESSAGE_DEFLATE = "permessage-deflate";

    private final WebSocket webSocket;
    private final String userId;
    private final boolean compressed;
    private volatile boolean closingByUs;

    private LoadSocket(WebSocket webSocket, String userId, boolean compressed) {
        this.webSocket = webSocket;
        this.userId = userId;
        this.compressed = compressed;
    }

    /**
     * Client options that, when {@code offerCompression}, ask for {@code permessage-deflate} the way Chromium does:
     * context takeover kept on both sides (no {@code server_no_context_takeover} request), 15-bit windows, the
     * default level. Chromium's offer also carries a bare {@code client_max_window_bits}, which Netty adds only with
     * JZlib on the class path; without it the offer is {@code permessage-deflate} alone, which a Vert.x server
     * answers exactly as it answers Chromium's.
     */
    static WebSocketClientOptions clientOptions(boolean offerCompression) {
        return new WebSocketClientOptions()
                .setTryUsePerMessageCompression(offerCompression)
                .setCompressionAllowClientNoContext(false)
                .setCompressionRequestServerNoContext(false);
    }

    /** Whether a handshake answer's {@code Sec-WebSocket-Extensions} (null when absent) accepted deflate. */
    static boolean deflateNegotiated(String extensions) {
        if (extensions == null) {
            return false;
        }
        for (String extension : extensions.split(",")) {
            String name = extension.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (name.equals(PERMESSAGE_DEFLATE)) {
                return true;
            }
        }
        return false;
    }

    /** Opens {@code /ws?access_token=…}; the future completes with the socket when {@code hello} arrives. */
    static Future<LoadSocket> connect(
            Vertx vertx,
            WebSocketClient client,
            Endpoint endpoint,
            String accessToken,
            ObjectMapper mapper,
            Listener listener,
            long helloTimeoutMillis) {
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost(endpoint.host())
                .setPort(endpoint.port())
                .setSsl(endpoint.ssl())
                .setURI("/ws?access_token=" + URLEncoder.encode(accessToken, StandardCharsets.UTF_8));
        return client.connect(options).compose(webSocket -> {
            // On a client socket, headers() are the handshake answer's.
            boolean compressed = webSocket.headers() != null
                    && deflateNegotiated(String.join(",", webSocket.headers().getAll("Sec-WebSocket-Extensions")));
            Promise<LoadSocket> ready = Promise.promise();
            AtomicReference<LoadSocket> opened = new AtomicReference<>();
            webSocket.textMessageHandler(text -> {
                long receivedNanos = System.nanoTime();
                ServerFrame frame = ServerFrame.parse(mapper, text);
                LoadSocket socket = opened.get();
                if (socket != null) {
                    listener.onFrame(socket, frame, receivedNanos);
                } else if (frame instanceof ServerFrame.Hello hello) {
                    socket = new LoadSocket(webSocket, hello.userId(), compressed);
                    opened.set(socket);
                    ready.tryComplete(socket);
                }
                // Anything before hello is not part of the contract and is ignored.
            });
            webSocket.closeHandler(ignored -> {
                LoadSocket socket = opened.get();
                if (socket == null) {
                    ready.tryFail(new IllegalStateException("socket closed before hello (code "
                            + webSocket.closeStatusCode() + ", " + webSocket.closeReason() + ")"));
                } else if (!socket.closingByUs) {
                    listener.onClose(socket, webSocket.closeStatusCode(), webSocket.closeReason());
                }
            });
            webSocket.exceptionHandler(ready::tryFail);
            long timer = vertx.setTimer(helloTimeoutMillis, id -> {
                if (ready.tryFail(new TimeoutException("no hello within " + helloTimeoutMillis + " ms"))) {
                    webSocket.close();
                }
            });
            return ready.future().onComplete(result -> vertx.cancelTimer(timer));
        });
    }

    /** The user id the server greeted this socket with. */
    String userId() {
        return userId;
    }

    /** Whether the handshake negotiated {@code permessage-deflate}. */
    boolean compressed() {
        return compressed;
    }

    /** Never throws: a write to a socket that has just closed fails the returned future instead. */
    Future<Void> send(String text) {
        try {
            return webSocket.writeTextMessage(text);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    Future<Void> ping() {
        return send(PING);
    }

    /** True when this process has more queued for the socket than Netty's high-water mark: the client lags. */
    boolean writeQueueFull() {
        return webSocket.writeQueueFull();
    }

    boolean isClosed() {
        return webSocket.isClosed();
    }

    /** Closes normally; the listener is not told, as this close is ours. */
    Future<Void> close() {
        closingByUs = true;
        return webSocket.isClosed() ? Future.succeededFuture() : webSocket.close();
    }
}
