package com.humanchat.edge.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.humanchat.edge.Edge;
import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.chat.PlatformHarness.TestUser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A send retried with the same clientMessageId, through the same or another replica, yields the original. */
class IdempotentRetryIT {

    private static final PlatformHarness PLATFORM = PlatformHarness.get();

    @Test
    void retriesReturnTheOriginalMessageWhicheverReplicaTakesThem() {
        TestUser alice = PLATFORM.register("alice");
        TestUser bob = PLATFORM.register("bob");
        UUID conversation = PLATFORM.directConversation(alice, bob);
        String body = new JsonObject()
                .put("clientMessageId", "retry-me")
                .put("content", "only once")
                .encode();

        Answer original = send(PLATFORM.edge(), alice, conversation, body);
        assertThat(original.status()).as(original.toString()).isEqualTo(201);
        Answer sameReplica = send(PLATFORM.edge(), alice, conversation, body);
        Answer otherReplica = send(PLATFORM.otherEdge(), alice, conversation, body);
        Answer otherContent = send(
                PLATFORM.otherEdge(),
                alice,
                conversation,
                new JsonObject()
                        .put("clientMessageId", "retry-me")
                        .put("content", "changed my mind")
                        .encode());

        for (Answer retry : List.of(sameReplica, otherReplica, otherContent)) {
            assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
            assertThat(retry.json().getString("id")).isEqualTo(original.json().getString("id"));
            assertThat(retry.json().getLong("seq")).isEqualTo(1L);
            assertThat(retry.json().getString("content")).isEqualTo("only once");
        }
        Answer next = send(
                PLATFORM.otherEdge(),
                alice,
                conversation,
                new JsonObject()
                        .put("clientMessageId", "another")
                        .put("content", "two")
                        .encode());
        assertThat(next.json().getLong("seq")).isEqualTo(2L);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonArray items = PLATFORM.get("/api/conversations/" + conversation + "/messages", bob.token())
                    .json()
                    .getJsonArray("items");
            assertThat(items.stream().map(m -> ((JsonObject) m).getString("clientMessageId")))
                    .containsExactly("retry-me", "another");
        });
    }

    @Test
    void racingRetriesOnBothReplicasAgreeOnOneMessage() {
        TestUser alice = PLATFORM.register("alice");
        TestUser bob = PLATFORM.register("bob");
        UUID conversation = PLATFORM.directConversation(alice, bob);
        String body = new JsonObject()
                .put("clientMessageId", "raced")
                .put("content", "who wins?")
                .encode();

        List<CompletableFuture<Answer>> racing = IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(
                        () -> send(i % 2 == 0 ? PLATFORM.edge() : PLATFORM.otherEdge(), alice, conversation, body)))
                .toList();

        List<Answer> answers = racing.stream().map(CompletableFuture::join).toList();
        assertThat(answers)
                .allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(201));
        assertThat(answers.stream().map(a -> a.json().getString("id")).distinct())
                .hasSize(1);
        assertThat(answers.stream().map(a -> a.json().getLong("seq")).distinct())
                .containsExactly(1L);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        PLATFORM.get("/api/conversations/" + conversation + "/messages", alice.token())
                                .json()
                                .getJsonArray("items"))
                .hasSize(1));
    }

    private static Answer send(Edge edge, TestUser sender, UUID conversation, String body) {
        return PLATFORM.post(edge, "/api/conversations/" + conversation + "/messages", sender.token(), body);
    }
}
