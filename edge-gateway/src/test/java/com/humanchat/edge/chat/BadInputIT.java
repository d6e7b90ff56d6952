package com.humanchat.edge.chat;

import static com.humanchat.edge.chat.MembershipIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.chat.PlatformHarness.TestUser;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gets a clear 4xx problem (or a WebSocket error frame), never a 500, and the socket stays open. */
class BadInputIT {

    private static final PlatformHarness PLATFORM = PlatformHarness.get();

    private static TestUser alice;
    private static TestUser bob;
    private static UUID conversation;

    @BeforeAll
    static void conversationOfAliceAndBob() {
        alice = PLATFORM.register("alice");
        bob = PLATFORM.register("bob");
        conversation = PLATFORM.directConversation(alice, bob);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{oops",
                "[]",
                "\"text\"",
                "{}",
                "{\"clientMessageId\": \"a\"}",
                "{\"content\": \"hi\"}",
                "{\"clientMessageId\": 5, \"content\": \"hi\"}",
                "{\"clientMessageId\": \"a\", \"content\": [\"hi\"]}",
                "{\"clientMessageId\": \"a\", \"content\": \"   \"}",
                "{\"clientMessageId\": \"\", \"content\": \"hi\"}",
                "{\"clientMessageId\": \"a\", \"content\": \"hi\", \"type\": \"sam\"}",
                "{\"clientMessageId\": null, \"content\": \"hi\"}"
            })
    void aMalformedSendIsA400Problem(String body) {
        Answer answer =
                PLATFORM.post(PLATFORM.edge(), "/api/conversations/" + conversation + "/messages", alice.token(), body);
        assertProblem(answer, 400);
    }

    @Test
    void contentOverTheLimitIsRefusedBeforeKafka() {
        Answer answer = PLATFORM.post(
                "/api/conversations/" + conversation + "/messages",
                alice.token(),
                new JsonObject().put("clientMessageId", "long").put("content", "x".repeat(4001)));
        assertProblem(answer, 400);
        assertThat(answer.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("/content");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        Answer answer = PLATFORM.post(
                PLATFORM.edge(),
                "/api/conversations/" + conversation + "/messages",
                alice.token(),
                "{\"clientMessageId\":\"big\",\"content\":\"" + "x".repeat(PlatformHarness.MAX_BODY_BYTES) + "\"}");
        assertProblem(answer, 413);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "GET|/api/conversations/not-a-uuid/messages|400",
                "GET|/api/conversations/not-a-uuid|400",
                "POST|/api/conversations/not-a-uuid/messages|400",
                "POST|/api/conversations/not-a-uuid/read|400",
                "GET|/api/conversations?limit=abc|400",
                "GET|/api/conversations?limit=0|400",
                "GET|/api/conversations?limit=100000|400",
                "GET|/api/conversations?cursor=garbage|400",
                "GET|/api/conversations?updatedSince=yesterday|400",
                "GET|/api/sync?since=garbage|400",
                "GET|/api/sync?since=czIuMS4wLg|400",
                "GET|/api/sync?since=czEueC4wLg|400",
                "GET|/api/sync?since=czEuMS43Lg|400",
                "GET|/api/sync?limit=-1|400",
                "GET|/api/conversations/CONVERSATION/messages?before=x|400",
                "GET|/api/conversations/CONVERSATION/messages?limit=100000|400",
                "GET|/ws?access_token=TOKEN&since=garbage|400"
            })
    void badParametersAre400Problems(String method, String path, int status) {
        String resolved = path.replace("CONVERSATION", conversation.toString()).replace("TOKEN", alice.token());
        Answer answer = method.equals("GET")
                ? PLATFORM.get(resolved, alice.token())
                : PLATFORM.post(
                        PLATFORM.edge(),
                        resolved,
                        alice.token(),
                        "{\"clientMessageId\":\"a\",\"content\":\"b\",\"seq\":1}");
        assertProblem(answer, status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"seq\": -1}", "{\"seq\": \"1\"}", "{\"seq\": 1.5}", "{}", "not json"})
    void aBadReadIsA400Problem(String body) {
        assertProblem(
                PLATFORM.post(PLATFORM.edge(), "/api/conversations/" + conversation + "/read", alice.token(), body),
                400);
    }

    @Test
    void creatingAConversationWithStrangersOrNobodyIsRefused() {
        for (String body : new String[] {
            "{\"participantIds\":[\"" + UUID.randomUUID() + "\"]}",
            "{\"participantIds\":[\"" + alice.id() + "\"]}",
            "{\"participantIds\":[\"" + bob.id() + "\", \"" + UUID.randomUUID() + "\"], \"type\": \"direct\"}"
        }) {
            assertProblem(PLATFORM.post(PLATFORM.edge(), "/api/conversations", alice.token(), body), 422);
        }
        for (String body : new String[] {
            "{\"participantIds\":[]}",
            "{\"participantIds\":[\"nope\"]}",
            "{\"participantIds\":\"" + bob.id() + "\"}",
            "{\"participantIds\":[\"" + bob.id() + "\"], \"type\": \"party\"}",
            "{oops"
        }) {
            assertProblem(PLATFORM.post(PLATFORM.edge(), "/api/conversations", alice.token(), body), 400);
        }
    }

    @Test
    void badFramesGetErrorFramesAndTheSocketStaysOpen() {
        try (TestSocket socket = PLATFORM.connect(alice)) {
            socket.await(f -> "hello".equals(f.getString("type")));
            String[][] cases = {
                {"{oops", "malformed"},
                {"[1, 2]", "invalid"},
                {"{\"no\": \"type\"}", "invalid"},
                {"{\"type\": 42}", "invalid"},
                {"{\"type\": \"dance\"}", "unknown_type"},
                {"{\"type\": \"message.send\"}", "invalid"},
                {
                    "{\"type\": \"message.send\", \"conversationId\": \"nope\", \"clientMessageId\": \"a\", \"content\": \"b\"}",
                    "invalid"
                },
                {
                    "{\"type\": \"message.send\", \"conversationId\": \"" + conversation
                            + "\", \"clientMessageId\": \"a\", \"content\": 7}",
                    "invalid"
                },
                {"{\"type\": \"read\", \"conversationId\": \"" + conversation + "\", \"seq\": \"one\"}", "invalid"},
                {
                    "{\"type\": \"read\", \"conversationId\": \"" + UUID.randomUUID() + "\", \"seq\": 1}",
                    "unknown_conversation"
                },
                {
                    "{\"type\": \"message.send\", \"conversationId\": \"" + conversation
                            + "\", \"clientMessageId\": \"a\", \"content\": \""
                            + "x".repeat(PlatformHarness.MAX_BODY_BYTES)
                            + "\"}",
                    "too_large"
                }
            };
            for (String[] bad : cases) {
                int errorsBefore = socket.frames("error").size();
                socket.sendText(bad[0]);
                socket.await(f -> socket.frames("error").size() > errorsBefore);
                JsonObject error = socket.frames("error").get(errorsBefore);
                assertThat(error.getString("code")).as(bad[0]).isEqualTo(bad[1]);
                assertThat(error.getString("message")).isNotBlank();
            }
            socket.send(new JsonObject().put("type", "ping"));
            socket.await(f -> "pong".equals(f.getString("type")));
            assertThat(socket.isClosed()).isFalse();
        }
    }
}
