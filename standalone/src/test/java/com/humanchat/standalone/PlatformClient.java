package com.humanchat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * What a client of a running platform does, over plain HTTP and WebSocket from outside the process: sign up, open a
 * conversation, send, read, and collect socket frames. Shared by the tests that launch deployables as child JVMs.
 */
final class PlatformClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PlatformClient() {}

    /** A signed-up user: their id and access token. */
    record User(String id, String token) {}

    static User register(String edge, String name) throws Exception {
        HttpResponse<String> response = post(
                edge + "/api/auth/register",
                null,
                new JsonObject()
                        .put("email", name + "-" + UUID.randomUUID() + "@example.com")
                        .put("password", "a long enough password")
                        .put("displayName", name));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonObject body = new JsonObject(response.body());
        return new User(body.getJsonObject("user").getString("id"), body.getString("accessToken"));
    }

    /** The first create may wait for the Streams app to finish joining its group: retried until it is answered. */
    static String openConversation(String edge, String token, String otherUserId) {
        String created = Awaitility.await("conversation created")
                .atMost(Duration.ofSeconds(90))
                .until(
                        () -> post(
                                edge + "/api/conversations",
                                token,
                                new JsonObject().put("participantIds", new JsonArray().add(otherUserId))),
                        response -> response.statusCode() == 201 || response.statusCode() == 200)
                .body();
        return new JsonObject(created).getString("conversationId");
    }

    static HttpResponse<String> sendMessage(String edge, String token, String conversationId, String content)
            throws Exception {
        return post(
                edge + "/api/conversations/" + conversationId + "/messages",
                token,
                new JsonObject()
                        .put("clientMessageId", UUID.randomUUID().toString())
                        .put("content", content));
    }

    /** Waits until the projection answers the conversation's history with at least {@code count} messages. */
    static JsonArray awaitHistory(String edge, String token, String conversationId, int count) {
        return Awaitility.await("history of " + conversationId + " projected")
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> new JsonObject(get(edge + "/api/conversations/" + conversationId + "/messages", token)
                                        .body())
                                .getJsonArray("items"),
                        items -> items != null && items.size() >= count);
    }

    static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, String token, JsonObject body) throws Exception {
        return postRaw(url, token, body.encode());
    }

    static HttpResponse<String> postRaw(String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An open socket and the frames it received, in order. */
    record Socket(WebSocket webSocket, List<JsonObject> frames) {

        JsonObject await(String description, Predicate<JsonObject> frame) {
            return Awaitility.await(description)
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> frames.stream().filter(frame).findFirst(), Optional::isPresent)
                    .orElseThrow();
        }

        void close() throws Exception {
            webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        }
    }

    /** Opens {@code /ws} the way the web client does, with the token in the query. */
    static Socket connect(String edge, String token) throws Exception {
        List<JsonObject> frames = new CopyOnWriteArrayList<>();
        WebSocket webSocket = HTTP.newWebSocketBuilder()
                .buildAsync(
                        URI.create(edge.replace("http", "ws") + "/ws?access_token=" + token),
                        new FrameCollector(frames))
                .get(30, TimeUnit.SECONDS);
        return new Socket(webSocket, frames);
    }

    static boolean isType(JsonObject frame, String type) {
        return type.equals(frame.getString("type"));
    }

    /** Collects whole text frames as JSON. */
    private record FrameCollector(List<JsonObject> frames, StringBuilder partial) implements WebSocket.Listener {

        FrameCollector(List<JsonObject> frames) {
            this(frames, new StringBuilder());
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(new JsonObject(partial.toString()));
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }
}
