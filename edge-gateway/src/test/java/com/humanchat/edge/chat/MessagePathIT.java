package com.humanchat.edge.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.chat.PlatformHarness.TestUser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Two users, two sockets: a message goes from one to the other over the whole platform. */
class MessagePathIT {

    private static final PlatformHarness PLATFORM = PlatformHarness.get();

    @Test
    void deliversAMessageOnceWithAckHistoryAndUnread() {
        TestUser alice = PLATFORM.register("alice");
        TestUser bob = PLATFORM.register("bob");
        UUID conversation = PLATFORM.directConversation(alice, bob);
        assertThat(unreadCountOf(bob, conversation)).isZero();

        try (TestSocket aliceSocket = PLATFORM.connect(alice);
                TestSocket bobSocket = PLATFORM.connect(PLATFORM.otherEdge(), bob, null)) {
            aliceSocket.awaitFrame(
                    "hello", new JsonObject().put("userId", alice.id().toString()));
            bobSocket.awaitFrame(
                    "hello", new JsonObject().put("userId", bob.id().toString()));

            aliceSocket.send(sendFrame(conversation, "first", "hello bob"));

            JsonObject ack = aliceSocket.awaitFrame("message.ack", new JsonObject().put("clientMessageId", "first"));
            assertThat(ack.getLong("seq")).isEqualTo(1L);
            assertThat(ack.getString("conversationId")).isEqualTo(conversation.toString());
            JsonObject received = bobSocket.await(f -> "message.new".equals(f.getString("type")));
            JsonObject message = received.getJsonObject("message");
            assertThat(message.getString("content")).isEqualTo("hello bob");
            assertThat(message.getString("senderId")).isEqualTo(alice.id().toString());
            assertThat(message.getString("id")).isEqualTo(ack.getString("messageId"));
            JsonObject unread = bobSocket.awaitFrame(
                    "unread",
                    new JsonObject()
                            .put("conversationId", conversation.toString())
                            .put("unreadCount", 1));
            assertThat(unread.getLong("totalUnread")).isEqualTo(1L);
            // what the count was computed at: message 1 of the conversation, nothing read yet
            assertThat(unread.getLong("unreadAsOfSeq")).isEqualTo(1L);
            assertThat(unread.getLong("unreadAsOfReadSeq")).isZero();
            await().atMost(Duration.ofSeconds(10)).until(() -> unreadCountOf(bob, conversation) == 1);

            // a second message marks the point after which a duplicate of the first would have arrived
            aliceSocket.send(sendFrame(conversation, "second", "still there?"));
            bobSocket.awaitMessages(conversation, 2, Duration.ofSeconds(20));
            assertThat(bobSocket.seqs(conversation)).containsExactly(1L, 2L);
            // the sender's ack travels apart from the recipients' fan-out: it may land after bob has message 2
            aliceSocket.awaitFrame("message.ack", new JsonObject().put("clientMessageId", "second"));
            assertThat(aliceSocket.frames("message.ack")).hasSize(2);

            for (TestUser reader : List.of(alice, bob)) {
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    Answer history = PLATFORM.get("/api/conversations/" + conversation + "/messages", reader.token());
                    assertThat(history.status()).isEqualTo(200);
                    JsonArray items = history.json().getJsonArray("items");
                    assertThat(items).hasSize(2);
                    assertThat(items.getJsonObject(0).getString("content")).isEqualTo("hello bob");
                    assertThat(items.getJsonObject(0).getLong("seq")).isEqualTo(1L);
                    assertThat(items.getJsonObject(1).getLong("seq")).isEqualTo(2L);
                });
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> unreadCountOf(bob, conversation) == 2);
            assertThat(unreadCountOf(alice, conversation)).isZero();

