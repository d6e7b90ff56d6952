package com.humanchat.edge.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.humanchat.edge.TestHttp;
import com.humanchat.edge.chat.PlatformHarness;
import com.humanchat.edge.chat.PlatformHarness.TestUser;
import com.humanchat.edge.chat.TestSocket;
import com.humanchat.infra.embedded.SharedTestInfra;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Presence and typing across the two edge replicas of the platform, through the shared Redis. */
class PresenceIT {

    private static final PlatformHarness PLATFORM = PlatformHarness.get();

    @Test
    void aCoMemberOnTheOtherReplicaSeesOnlineStatusAndOfflineButAStrangerSeesNothing() {
        TestUser alice = PLATFORM.register("alice");
        TestUser bob = PLATFORM.register("bob");
        TestUser carol = PLATFORM.register("carol");
        PLATFORM.directConversation(alice, bob);
        try (TestSocket bobSocket = PLATFORM.connect(PLATFORM.otherEdge(), bob, null);
                TestSocket carolSocket = PLATFORM.connect(PLATFORM.otherEdge(), carol, null);
                TestSocket carolOnA = PLATFORM.connect(carol)) {
            hello(bobSocket);
            TestSocket aliceSocket = PLATFORM.connect(alice);
            TestSocket aliceAgain = PLATFORM.connect(alice);
            bobSocket.awaitFrame("presence", presence(alice, "online"));

            aliceSocket.send(new JsonObject().put("type", "presence").put("status", "busy"));
            bobSocket.awaitFrame("presence", presence(alice, "busy"));
            // a socket opened later is told the current status of its co-members at once
            try (TestSocket bobLater = PLATFORM.connect(bob)) {
                bobLater.awaitFrame("presence", presence(alice, "busy"));
            }

            aliceSocket.send(new JsonObject().put("type", "presence").put("status", "dancing"));
            assertThat(aliceSocket
                            .await(f -> "error".equals(f.getString("type")))
                            .getString("code"))
                    .isEqualTo("invalid");

            // one of two sockets closes: still there
            aliceAgain.close();
            aliceSocket.send(new JsonObject().put("type", "presence").put("status", "away"));
            bobSocket.awaitFrame("presence", presence(alice, "away"));
            assertThat(bobSocket.frames("presence")).noneMatch(f -> "offline".equals(f.getString("status")));

            aliceSocket.close();
            bobSocket.awaitFrame("presence", presence(alice, "offline"));

            // carol shares no conversation with alice: a ping answered afterwards shows she got nothing of hers
            for (TestSocket carols : new TestSocket[] {carolSocket, carolOnA}) {
                carols.send(new JsonObject().put("type", "ping"));
                carols.await(f -> "pong".equals(f.getString("type")));
                assertThat(carols.frames("presence"))
                        .noneMatch(f -> alice.id().toString().equals(f.getString("userId")));
            }
        }
    }

