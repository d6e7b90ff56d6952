package com.humanchat.edge.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.chat.PlatformHarness.TestUser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replies, reactions, edits, deletes, read receipts and search over the real platform: members use them, and a
 * non-member can neither use them nor tell whether another conversation's message exists.
 */
class RichMessagesIT {

    private static final PlatformHarness PLATFORM = PlatformHarness.get();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private TestUser alice;
    private TestUser bob;
    private TestUser mallory;
    private UUID conversation;
    private String base;

    @BeforeEach
    void conversationOfAliceAndBob() {
        alice = PLATFORM.register("alice");
        bob = PLATFORM.register("bob");
        mallory = PLATFORM.register("mallory");
        conversation = PLATFORM.directConversation(alice, bob);
        base = "/api/conversations/" + conversation;
    }

    @Test
    void aNonMemberCanNeitherReactReplyEditDeleteNorSearchNorTellWhetherAMessageExists() {
        String secret = "zanzibar" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(send(alice, "c-1", "the " + secret + " plan", null).status()).isEqualTo(201);
        String elsewhere = "/api/conversations/" + UUID.randomUUID();

        List<Answer> existing = List.of(
                react(mallory, base, 1, "👍", true),
                PLATFORM.patch(base + "/messages/1", mallory.token(), new JsonObject().put("content", "mine now")),
                delete(mallory, base + "/messages/1"),
                send(mallory, base, "sneak-1", "quoting", 1L));
        List<Answer> missing = List.of(
                react(mallory, base, 99, "👍", true),
                PLATFORM.patch(base + "/messages/99", mallory.token(), new JsonObject().put("content", "mine now")),
                delete(mallory, base + "/messages/99"),
                send(mallory, base, "sneak-2", "quoting", 99L));
        List<Answer> nowhere = List.of(
                react(mallory, elsewhere, 1, "👍", true),
                PLATFORM.patch(elsewhere + "/messages/1", mallory.token(), new JsonObject().put("content", "x")),
                delete(mallory, elsewhere + "/messages/1"),
                send(mallory, elsewhere, "sneak-3", "quoting", 1L));

        for (int i = 0; i < existing.size(); i++) {
            assertThat(List.of(existing.get(i), missing.get(i), nowhere.get(i)))
                    .allSatisfy(answer -> MembershipIT.assertProblem(answer, 404))
                    .extracting(RichMessagesIT::withoutInstance)
                    .as("the same answer whether the message or the conversation exists")
                    .containsOnly(withoutInstance(nowhere.get(i)));
        }
        assertThat(search(mallory, secret).getJsonArray("items")).isEmpty();
        await().atMost(WAIT)
                .until(() -> !search(alice, secret).getJsonArray("items").isEmpty());
        JsonObject message = history(alice).getJsonObject(0);
        assertThat(message.getString("content")).isEqualTo("the " + secret + " plan");
        assertThat(message.getJsonObject("reactions")).isEmpty();
        assertThat(message.containsKey("editedAt")).isFalse();
    }

