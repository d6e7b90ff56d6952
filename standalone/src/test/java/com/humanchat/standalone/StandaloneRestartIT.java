package com.humanchat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone keeps its data in HUMANCHAT_DATA_DIR: accounts, conversations, messages, attachments (on disk) and
 * tokens (and the generated VAPID key browsers subscribed with) survive a restart.
 */
class StandaloneRestartIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path workDir;

    @Test
    void accountsConversationsMessagesAttachmentsAndTokensSurviveARestart() throws Exception {
        Path dataDir = workDir.resolve("var");
        int port = LaunchedStandalone.freePort();
        String email = "restart-" + UUID.randomUUID() + "@example.com";
        String token;
        String conversationId;
        String attachmentId;
        String vapidKey;
        byte[] file = ("%PDF-1.4\n% kept across restarts " + UUID.randomUUID() + "\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (LaunchedStandalone first = LaunchedStandalone.start(dataDir, port, "first.log")) {
            String base = first.baseUrl();
            JsonObject alice = new JsonObject(call(
                            "POST",
                            base + "/api/auth/register",
                            null,
                            new JsonObject()
                                    .put("email", email)
                                    .put("password", "a long enough password")
                                    .put("displayName", "Alice"))
                    .body());
            JsonObject bob = new JsonObject(call(
                            "POST",
                            base + "/api/auth/register",
                            null,
                            new JsonObject()
                                    .put("email", "bob-" + UUID.randomUUID() + "@example.com")
                                    .put("password", "a long enough password")
                                    .put("displayName", "Bob"))
                    .body());
            token = alice.getString("accessToken");
            conversationId = new JsonObject(call(
                                    "POST",
                                    base + "/api/conversations",
                                    token,
                                    new JsonObject()
                                            .put(
                                                    "participantIds",
                                                    new JsonArray()
                                                            .add(bob.getJsonObject("user")
                                                                    .getString("id"))))
                            .body())
                    .getString("conversationId");
            attachmentId = upload(base, token, conversationId, file);
            HttpResponse<String> sent = call(
                    "POST",
                    base + "/api/conversations/" + conversationId + "/messages",
                    token,
                    new JsonObject()
                            .put("clientMessageId", "before-restart")
                            .put("content", "still here?")
                            .put("attachmentIds", new JsonArray().add(attachmentId)));
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
            vapidKey = new JsonObject(call("GET", base + "/api/notifications/push/key", token, null)
                            .body())
                    .getString("publicKey");
            assertThat(vapidKey)
                    .as("Web Push is on: a key was generated into the data folder")
                    .isNotBlank();
        }

        try (LaunchedStandalone second = LaunchedStandalone.start(dataDir, port, "second.log")) {
            String base = second.baseUrl();
            HttpResponse<String> history =
                    call("GET", base + "/api/conversations/" + conversationId + "/messages", token, null);
            HttpResponse<String> login = call(
                    "POST",
                    base + "/api/auth/login",
                    null,
                    new JsonObject().put("email", email).put("password", "a long enough password"));
            HttpResponse<String> next = call(
                    "POST",
                    base + "/api/conversations/" + conversationId + "/messages",
                    token,
                    new JsonObject().put("clientMessageId", "after-restart").put("content", "yes"));

            assertThat(history.statusCode())
                    .as("the pre-restart access token still verifies")
                    .isEqualTo(200);
            assertThat(new JsonObject(history.body()).getJsonArray("items"))
                    .singleElement()
                    .satisfies(m -> {
                        assertThat(((JsonObject) m).getString("content")).isEqualTo("still here?");
                        assertThat(((JsonObject) m)
                                        .getJsonArray("attachments")
                                        .getJsonObject(0)
                                        .getString("attachmentId"))
                                .isEqualTo(attachmentId);
                    });
            HttpResponse<String> link = call("GET", base + "/api/attachments/" + attachmentId, token, null);
            assertThat(link.statusCode()).as(link.body()).isEqualTo(200);
            HttpResponse<byte[]> kept = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + new JsonObject(link.body()).getString("url")))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(kept.body())
                    .as("the attachment's bytes are still on disk")
                    .isEqualTo(file);
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(call("GET", base + "/api/notifications/push/key", token, null)
                                    .body())
                            .getString("publicKey"))
                    .as("the same VAPID key after the restart: the browsers' subscriptions still work")
                    .isEqualTo(vapidKey);
            assertThat(next.statusCode()).as(next.body()).isEqualTo(201);
            assertThat(new JsonObject(next.body()).getLong("seq"))
                    .as("seq continues after the restart")
                    .isEqualTo(2L);
        }
    }

    /** Registers an upload of a PDF, puts the bytes to the signed URL the edge serves, completes it: its id. */
    private static String upload(String base, String token, String conversationId, byte[] file) throws Exception {
        HttpResponse<String> created = call(
                "POST",
                base + "/api/attachments",
                token,
                new JsonObject()
                        .put("conversationId", conversationId)
                        .put("name", "kept.pdf")
                        .put("contentType", "application/pdf")
                        .put("sizeBytes", file.length));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject answer = new JsonObject(created.body());
        HttpResponse<String> put = HTTP.send(
                HttpRequest.newBuilder(
                                URI.create(base + answer.getJsonObject("upload").getString("url")))
                        .header("Content-Type", "application/pdf")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(file))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        String id = answer.getString("attachmentId");
        HttpResponse<String> completed = call("POST", base + "/api/attachments/" + id + "/complete", token, null);
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
        return id;
    }

    private static HttpResponse<String> call(String method, String url, String token, JsonObject body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body.encode()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
