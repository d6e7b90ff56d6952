package com.humanchat.edge.chat;

import static com.humanchat.edge.chat.MessagePathIT.sendFrame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.humanchat.edge.chat.PlatformHarness.TestUser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Many senders, many sockets, one conversation: seq is contiguous and every member sees the same order. */
class ConcurrentSendsIT {

    private static final PlatformHarness PLATFORM = PlatformHarness.get();
    private static final int MESSAGES = 1000;
    private static final int SOCKETS_PER_USER = 3;

    @Test
    void thousandConcurrentSendsArriveContiguousAndInTheSameOrderEverywhere() {
        TestUser alice = PLATFORM.register("alice");
        TestUser bob = PLATFORM.register("bob");
        UUID conversation = PLATFORM.directConversation(alice, bob);
        List<TestSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < SOCKETS_PER_USER; i++) {
                // spread over both replicas and both users
                sockets.add(PLATFORM.connect(i % 2 == 0 ? PLATFORM.edge() : PLATFORM.otherEdge(), alice, null));
                sockets.add(PLATFORM.connect(i % 2 == 0 ? PLATFORM.otherEdge() : PLATFORM.edge(), bob, null));
            }
            sockets.forEach(s -> s.await(f -> "hello".equals(f.getString("type"))));

            for (int i = 0; i < MESSAGES; i++) {
                sockets.get(i % sockets.size()).send(sendFrame(conversation, "burst-" + i, "message " + i));
            }

            for (TestSocket socket : sockets) {
                socket.awaitMessages(conversation, MESSAGES, Duration.ofSeconds(90));
            }
            List<Long> expected = LongStream.rangeClosed(1, MESSAGES).boxed().toList();
            List<String> order = idsOf(sockets.getFirst().messages(conversation));
            for (TestSocket socket : sockets) {
                assertThat(socket.seqs(conversation)).as("seqs of one socket").isEqualTo(expected);
                assertThat(idsOf(socket.messages(conversation))).isEqualTo(order);
                assertThat(socket.frames("error")).isEmpty();
                assertThat(socket.isClosed()).isFalse();
            }
            Set<String> sent = sockets.getFirst().messages(conversation).stream()
                    .map(m -> m.getString("clientMessageId"))
                    .collect(Collectors.toSet());
            assertThat(sent).hasSize(MESSAGES);

            // every send was acknowledged to the sender, and history holds each message once
            for (TestSocket socket : sockets) {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> socket.frames("message.ack").stream()
                                        .map(a -> a.getString("clientMessageId"))
                                        .distinct()
                                        .count()
                                == MESSAGES / 2);
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(history(alice, conversation))
                    .isEqualTo(expected));
        } finally {
            sockets.forEach(TestSocket::close);
        }
    }

    private static List<String> idsOf(List<JsonObject> messages) {
        return messages.stream().map(m -> m.getString("id")).toList();
    }

    private static List<Long> history(TestUser reader, UUID conversation) {
        List<Long> seqs = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonArray page = PLATFORM.get(
                            "/api/conversations/" + conversation + "/messages?limit=200&after=" + after, reader.token())
                    .json()
                    .getJsonArray("items");
            if (page.isEmpty()) {
                return seqs;
            }
            page.forEach(m -> seqs.add(((JsonObject) m).getLong("seq")));
            after = seqs.getLast();
        }
    }
}
