package com.humanchat.edge.chat;

import static com.humanchat.edge.chat.MessagePathIT.sendFrame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.chat.PlatformHarness.TestUser;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** What a client missed comes back through /api/sync and through /ws?since=, once and in order. */
class ResumeIT {

    private static final PlatformHarness PLATFORM = PlatformHarness.get();

    @Test
    void aSnapshotHoldsConversationsUnreadAndLatestMessagesWithACursor() {
        TestUser alice = PLATFORM.register("alice");
        TestUser bob = PLATFORM.register("bob");
        UUID conversation = PLATFORM.directConversation(alice, bob);
        sendOverRest(alice, conversation, "snap", 3);
        awaitProjected(bob, conversation, 3);

        Answer snapshot = PLATFORM.get("/api/sync", bob.token());
        assertThat(snapshot.status()).as(snapshot.toString()).isEqualTo(200);
        JsonObject body = snapshot.json();
        assertThat(body.getBoolean("limited")).isFalse();
        assertThat(body.getString("nextCursor")).isNotBlank();
        List<JsonObject> items = items(body);
        assertThat(items).anySatisfy(i -> assertThat(
                        i.getJsonObject("conversation", new JsonObject()).getString("conversationId"))
                .isEqualTo(conversation.toString()));
        assertThat(messageSeqs(items, conversation)).containsExactly(1L, 2L, 3L);
        assertThat(items).anySatisfy(i -> assertThat(i)
                .isEqualTo(new JsonObject()
                        .put("type", "unread")
                        .put("conversationId", conversation.toString())
                        .put("unreadCount", 3L)
                        .put("totalUnread", 3L)
                        .put("unreadAsOfSeq", 3L)
                        .put("unreadAsOfReadSeq", 0L)));
    }

    @Test
    void syncPagesAreLimitedUntilEverythingIsThere() {
        TestUser alice = PLATFORM.register("alice");
        TestUser bob = PLATFORM.register("bob");
        UUID conversation = PLATFORM.directConversation(alice, bob);
        String cursor = PLATFORM.get("/api/sync", bob.token()).json().getString("nextCursor");
        sendOverRest(alice, conversation, "paged", 12);
        awaitProjected(bob, conversation, 12);

        List<JsonObject> items = new ArrayList<>();
        boolean sawLimited = false;
        for (int page = 0; page < 50; page++) {
            Answer answer = PLATFORM.get("/api/sync?limit=5&since=" + cursor, bob.token());
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            JsonObject body = answer.json();
            assertThat(body.getJsonArray("items").size()).isLessThanOrEqualTo(5);
            items.addAll(items(body));
            cursor = body.getString("nextCursor");
            if (!body.getBoolean("limited")) {
                break;
            }
            sawLimited = true;
        }
        assertThat(sawLimited).isTrue();
        assertThat(new ArrayList<>(new LinkedHashSet<>(messageSeqs(items, conversation))))
                .isEqualTo(LongStream.rangeClosed(1, 12).boxed().toList());
        JsonObject lastUnread = items.stream()
                .filter(i -> "unread".equals(i.getString("type")))
                .reduce((first, second) -> second)
                .orElseThrow();
        assertThat(lastUnread.getLong("unreadCount")).isEqualTo(12L);

        List<JsonObject> after =
                items(PLATFORM.get("/api/sync?since=" + cursor, bob.token()).json());
        assertThat(messageSeqs(after, conversation))
                .allSatisfy(seq -> assertThat(seq).isLessThanOrEqualTo(12L));
    }

    @Test
    void aSocketReconnectingAfterFiveHundredMissedMessagesGetsThemOnceAndInOrderBeforeLiveOnes() {
        TestUser alice = PLATFORM.register("alice");
        TestUser bob = PLATFORM.register("bob");
        UUID conversation = PLATFORM.directConversation(alice, bob);
        String cursor;
        try (TestSocket first = PLATFORM.connect(bob)) {
            first.await(f -> "hello".equals(f.getString("type")));
            sendOverRest(alice, conversation, "seen", 2);
            first.awaitMessages(conversation, 2, Duration.ofSeconds(20));
            awaitProjected(bob, conversation, 2);
            cursor = PLATFORM.get("/api/sync", bob.token()).json().getString("nextCursor");
        }
        int missed = 500;

        try (TestSocket aliceSocket = PLATFORM.connect(PLATFORM.otherEdge(), alice, null)) {
            aliceSocket.await(f -> "hello".equals(f.getString("type")));
            for (int i = 0; i < missed; i++) {
                aliceSocket.send(sendFrame(conversation, "missed-" + i, "missed " + i));
            }
            awaitSeq(aliceSocket, conversation, 2 + missed);
            try (TestSocket resumed = PLATFORM.connect(PLATFORM.otherEdge(), bob, cursor)) {
                int live = 10;
                for (int i = 0; i < live; i++) {
                    aliceSocket.send(sendFrame(conversation, "live-" + i, "live " + i));
                }
                int total = 2 + missed + live;
                awaitSeq(resumed, conversation, total);
                assertThat(resumed.frames().getFirst().getString("type")).isEqualTo("hello");
                // the client already had seq 1 and 2; the server may repeat them (clients dedupe), never anything else
                assertThat(resumed.seqs(conversation))
                        .isSortedAccordingTo(Long::compare)
                        .doesNotHaveDuplicates();
                assertThat(missedAndLater(resumed, conversation))
                        .isEqualTo(LongStream.rangeClosed(3, total).boxed().toList());
                List<String> clientIds = resumed.messages(conversation).stream()
                        .filter(m -> m.getLong("seq") > 2)
                        .map(m -> m.getString("clientMessageId"))
                        .toList();
                assertThat(clientIds.subList(0, missed))
                        .allSatisfy(id -> assertThat(id).startsWith("missed-"));
                assertThat(clientIds.subList(missed, missed + live))
                        .allSatisfy(id -> assertThat(id).startsWith("live-"));

                // and nothing comes twice afterwards: a final message is the next one in line
                aliceSocket.send(sendFrame(conversation, "last", "the end"));
                awaitSeq(resumed, conversation, total + 1);
                assertThat(missedAndLater(resumed, conversation))
                        .isEqualTo(LongStream.rangeClosed(3, total + 1).boxed().toList());
            }
        }
    }