    @Test
    void membersReactReplyEditAndDeleteAndTheOthersSocketHearsEach() {
        try (TestSocket alicesSocket = PLATFORM.connect(alice)) {
            alicesSocket.await(f -> "hello".equals(f.getString("type")));
            assertThat(send(alice, "c-1", "The quarterly invoices are attached", null)
                            .status())
                    .isEqualTo(201);

            Answer liked = react(bob, base, 1, "👍", true);
            Answer likedAgain = react(bob, base, 1, "👍", true);
            assertThat(liked.status()).isEqualTo(200);
            assertThat(liked.json().getJsonArray("userIds"))
                    .containsExactly(bob.id().toString());
            assertThat(likedAgain.json().getJsonArray("userIds"))
                    .containsExactly(bob.id().toString());
            alicesSocket.awaitFrame(
                    "message.reacted",
                    new JsonObject().put("seq", 1).put("emoji", "👍").put("active", true));
            MembershipIT.assertProblem(react(bob, base, 1, "🍕", true), 400);

            Answer reply = send(bob, "c-2", "Thanks, got them", 1L);
            assertThat(reply.status()).isEqualTo(201);
            assertThat(reply.json().getLong("replyToSeq")).isEqualTo(1L);
            MembershipIT.assertProblem(send(bob, "c-3", "re: what?", 7L), 404);

            MembershipIT.assertProblem(
                    PLATFORM.patch(base + "/messages/1", bob.token(), new JsonObject().put("content", "bob's words")),
                    403);
            MembershipIT.assertProblem(delete(bob, base + "/messages/1"), 403);
            Answer edited = PLATFORM.patch(
                    base + "/messages/1",
                    alice.token(),
                    new JsonObject().put("content", "The Q3 invoices are attached"));
            assertThat(edited.status()).isEqualTo(200);
            await().atMost(WAIT)
                    .until(() -> !search(bob, "invoices").getJsonArray("items").isEmpty());
            JsonObject hit = search(bob, "invoice").getJsonArray("items").getJsonObject(0);
            assertThat(hit.getLong("seq")).isEqualTo(1L);
            assertThat(hit.getJsonArray("snippet").stream().map(JsonObject.class::cast))
                    .anySatisfy(part -> {
                        assertThat(part.getBoolean("match")).isTrue();
                        assertThat(part.getString("text")).isEqualTo("invoices");
                    });

            assertThat(delete(alice, base + "/messages/1").status()).isEqualTo(200);
            await().atMost(WAIT).untilAsserted(() -> {
                JsonObject quoting = history(bob).getJsonObject(1);
                assertThat(quoting.getLong("replyToSeq")).isEqualTo(1L);
                assertThat(quoting.getJsonObject("replyTo").getBoolean("deleted"))
                        .isTrue();
                assertThat(quoting.getJsonObject("replyTo").getValue("content")).isNull();
            });
            assertThat(search(bob, "invoices").getJsonArray("items")).isEmpty();
        }
    }

    @Test
    void aMentionInAGroupNamesOnlyMembersAndMarksTheMentionedMemberUntilTheyReadPastIt() {
        TestUser carol = PLATFORM.register("carol");
        Answer created = PLATFORM.post(
                "/api/conversations",
                alice.token(),
                new JsonObject()
                        .put("type", "group")
                        .put(
                                "participantIds",
                                new JsonArray()
                                        .add(bob.id().toString())
                                        .add(carol.id().toString())));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String group = "/api/conversations/" + created.json().getString("conversationId");
        try (TestSocket bobsSocket = PLATFORM.connect(bob)) {
            bobsSocket.await(f -> "hello".equals(f.getString("type")));

            Answer sent = PLATFORM.post(
                    group + "/messages",
                    alice.token(),
                    new JsonObject()
                            .put("clientMessageId", "m-1")
                            .put("content", "<@" + bob.id() + "> and <@" + mallory.id() + ">: lunch?")
                            .put(
                                    "mentionedUserIds",
                                    new JsonArray()
                                            .add(bob.id().toString())
                                            .add(mallory.id().toString())
                                            .add(alice.id().toString())));

            assertThat(sent.status()).as(sent.body()).isEqualTo(201);
            assertThat(sent.json().getJsonArray("mentionedUserIds"))
                    .as("the non-member and the sender are dropped")
                    .containsExactly(bob.id().toString());
            JsonObject live = bobsSocket.await(f -> "message.new".equals(f.getString("type")));
            assertThat(live.getJsonObject("message").getJsonArray("mentionedUserIds"))
                    .containsExactly(bob.id().toString());
            await().atMost(WAIT).untilAsserted(() -> {
                JsonObject bobsView = PLATFORM.get(group, bob.token()).json();
                assertThat(bobsView.getLong("mentionSeq")).isEqualTo(1L);
                assertThat(bobsView.getLong("lastReadSeq")).isZero();
                assertThat(bobsView.getJsonObject("lastMessage").getJsonArray("mentionedUserIds"))
                        .containsExactly(bob.id().toString());
            });
            assertThat(PLATFORM.get(group, carol.token()).json().getLong("mentionSeq"))
                    .isZero();
            JsonObject snapshot = PLATFORM.get("/api/sync", bob.token()).json();
            assertThat(snapshot.encode()).contains("\"mentionSeq\":1", "\"mentionedUserIds\":[\"" + bob.id());

            assertThat(PLATFORM.post(group + "/read", bob.token(), new JsonObject().put("seq", 1))
                            .status())
                    .isEqualTo(204);
            await().atMost(WAIT).untilAsserted(() -> {
                JsonObject bobsView = PLATFORM.get(group, bob.token()).json();
                assertThat(bobsView.getLong("lastReadSeq")).isEqualTo(bobsView.getLong("mentionSeq"));
            });
        }
        Answer intruding = PLATFORM.post(
                group + "/messages",
                mallory.token(),
                new JsonObject()
                        .put("clientMessageId", "m-2")
                        .put("content", "<@" + bob.id() + ">")
                        .put("mentionedUserIds", new JsonArray().add(bob.id().toString())));
        MembershipIT.assertProblem(intruding, 404);
        assertThat(PLATFORM.get(group, bob.token()).json().getLong("mentionSeq"))
                .isEqualTo(1L);
    }

