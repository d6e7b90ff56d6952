package com.humanchat.edge.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.edge.Edge;
import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.chat.PlatformHarness.TestUser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Issue 23, finding 5: who talks to whom cannot be learned. Direct conversation ids are random (found again through
 * the lookup, also when two replicas create the same pair at once), and a non-member gets the same 404 on every
 * conversation route and socket frame whether the conversation exists or not — someone's Sam conversation included.
 */
class OpaqueConversationIdsIT {

    private static final PlatformHarness PLATFORM = PlatformHarness.get();

    @Test
    void aDirectConversationIdIsRandomAndTheSameForBothOfThePair() {
        TestUser alice = PLATFORM.register("alice");
        TestUser bob = PLATFORM.register("bob");

        Answer created = create(PLATFORM.edge(), alice, bob);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID id = UUID.fromString(created.json().getString("conversationId"));

        assertThat(id).isNotIn(nameUuid(alice.id(), bob.id()), nameUuid(bob.id(), alice.id()));
        Answer again = create(PLATFORM.otherEdge(), bob, alice);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().getString("conversationId")).isEqualTo(id.toString());
    }

    @Test
    void twoCreatesOfOnePairRacingOnTwoReplicasOpenOneConversation() {
        for (int round = 0; round < 3; round++) {
            TestUser alice = PLATFORM.register("racer-a");
            TestUser bob = PLATFORM.register("racer-b");

            CompletableFuture<Answer> fromA = CompletableFuture.supplyAsync(() -> create(PLATFORM.edge(), alice, bob));
            CompletableFuture<Answer> fromB =
                    CompletableFuture.supplyAsync(() -> create(PLATFORM.otherEdge(), bob, alice));
            List<Answer> answers = List.of(fromA.join(), fromB.join());

            assertThat(answers)
                    .allSatisfy(answer ->
                            assertThat(answer.status()).as(answer.toString()).isIn(200, 201));
            assertThat(answers.stream()
                            .map(answer -> answer.json().getString("conversationId"))
                            .distinct())
                    .hasSize(1);
            JsonArray alices =
                    PLATFORM.get("/api/conversations", alice.token()).json().getJsonArray("items");
            assertThat(alices).hasSize(1);
        }
    }

    @Test
    void aNonMemberGetsTheSame404WhetherTheConversationExistsOrNot() {
        TestUser alice = PLATFORM.register("alice");
        TestUser bob = PLATFORM.register("bob");
        TestUser mallory = PLATFORM.register("mallory");
        UUID existing = PLATFORM.directConversation(alice, bob);
        Answer asked = PLATFORM.post("/api/sam", alice.token(), new JsonObject().put("message", "hello Sam"));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        UUID alicesSam = UUID.fromString(asked.json().getString("conversationId"));
        UUID unknown = UUID.randomUUID();

        for (Function<UUID, Answer> route : List.<Function<UUID, Answer>>of(
                id -> PLATFORM.get("/api/conversations/" + id, mallory.token()),
                id -> PLATFORM.get("/api/conversations/" + id + "/messages", mallory.token()),
                id -> PLATFORM.post(
                        "/api/conversations/" + id + "/messages",
                        mallory.token(),
                        new JsonObject()
                                .put("clientMessageId", "probe-" + UUID.randomUUID())
                                .put("content", "who is here?")),
                id -> PLATFORM.post(
                        "/api/conversations/" + id + "/read", mallory.token(), new JsonObject().put("seq", 1)),
                id -> PLATFORM.post(
                        "/api/sam",
                        mallory.token(),
                        new JsonObject().put("message", "hi").put("conversationId", id.toString())))) {
            JsonObject toUnknown = problemOf(route.apply(unknown));
            assertThat(problemOf(route.apply(existing))).isEqualTo(toUnknown);
            assertThat(problemOf(route.apply(alicesSam))).isEqualTo(toUnknown);
        }

        try (TestSocket socket = PLATFORM.connect(mallory)) {
            socket.await(f -> "hello".equals(f.getString("type")));
            for (UUID id : List.of(unknown, existing, alicesSam)) {
                socket.send(new JsonObject()
                        .put("type", "message.send")
                        .put("conversationId", id.toString())
                        .put("clientMessageId", "ws-probe-" + id)
                        .put("content", "who is here?"));
                assertThat(socket.await(f -> "error".equals(f.getString("type"))
                                        && ("ws-probe-" + id).equals(f.getString("clientMessageId")))
                                .getString("code"))
                        .isEqualTo("unknown_conversation");
                for (JsonObject frame : List.of(
                        new JsonObject()
                                .put("type", "typing")
                                .put("conversationId", id.toString())
                                .put("isTyping", true),
                        new JsonObject()
                                .put("type", "read")
                                .put("conversationId", id.toString())
                                .put("seq", 1))) {
                    int before = socket.frames("error").size();
                    socket.send(frame);
                    JsonObject error = socket.await(f -> "error".equals(f.getString("type"))
                            && socket.frames("error").size() > before);
                    assertThat(error.getString("code")).as(frame.encode()).isEqualTo("unknown_conversation");
                }
            }
        }
    }

    /** What a client can compare of two answers: everything but the per-request {@code instance} and request id. */
    private static JsonObject problemOf(Answer answer) {
        JsonObject problem = answer.json().copy();
        problem.remove("instance");
        problem.remove("requestId");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
        assertThat(problem.fieldNames()).isEqualTo(Set.of("type", "title", "status", "detail"));
        return problem;
    }

    private static Answer create(Edge edge, TestUser caller, TestUser other) {
        return PLATFORM.post(
                edge,
                "/api/conversations",
                caller.token(),
                new JsonObject()
                        .put("participantIds", new JsonArray().add(other.id().toString()))
                        .encode());
    }

    private static UUID nameUuid(UUID first, UUID second) {
        return UUID.nameUUIDFromBytes(("direct:" + first + ":" + second).getBytes(StandardCharsets.UTF_8));
    }
}