    private static List<Long> missedAndLater(TestSocket socket, UUID conversation) {
        return socket.seqs(conversation).stream().filter(seq -> seq > 2).toList();
    }

    private static void awaitSeq(TestSocket socket, UUID conversation, long seq) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> socket.seqs(conversation).contains(seq));
    }

    @Test
    void aResumingSocketWaitsForALaggingProjectionAndHoldsLiveMessagesBackMeanwhile() {
        TestUser alice = PLATFORM.register("alice");
        TestUser bob = PLATFORM.register("bob");
        UUID conversation = PLATFORM.directConversation(alice, bob);
        String cursor = PLATFORM.get("/api/sync", bob.token()).json().getString("nextCursor");
        int missed = 5;
        int live = 5;
        try (TestSocket aliceSocket = PLATFORM.connect(PLATFORM.otherEdge(), alice, null)) {
            aliceSocket.await(f -> "hello".equals(f.getString("type")));
            PLATFORM.stopProjector();
            TestSocket resumed;
            try {
                // the edge pushed these (to nobody of bob's) but the projection does not have them yet
                sendOverRest(alice, conversation, "missed", missed);
                resumed = PLATFORM.connect(PLATFORM.otherEdge(), bob, cursor);
                resumed.await(f -> "hello".equals(f.getString("type")));
                for (int i = 0; i < live; i++) {
                    aliceSocket.send(sendFrame(conversation, "live-" + i, "live " + i));
                }
                // alice's socket on the same replica got them: the replica pushed them to bob's socket too
                awaitSeq(aliceSocket, conversation, missed + live);
                assertThat(resumed.frames().stream().map(f -> f.getString("type")))
                        .as("nothing before the catch-up")
                        .containsExactly("hello");
            } finally {
                PLATFORM.startProjector();
            }
            try (resumed) {
                awaitSeq(resumed, conversation, missed + live);
                assertThat(resumed.seqs(conversation))
                        .isEqualTo(
                                LongStream.rangeClosed(1, missed + live).boxed().toList());
            }
        }
    }

    @Test
    void aResumeThatOutwaitsTheProjectionTellsTheClientToSyncAndThenGoesLive() {
        TestUser alice = PLATFORM.register("alice");
        TestUser bob = PLATFORM.register("bob");
        UUID conversation = PLATFORM.directConversation(alice, bob);
        String cursor = PLATFORM.get("/api/sync", bob.token()).json().getString("nextCursor");
        try (TestSocket aliceSocket = PLATFORM.connect(PLATFORM.otherEdge(), alice, null)) {
            aliceSocket.await(f -> "hello".equals(f.getString("type")));
            PLATFORM.stopProjector();
            try {
                // pushed by this replica (alice's socket there has them), not projected within the catch-up's patience
                sendOverRest(alice, conversation, "missed", 2);
                awaitSeq(aliceSocket, conversation, 2);
                try (TestSocket resumed = PLATFORM.connect(PLATFORM.otherEdge(), bob, cursor)) {
                    resumed.await(f -> "hello".equals(f.getString("type")));

                    JsonObject failed = resumed.await(f -> "error".equals(f.getString("type")), Duration.ofSeconds(60));
                    assertThat(failed.getString("code")).isEqualTo("sync_failed");
                    assertThat(resumed.seqs(conversation))
                            .as("no live frame jumped over the gap")
                            .isEmpty();

                    // live frames flow again right after the error
                    aliceSocket.send(sendFrame(conversation, "live", "after the gap"));
                    awaitSeq(resumed, conversation, 3);
                    assertThat(resumed.seqs(conversation)).containsExactly(3L);
                }
            } finally {
                PLATFORM.startProjector();
            }
            // what the client then fetches over /api/sync holds the gap
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(new ArrayList<>(new LinkedHashSet<>(messageSeqs(
                                    items(PLATFORM.get("/api/sync?since=" + cursor, bob.token())
                                            .json()),
                                    conversation))))
                            .containsExactly(1L, 2L, 3L));
        }
    }

    private static void sendOverRest(TestUser sender, UUID conversation, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            Answer sent = PLATFORM.post(
                    "/api/conversations/" + conversation + "/messages",
                    sender.token(),
                    new JsonObject().put("clientMessageId", prefix + "-" + i).put("content", prefix + " " + i));
            assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        }
    }

    private static void awaitProjected(TestUser reader, UUID conversation, int count) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> PLATFORM.get("/api/conversations/" + conversation + "/messages", reader.token())
                                .json()
                                .getJsonArray("items")
                                .size()
                        >= count);
    }

    private static List<JsonObject> items(JsonObject body) {
        return body.getJsonArray("items").stream().map(JsonObject.class::cast).toList();
    }

    private static List<Long> messageSeqs(List<JsonObject> items, UUID conversation) {
        return items.stream()
                .filter(i -> "message.new".equals(i.getString("type")))
                .map(i -> i.getJsonObject("message"))
                .filter(m -> conversation.toString().equals(m.getString("conversationId")))
                .map(m -> m.getLong("seq"))
                .toList();
    }
}
