package com.humanchat.edge.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.humanchat.edge.Edge;
import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.chat.PlatformHarness.TestUser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Stopping an edge: its sockets are told to reconnect (1012), sends under way are answered or refused cleanly, and
 * whatever was answered 201/202 is in the history read through another replica.
 */
class GracefulShutdownIT {

    private static final PlatformHarness PLATFORM = PlatformHarness.get();
    private static final int SENDS_IN_FLIGHT = 30;

    @Test
    void closesSocketsWith1012AndAnswersSendsInFlight() throws Exception {
        TestUser alice = PLATFORM.register("alice");
        TestUser bob = PLATFORM.register("bob");
        UUID conversation = PLATFORM.directConversation(alice, bob);
        Edge stopping = PLATFORM.startExtraEdge("edge-stopping-" + UUID.randomUUID());
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        try (TestSocket aliceSocket = PLATFORM.connect(stopping, alice, null);
                TestSocket bobSocket = PLATFORM.connect(stopping, bob, null)) {
            aliceSocket.awaitFrame(
                    "hello", new JsonObject().put("userId", alice.id().toString()));
            bobSocket.awaitFrame(
                    "hello", new JsonObject().put("userId", bob.id().toString()));

            // given sends on their way through the stopping edge, over REST and over the socket
            Map<String, CompletableFuture<HttpResponse<String>>> restSends = new HashMap<>();
            for (int i = 0; i < SENDS_IN_FLIGHT; i++) {
                String clientMessageId = "rest-" + i;
                HttpRequest request = HttpRequest.newBuilder(
                                PLATFORM.uri(stopping, "/api/conversations/" + conversation + "/messages"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + alice.token())
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject()
                                .put("clientMessageId", clientMessageId)
                                .put("content", "in flight " + i)
                                .encode()))
                        .build();
                restSends.put(clientMessageId, http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            bobSocket.send(new JsonObject()
                    .put("type", "message.send")
                    .put("conversationId", conversation.toString())
                    .put("clientMessageId", "ws-0")
                    .put("content", "from the socket"));

            // (at least one of them is waiting for the topology's answer on the edge)
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(1))
                    .until(() -> stopping.services().chat().pendingReplies() > 0);

            // when the edge stops
            long started = System.nanoTime();
            stopping.close().await(30, TimeUnit.SECONDS);
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            // then each socket was told to reconnect, with a reason
            for (TestSocket socket : List.of(aliceSocket, bobSocket)) {
                await().atMost(Duration.ofSeconds(10)).until(socket::isClosed);
                assertThat(socket.closeStatus()).isEqualTo((short) 1012);
                assertThat(socket.closeReason()).isNotBlank();
            }
            assertThat(tookMillis).isLessThan(20_000);

            // and every send was answered 201/202 or refused cleanly; none answered is missing from the history
            List<String> acknowledged = new ArrayList<>();
            Map<String, Long> seqs = new HashMap<>();
            for (Map.Entry<String, CompletableFuture<HttpResponse<String>>> send : restSends.entrySet()) {
                HttpResponse<String> response;
                try {
                    response = send.getValue().get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    // refused before it was accepted: the connection was not taken or was closed unanswered
                    assertThat(e.getCause()).isInstanceOfAny(ConnectException.class, java.io.IOException.class);
                    continue;
                }
                assertThat(response.statusCode()).as(response.body()).isIn(201, 202, 503);
                if (response.statusCode() == 503) {
                    assertThat(response.headers().firstValue("Retry-After")).isPresent();
                    continue;
                }
                acknowledged.add(send.getKey());
                if (response.statusCode() == 201) {
                    seqs.put(send.getKey(), new JsonObject(response.body()).getLong("seq"));
                }
            }
            // the socket's send either got its ack before the close or is found in the history (checked below)
            List<JsonObject> wsAcks = bobSocket.frames("message.ack");
            if (!wsAcks.isEmpty()) {
                acknowledged.add("ws-0");
            }
            assertThat(acknowledged)
                    .as("some sends were under way when the edge stopped")
                    .isNotEmpty();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Answer history = PLATFORM.get(
                        PLATFORM.otherEdge(),
                        "/api/conversations/" + conversation + "/messages?limit=200",
                        bob.token());
                assertThat(history.status()).isEqualTo(200);
                Map<String, Long> stored = new HashMap<>();
                JsonArray items = history.json().getJsonArray("items");
                for (int i = 0; i < items.size(); i++) {
                    JsonObject message = items.getJsonObject(i);
                    stored.put(message.getString("clientMessageId"), message.getLong("seq"));
                }
                assertThat(stored).containsKeys(acknowledged.toArray(String[]::new));
                seqs.forEach((clientMessageId, seq) -> assertThat(stored).containsEntry(clientMessageId, seq));
            });

            // and the stopped edge accepts nothing more
            assertThat(CompletableFuture.supplyAsync(() -> {
                                try {
                                    return TestSocket.connect(
                                            PLATFORM.clientVertx(), stopping.port(), alice.token(), null);
                                } catch (IllegalStateException e) {
                                    return null;
                                }
                            })
                            .get(20, TimeUnit.SECONDS))
                    .isNull();
        } finally {
            stopping.closeAndWait(30);
            http.close();
        }
    }
}
