package com.humanchat.edge.chat;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test client of {@code /ws}: records every frame it receives, in order. */
public final class TestSocket implements AutoCloseable {

    private final WebSocketClient client;
    private final WebSocket ws;
    private final ConcurrentLinkedQueue<JsonObject> frames;
    private volatile Short closeStatus;
    private volatile String closeReason;

    private TestSocket(WebSocketClient client, WebSocket ws, ConcurrentLinkedQueue<JsonObject> frames) {
        this.client = client;
        this.ws = ws;
        this.frames = frames;
        ws.closeHandler(v -> {
            closeReason = ws.closeReason();
            closeStatus = ws.closeStatusCode() == null ? -1 : ws.closeStatusCode();
        });
    }

    public static TestSocket connect(Vertx vertx, int port, String token, String since) {
        return connect(vertx, port, token, since, Map.of());
    }

    /** Like {@link #connect(Vertx, int, String, String)}, with extra headers on the upgrade request. */
    public static TestSocket connect(Vertx vertx, int port, String token, String since, Map<String, String> headers) {
        String uri = "/ws?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + (since == null ? "" : "&since=" + URLEncoder.encode(since, StandardCharsets.UTF_8));
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(1 << 20));
        ConcurrentLinkedQueue<JsonObject> frames = new ConcurrentLinkedQueue<>();
        try {
            WebSocket ws = client.webSocket()
                    .textMessageHandler(text -> frames.add(new JsonObject(text)))
                    .connect(new WebSocketConnectOptions()
                            .setHost("127.0.0.1")
                            .setPort(port)
                            .setURI(uri)
                            .setHeaders(MultiMap.caseInsensitiveMultiMap().addAll(headers)))
                    .await(10, TimeUnit.SECONDS);
            return new TestSocket(client, ws, frames);
        } catch (Exception e) {
            client.close();
            throw new IllegalStateException("cannot open /ws", e);
        }
    }

    public void send(JsonObject frame) {
        sendText(frame.encode());
    }

    public void sendText(String text) {
        ws.writeTextMessage(text);
    }

    /** Every frame so far, in arrival order. */
    public List<JsonObject> frames() {
        return new ArrayList<>(frames);
    }

    public List<JsonObject> frames(String type) {
        return frames().stream().filter(f -> type.equals(f.getString("type"))).toList();
    }

    /** Waits for the first frame matching {@code predicate} and returns it. */
    public JsonObject await(Predicate<JsonObject> predicate) {
        return await(predicate, Duration.ofSeconds(20));
    }

    public JsonObject await(Predicate<JsonObject> predicate, Duration timeout) {
        return org.awaitility.Awaitility.await()
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(10))
                .until(() -> frames.stream().filter(predicate).findFirst().orElse(null), f -> f != null);
    }

    /** Waits for a frame of {@code type} whose fields include every entry of {@code fields}. */
    public JsonObject awaitFrame(String type, JsonObject fields) {
        return await(f -> type.equals(f.getString("type"))
                && fields.stream().allMatch(e -> e.getValue().equals(f.getValue(e.getKey()))));
    }

    /** The messages ({@code message.new}) received for a conversation, in arrival order. */
    public List<JsonObject> messages(UUID conversationId) {
        return frames("message.new").stream()
                .map(f -> f.getJsonObject("message"))
                .filter(m -> conversationId.toString().equals(m.getString("conversationId")))
                .toList();
    }

    public List<Long> seqs(UUID conversationId) {
        return messages(conversationId).stream().map(m -> m.getLong("seq")).toList();
    }

    /** Waits until {@code count} messages of the conversation arrived. */
    public List<JsonObject> awaitMessages(UUID conversationId, int count, Duration timeout) {
        org.awaitility.Awaitility.await()
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> messages(conversationId).size() >= count);
        return messages(conversationId);
    }

    public boolean isClosed() {
        return closeStatus != null;
    }

    public Short closeStatus() {
        return closeStatus;
    }

    public String closeReason() {
        return closeReason;
    }

    @Override
    public void close() {
        try {
            ws.close().await(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // already closed
        }
        client.close();
    }
}
