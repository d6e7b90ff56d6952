package com.humanchat.edge.chat;

import static com.humanchat.edge.chat.MessagePathIT.sendFrame;
import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.TopicReader;
import com.humanchat.edge.chat.PlatformHarness.TestUser;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.TraceParent;
import com.humanchat.schemas.chat.ChatEvent;
import com.humanchat.schemas.chat.MessageSent;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The trace id the edge logs for a request travels with what the request causes: the command carries a
 * {@code traceparent} header, and the conversation and unread topologies keep it on the events they derive, so the
 * back-end services' log lines can carry it too.
 */
class TracePropagationIT {

    private static final PlatformHarness PLATFORM = PlatformHarness.get();

    @Test
    void concurrentRequestsEachCarryTheirOwnTraceOntoTheirEventsAndCounts() {
        TestUser alice = PLATFORM.register("alice");
        TestUser bob = PLATFORM.register("bob");
        UUID conversation = PLATFORM.directConversation(alice, bob);
        Map<String, String> traces = new HashMap<>();
        List<CompletableFuture<Answer>> sends = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String clientMessageId = "traced-" + i;
            String traceId = TraceParent.newTraceId();
            traces.put(clientMessageId, traceId);
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            PLATFORM.uri(PLATFORM.edge(), "/api/conversations/" + conversation + "/messages"))
                    .header("Authorization", "Bearer " + alice.token())
                    .header("Content-Type", "application/json")
                    .header(TraceParent.HEADER, "00-" + traceId + "-00f067aa0ba902b7-01")
                    .POST(HttpRequest.BodyPublishers.ofString(new JsonObject()
                            .put("clientMessageId", clientMessageId)
                            .put("content", "message " + i)
                            .encode()));
            sends.add(CompletableFuture.supplyAsync(() -> PLATFORM.send(request)));
        }
        sends.forEach(send ->
                assertThat(send.join().status()).as(send.join().toString()).isEqualTo(201));

        Map<String, Optional<String>> seen = new HashMap<>();
        List<Optional<String>> unreadTraces = new ArrayList<>();
        readUntil(Duration.ofSeconds(30), record -> {
            if (record.topic().equals(Topics.CHAT_EVENTS.name())
                    && conversation.toString().equals(record.key())) {
                ChatEvent event =
                        Topics.CHAT_EVENTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
                if (event instanceof MessageSent sent) {
                    seen.put(sent.clientMessageId(), TraceParent.traceIdOf(record.headers()));
                }
            } else if (record.topic().equals(Topics.CHAT_UNREAD.name())
                    && bob.id().toString().equals(record.key())) {
                unreadTraces.add(TraceParent.traceIdOf(record.headers()));
            }
            return seen.size() == traces.size()
                    && unreadTraces.stream().flatMap(Optional::stream).toList().containsAll(traces.values());
        });

        traces.forEach((clientMessageId, traceId) ->
                assertThat(seen.get(clientMessageId)).as(clientMessageId).contains(traceId));
        // every count bob got carries the trace of the request that changed it (the creation's, then each send's)
        assertThat(unreadTraces).allSatisfy(trace -> assertThat(trace).isPresent());
    }

    @Test
    void eachSocketsSendsCarryTheTraceOfItsOwnUpgradeRequest() {
        TestUser alice = PLATFORM.register("alice");
        TestUser bob = PLATFORM.register("bob");
        UUID conversation = PLATFORM.directConversation(alice, bob);
        String aliceTrace = TraceParent.newTraceId();
        String bobTrace = TraceParent.newTraceId();
        try (TestSocket aliceSocket = socket(alice, aliceTrace);
                TestSocket bobSocket = socket(bob, bobTrace)) {
            for (int i = 0; i < 3; i++) {
                aliceSocket.send(sendFrame(conversation, "alice-" + i, "from alice " + i));
                bobSocket.send(sendFrame(conversation, "bob-" + i, "from bob " + i));
            }
            for (int i = 0; i < 3; i++) {
                aliceSocket.awaitFrame("message.ack", new JsonObject().put("clientMessageId", "alice-" + i));
                bobSocket.awaitFrame("message.ack", new JsonObject().put("clientMessageId", "bob-" + i));
            }
        }

        Map<String, Optional<String>> seen = new HashMap<>();
        readUntil(Duration.ofSeconds(30), record -> {
            if (record.topic().equals(Topics.CHAT_EVENTS.name())
                    && conversation.toString().equals(record.key())) {
                if (Topics.CHAT_EVENTS.valueSerde().deserializer().deserialize(record.topic(), record.value())
                        instanceof MessageSent sent) {
                    seen.put(sent.clientMessageId(), TraceParent.traceIdOf(record.headers()));
                }
            }
            return seen.size() == 6;
        });

        for (int i = 0; i < 3; i++) {
            assertThat(seen.get("alice-" + i)).as("alice-" + i).contains(aliceTrace);
            assertThat(seen.get("bob-" + i)).as("bob-" + i).contains(bobTrace);
        }
    }

    private static TestSocket socket(TestUser user, String traceId) {
        TestSocket socket = TestSocket.connect(
                PLATFORM.clientVertx(),
                PLATFORM.edge().port(),
                user.token(),
                null,
                Map.of(TraceParent.HEADER, "00-" + traceId + "-00f067aa0ba902b7-01"));
        socket.awaitFrame("hello", new JsonObject().put("userId", user.id().toString()));
        return socket;
    }

    /** Reads {@code chat.events} and {@code chat.unread} from the beginning until {@code seenAll} says so. */
    private static void readUntil(Duration within, Predicate<ConsumerRecord<String, byte[]>> seenAll) {
        TopicReader.find(
                        PLATFORM.environment().get("HUMANCHAT_KAFKA_BOOTSTRAP"),
                        List.of(Topics.CHAT_EVENTS.name(), Topics.CHAT_UNREAD.name()),
                        within,
                        seenAll)
                .orElseThrow(() -> new AssertionError(
                        "not everything expected was on chat.events / chat.unread within " + within));
    }
}