            Answer read = PLATFORM.post(
                    "/api/conversations/" + conversation + "/read", bob.token(), new JsonObject().put("seq", 2));
            assertThat(read.status()).as(read.toString()).isEqualTo(204);
            bobSocket.awaitFrame(
                    "unread",
                    new JsonObject()
                            .put("conversationId", conversation.toString())
                            .put("unreadCount", 0)
                            .put("totalUnread", 0)
                            .put("unreadAsOfSeq", 2)
                            .put("unreadAsOfReadSeq", 2));
            await().atMost(Duration.ofSeconds(10)).until(() -> unreadCountOf(bob, conversation) == 0);
            JsonObject row = PLATFORM.get("/api/conversations/" + conversation, bob.token())
                    .json();
            assertThat(row.getLong("unreadAsOfSeq")).isEqualTo(2L);
            assertThat(row.getLong("unreadAsOfReadSeq")).isEqualTo(2L);
        }
    }

    @Test
    void restSendAnswers201WithTheMessageAndDirectConversationsAreIdempotent() {
        TestUser alice = PLATFORM.register("alice");
        TestUser bob = PLATFORM.register("bob");
        Answer created = PLATFORM.post(
                "/api/conversations",
                alice.token(),
                new JsonObject()
                        .put("participantIds", new JsonArray().add(bob.id().toString())));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonObject conversation = created.json();
        assertThat(conversation.getString("type")).isEqualTo("direct");
        assertThat(conversation.getLong("unreadCount")).isZero();
        assertThat(conversation.getValue("lastMessage")).isNull();
        assertThat(conversation.getJsonArray("participants").stream().map(p -> ((JsonObject) p).getString("userId")))
                .containsExactlyInAnyOrder(alice.id().toString(), bob.id().toString());
        assertThat(conversation.getJsonArray("participantIds"))
                .containsExactlyInAnyOrder(alice.id().toString(), bob.id().toString());
        String id = conversation.getString("conversationId");

        Answer again = PLATFORM.post(
                "/api/conversations",
                bob.token(),
                new JsonObject()
                        .put("participantIds", new JsonArray().add(alice.id().toString())));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().getString("conversationId")).isEqualTo(id);

        Answer sent = PLATFORM.post(
                "/api/conversations/" + id + "/messages",
                alice.token(),
                new JsonObject().put("clientMessageId", "rest-1").put("content", "over REST"));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        JsonObject message = sent.json();
        assertThat(message.getLong("seq")).isEqualTo(1L);
        assertThat(message.getString("conversationId")).isEqualTo(id);
        assertThat(message.getString("senderId")).isEqualTo(alice.id().toString());
        assertThat(message.getString("clientMessageId")).isEqualTo("rest-1");
        assertThat(message.getString("type")).isEqualTo("text");
        assertThat(message.getJsonArray("actions")).isEmpty();
        assertThat(message.getString("timestamp")).isNotBlank();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Answer list = PLATFORM.get("/api/conversations", bob.token());
            assertThat(list.status()).isEqualTo(200);
            JsonObject item = list.json().getJsonArray("items").getJsonObject(0);
            assertThat(item.getString("conversationId")).isEqualTo(id);
            assertThat(item.getLong("unreadCount")).isEqualTo(1L);
            assertThat(item.getJsonObject("lastMessage").getString("content")).isEqualTo("over REST");
        });
    }

    @Test
    void groupConversationsListNewestFirstWithKeysetPages() {
        TestUser alice = PLATFORM.register("alice");
        TestUser bob = PLATFORM.register("bob");
        TestUser carol = PLATFORM.register("carol");
        Answer group = PLATFORM.post(
                "/api/conversations",
                alice.token(),
                new JsonObject()
                        .put(
                                "participantIds",
                                new JsonArray()
                                        .add(bob.id().toString())
                                        .add(carol.id().toString())));
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        assertThat(group.json().getString("type")).isEqualTo("group");
        assertThat(group.json().getJsonArray("participants")).hasSize(3);
        UUID withBob = PLATFORM.directConversation(alice, bob);
        UUID withCarol = PLATFORM.directConversation(alice, carol);
        // the conversation with bob becomes the most recently active
        Answer sent = PLATFORM.post(
                "/api/conversations/" + withBob + "/messages",
                alice.token(),
                new JsonObject().put("clientMessageId", "latest").put("content", "bump"));
        assertThat(sent.status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Answer first = PLATFORM.get("/api/conversations?limit=2", alice.token());
            assertThat(first.status()).isEqualTo(200);
            JsonArray items = first.json().getJsonArray("items");
            assertThat(items).hasSize(2);
            assertThat(items.getJsonObject(0).getString("conversationId")).isEqualTo(withBob.toString());
            String cursor = first.json().getString("nextCursor");
            assertThat(cursor).isNotNull();
            Answer second = PLATFORM.get("/api/conversations?limit=2&cursor=" + cursor, alice.token());
            assertThat(second.json().getJsonArray("items")).hasSize(1);
            assertThat(second.json().getValue("nextCursor")).isNull();
            List<String> all = List.of(
                    items.getJsonObject(0).getString("conversationId"),
                    items.getJsonObject(1).getString("conversationId"),
                    second.json().getJsonArray("items").getJsonObject(0).getString("conversationId"));
            assertThat(all)
                    .containsExactlyInAnyOrder(
                            withBob.toString(),
                            withCarol.toString(),
                            group.json().getString("conversationId"));
        });
    }

    static JsonObject sendFrame(UUID conversation, String clientMessageId, String content) {
        return new JsonObject()
                .put("type", "message.send")
                .put("conversationId", conversation.toString())
                .put("clientMessageId", clientMessageId)
                .put("content", content);
    }

    static long unreadCountOf(TestUser user, UUID conversation) {
        Answer list = PLATFORM.get("/api/conversations", user.token());
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().getJsonArray("items").stream()
                .map(JsonObject.class::cast)
                .filter(c -> conversation.toString().equals(c.getString("conversationId")))
                .mapToLong(c -> c.getLong("unreadCount"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(conversation + " is not listed for " + user.displayName()));
    }
}