    @Test
    void aReadTellsTheOthersUnlessTheReaderTurnedReceiptsOff() {
        try (TestSocket alicesSocket = PLATFORM.connect(alice)) {
            alicesSocket.await(f -> "hello".equals(f.getString("type")));
            send(alice, "c-1", "first", null);
            send(alice, "c-2", "second", null);

            PLATFORM.post(base + "/read", bob.token(), new JsonObject().put("seq", 2));
            alicesSocket.awaitFrame(
                    "receipt",
                    new JsonObject().put("userId", bob.id().toString()).put("seq", 2));
            await().atMost(WAIT).until(() -> seenSeqOf(bob) == 2);

            Answer off = PLATFORM.put("/api/me/read-receipts", bob.token(), new JsonObject().put("enabled", false));
            assertThat(off.json().getBoolean("enabled")).isFalse();
            send(alice, "c-3", "third", null);
            PLATFORM.post(base + "/read", bob.token(), new JsonObject().put("seq", 3));
            // a later message of the conversation is a barrier: its partition carried bob's read before it
            send(alice, "c-4", "fourth", null);
            alicesSocket.await(f -> "message.new".equals(f.getString("type"))
                    && f.getJsonObject("message").getLong("seq") == 4);
            assertThat(alicesSocket.frames("receipt")).hasSize(1);
            assertThat(seenSeqOf(bob)).isEqualTo(2);
            assertThat(PLATFORM.get("/api/me/read-receipts", bob.token()).json().getBoolean("enabled"))
                    .isFalse();
        }
    }

    private long seenSeqOf(TestUser member) {
        JsonArray participants = PLATFORM.get(base, alice.token()).json().getJsonArray("participants");
        return participants.stream()
                .map(JsonObject.class::cast)
                .filter(p -> p.getString("userId").equals(member.id().toString()))
                .findFirst()
                .orElseThrow()
                .getLong("seenSeq");
    }

    private Answer send(TestUser sender, String clientMessageId, String content, Long replyToSeq) {
        return send(sender, base, clientMessageId, content, replyToSeq);
    }

    private static Answer send(TestUser sender, String path, String clientMessageId, String content, Long replyToSeq) {
        JsonObject body =
                new JsonObject().put("clientMessageId", clientMessageId).put("content", content);
        if (replyToSeq != null) {
            body.put("replyToSeq", replyToSeq);
        }
        return PLATFORM.post(path + "/messages", sender.token(), body);
    }

    private static Answer react(TestUser user, String path, long seq, String emoji, boolean active) {
        return PLATFORM.put(
                path + "/messages/" + seq + "/reactions",
                user.token(),
                new JsonObject().put("emoji", emoji).put("active", active));
    }

    private static Answer delete(TestUser user, String path) {
        return PLATFORM.send(HttpRequest.newBuilder(PLATFORM.uri(PLATFORM.edge(), path))
                .header("Authorization", "Bearer " + user.token())
                .DELETE());
    }

    private JsonArray history(TestUser member) {
        return PLATFORM.get(base + "/messages", member.token()).json().getJsonArray("items");
    }

    private static JsonObject search(TestUser user, String words) {
        return PLATFORM.get("/api/search?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8), user.token())
                .json();
    }

    private static String withoutInstance(Answer answer) {
        JsonObject problem = answer.json().copy();
        problem.remove("instance"); // the path the caller asked for
        problem.remove("requestId"); // one per request
        return problem.encode();
    }
}
