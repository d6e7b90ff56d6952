package com.humanchat.edge.chat;

import static com.humanchat.edge.chat.MessagePathIT.sendFrame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.auth.TokenService;
import com.humanchat.edge.chat.PlatformHarness.TestUser;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Nobody reads, writes or hears what is not theirs; every endpoint wants a valid token. */
class MembershipIT {

    private static final PlatformHarness PLATFORM = PlatformHarness.get();

    private static TestUser alice;
    private static TestUser bob;
    private static TestUser mallory;
    private static UUID conversation;

    @BeforeAll
    static void conversationOfAliceAndBob() {
        alice = PLATFORM.register("alice");
        bob = PLATFORM.register("bob");
        mallory = PLATFORM.register("mallory");
        conversation = PLATFORM.directConversation(alice, bob);
    }

    @Test
    void aNonMemberCanNeitherReadNorSendNorMarkRead() {
        String base = "/api/conversations/" + conversation;
        assertProblem(PLATFORM.get(base + "/messages", mallory.token()), 404);
        assertProblem(PLATFORM.get(base, mallory.token()), 404);
        assertProblem(
                PLATFORM.post(
                        base + "/messages",
                        mallory.token(),
                        new JsonObject().put("clientMessageId", "sneak").put("content", "let me in")),
                404);
        assertProblem(PLATFORM.post(base + "/read", mallory.token(), new JsonObject().put("seq", 1)), 404);
        assertThat(PLATFORM.get("/api/conversations", mallory.token()).json().getJsonArray("items"))
                .isEmpty();
    }

    @Test
    void anUnknownConversationIsNotFound() {
        String base = "/api/conversations/" + UUID.randomUUID();
        assertProblem(PLATFORM.get(base + "/messages", alice.token()), 404);
        assertProblem(
                PLATFORM.post(
                        base + "/messages",
                        alice.token(),
                        new JsonObject().put("clientMessageId", "lost").put("content", "anyone?")),
                404);
        assertProblem(PLATFORM.post(base + "/read", alice.token(), new JsonObject().put("seq", 1)), 404);
    }

    @Test
    void aNonMembersSocketHearsNothingOfTheConversationAndCannotSendIntoIt() {
        try (TestSocket intruder = PLATFORM.connect(mallory);
                TestSocket intruderElsewhere = PLATFORM.connect(PLATFORM.otherEdge(), mallory, null);
                TestSocket member = PLATFORM.connect(bob)) {
            intruder.await(f -> "hello".equals(f.getString("type")));
            intruderElsewhere.await(f -> "hello".equals(f.getString("type")));
            member.await(f -> "hello".equals(f.getString("type")));

            intruder.send(sendFrame(conversation, "ws-sneak", "let me in"));
            JsonObject refused = intruder.await(f -> "error".equals(f.getString("type")));
            assertThat(refused.getString("code")).isEqualTo("unknown_conversation");
            assertThat(refused.getString("clientMessageId")).isEqualTo("ws-sneak");

            Answer sent = PLATFORM.post(
                    "/api/conversations/" + conversation + "/messages",
                    alice.token(),
                    new JsonObject().put("clientMessageId", "private").put("content", "just for bob"));
            assertThat(sent.status()).isEqualTo(201);
            member.awaitFrame("unread", new JsonObject().put("conversationId", conversation.toString()));
            member.await(f -> "message.new".equals(f.getString("type")));

            // a ping answered after the message proves the intruders' sockets were served after it
            intruder.send(new JsonObject().put("type", "ping"));
            intruderElsewhere.send(new JsonObject().put("type", "ping"));
            intruder.await(f -> "pong".equals(f.getString("type")));
            intruderElsewhere.await(f -> "pong".equals(f.getString("type")));
            assertThat(intruder.frames().stream().map(f -> f.getString("type")))
                    .containsExactly("hello", "error", "pong");
            assertThat(intruderElsewhere.frames().stream().map(f -> f.getString("type")))
                    .containsExactly("hello", "pong");
            assertThat(PLATFORM.get("/api/sync", mallory.token()).json().getJsonArray("items"))
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-a-jwt", "forged"})
    void everyEndpointWantsAValidToken(String token) {
        String bearer =
                switch (token) {
                    case "" -> null;
                    case "forged" -> forgedToken(alice.id());
                    default -> token;
                };
        String base = "/api/conversations/" + conversation;
        String send =
                new JsonObject().put("clientMessageId", "x").put("content", "y").encode();
        List<Answer> answers = List.of(
                PLATFORM.get("/api/conversations", bearer),
                PLATFORM.get(base, bearer),
                PLATFORM.get(base + "/messages", bearer),
                PLATFORM.get("/api/sync", bearer),
                PLATFORM.post(
                        PLATFORM.edge(), "/api/conversations", bearer, "{\"participantIds\":[\"" + bob.id() + "\"]}"),
                PLATFORM.post(PLATFORM.edge(), base + "/messages", bearer, send),
                PLATFORM.post(PLATFORM.edge(), base + "/read", bearer, "{\"seq\":1}"),
                PLATFORM.send(HttpRequest.newBuilder(
                                PLATFORM.uri(PLATFORM.edge(), "/ws?access_token=" + (bearer == null ? "" : bearer)))
                        .GET()));
        assertThat(answers).allSatisfy(a -> assertProblem(a, 401));
        if (bearer != null) {
            assertThatThrownBy(() -> TestSocket.connect(
                            PLATFORM.clientVertx(), PLATFORM.edge().port(), bearer, null))
                    .hasRootCauseInstanceOf(UpgradeRejectedException.class)
                    .rootCause()
                    .satisfies(e -> assertThat(((UpgradeRejectedException) e).getStatus())
                            .isEqualTo(401));
        }
    }

    private static String forgedToken(UUID subject) {
        Vertx vertx = PLATFORM.clientVertx();
        return new TokenService(vertx, "another-secret-that-is-at-least-32-bytes-long", Duration.ofMinutes(5))
                .issueAccessToken(subject, Set.of("user"), UUID.randomUUID());
    }

    static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.json().getInteger("status")).isEqualTo(status);
        assertThat(answer.json().getString("type")).startsWith("https://humanchat.dev/problems/");
    }
}