    @Test
    void typingReachesTheOtherMembersOnlyAndIsRateLimited() {
        TestUser alice = PLATFORM.register("alice");
        TestUser bob = PLATFORM.register("bob");
        TestUser carol = PLATFORM.register("carol");
        UUID conversation = PLATFORM.directConversation(alice, bob);
        try (TestSocket bobSocket = PLATFORM.connect(PLATFORM.otherEdge(), bob, null);
                TestSocket carolSocket = PLATFORM.connect(PLATFORM.otherEdge(), carol, null);
                TestSocket carolOnA = PLATFORM.connect(carol);
                TestSocket aliceSocket = PLATFORM.connect(alice);
                TestSocket aliceOnB = PLATFORM.connect(PLATFORM.otherEdge(), alice, null)) {
            hello(bobSocket);
            hello(aliceSocket);
            hello(aliceOnB);

            aliceSocket.send(typing(conversation, true));
            bobSocket.awaitFrame(
                    "typing",
                    new JsonObject()
                            .put("conversationId", conversation.toString())
                            .put("userId", alice.id().toString())
                            .put("isTyping", true));

            // a non-member cannot type into the conversation
            carolSocket.send(typing(conversation, true));
            assertThat(carolSocket
                            .await(f -> "error".equals(f.getString("type")))
                            .getString("code"))
                    .isEqualTo("unknown_conversation");

            aliceSocket.send(typing(conversation, false));
            bobSocket.awaitFrame(
                    "typing",
                    new JsonObject().put("userId", alice.id().toString()).put("isTyping", false));
            assertThat(bobSocket.frames("typing"))
                    .allMatch(f -> alice.id().toString().equals(f.getString("userId")));
            for (TestSocket nobody : new TestSocket[] {carolSocket, carolOnA, aliceSocket, aliceOnB}) {
                nobody.send(new JsonObject().put("type", "ping"));
                nobody.await(f -> "pong".equals(f.getString("type")));
                assertThat(nobody.frames("typing")).isEmpty();
            }

            // at most 5 per 2 s: a burst of 6 meets the limit whatever was accepted before
            for (int i = 0; i < 6; i++) {
                aliceSocket.send(typing(conversation, true));
            }
            JsonObject limited = aliceSocket.await(f -> "error".equals(f.getString("type")));
            assertThat(limited.getString("code")).isEqualTo("rate_limited");
            aliceSocket.send(new JsonObject().put("type", "ping"));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> aliceSocket.frames("pong").size() == 2);
            assertThat(aliceSocket.isClosed()).isFalse();
        }
    }

    @Test
    void chatKeepsWorkingWhileRedisIsDownAndPresenceComesBack() {
        SharedTestInfra infra = SharedTestInfra.get();
        assumeTrue(infra.hasEmbeddedRedis(), "needs the embedded Redis to stop it");
        TestUser alice = PLATFORM.register("alice");
        TestUser bob = PLATFORM.register("bob");
        UUID conversation = PLATFORM.directConversation(alice, bob);
        try (TestSocket bobSocket = PLATFORM.connect(PLATFORM.otherEdge(), bob, null);
                TestSocket aliceSocket = PLATFORM.connect(alice)) {
            bobSocket.awaitFrame("presence", presence(alice, "online"));
            infra.embeddedRedis().stop();
            long onlineBefore;
            try {
                aliceSocket.send(typing(conversation, true));
                aliceSocket.send(new JsonObject().put("type", "presence").put("status", "busy"));
                aliceSocket.send(new JsonObject()
                        .put("type", "message.send")
                        .put("conversationId", conversation.toString())
                        .put("clientMessageId", "without-redis")
                        .put("content", "redis is away"));
                aliceSocket.awaitFrame("message.ack", new JsonObject().put("clientMessageId", "without-redis"));
                bobSocket.awaitMessages(conversation, 1, Duration.ofSeconds(20));
                assertThat(aliceSocket.frames("error")).isEmpty();
                onlineBefore = countPresence(bobSocket, alice);
                await().atMost(Duration.ofSeconds(10)).until(() -> subscribedGauge() == 0);
            } finally {
                infra.embeddedRedis().start();
            }
            // Redis came back empty: the subscribers reconnect, every replica republishes its users
            await().atMost(Duration.ofSeconds(40))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> countPresence(bobSocket, alice) > onlineBefore);
            assertThat(bobSocket.frames("presence").getLast().getString("status"))
                    .isEqualTo("busy");
            assertThat(subscribedGauge()).isEqualTo(1);
            // and typing flows again
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        aliceSocket.send(typing(conversation, true));
                        assertThat(bobSocket.frames("typing")).isNotEmpty();
                    });
        }
    }

    /** {@code humanchat.presence.subscribed} of the first replica, from its /metrics. */
    private static double subscribedGauge() {
        return TestHttp.get(TestHttp.opsUri(PLATFORM.edge(), "/metrics"), null)
                .body()
                .lines()
                .filter(line -> line.startsWith("humanchat_presence_subscribed "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow();
    }

    private static long countPresence(TestSocket socket, TestUser of) {
        return socket.frames("presence").stream()
                .filter(f -> of.id().toString().equals(f.getString("userId")))
                .count();
    }

    private static void hello(TestSocket socket) {
        socket.await(f -> "hello".equals(f.getString("type")));
    }

    private static JsonObject presence(TestUser user, String status) {
        return new JsonObject().put("userId", user.id().toString()).put("status", status);
    }

    private static JsonObject typing(UUID conversation, boolean isTyping) {
        return new JsonObject()
                .put("type", "typing")
                .put("conversationId", conversation.toString())
                .put("isTyping", isTyping);
    }
}
