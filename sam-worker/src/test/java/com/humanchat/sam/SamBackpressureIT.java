package com.humanchat.sam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.humanchat.schemas.Topics;
import com.humanchat.schemas.sam.SamRequested;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Bursts of requests against a fake Gemini that throttles then answers slowly: the worker's bound, order, exactly-once
 * answers and heap, and a worker killed mid-burst.
 */
class SamBackpressureIT {

    private static final int MAX_IN_FLIGHT = 8;

    /** The answer to a question names it, so the order of answers can be read back from the conversation. */
    private static FakeGemini.Reply echo(com.fasterxml.jackson.databind.JsonNode request, long delayMillis) {
        return FakeGemini.Reply.text("{\"reply\": \"answer to " + FakeGemini.question(request) + "\", \"actions\": []}")
                .after(delayMillis);
    }

    @Test
    void aBurstOf500IsAnsweredOnceEachInOrderWithinTheBoundAndAFlatHeap() throws Exception {
        SamTestPlatform platform = SamTestPlatform.get();
        Map<UUID, List<SamRequested>> asked = conversations(platform, 100);
        long heapBefore = usedHeapAfterGc();
        AtomicLong throttledUntil = new AtomicLong();
        try (FakeGemini gemini = new FakeGemini(request -> {
                    // 429 with Retry-After for the first 3 s after the first call, then slow answers.
                    throttledUntil.compareAndSet(
                            0, System.nanoTime() + Duration.ofSeconds(3).toNanos());
                    return System.nanoTime() < throttledUntil.get()
                            ? FakeGemini.Reply.error(429, "1")
                            : echo(request, 25);
                });
                SamWorker worker = SamWorker.start(
                        platform.config("k", gemini.baseUrl(), MAX_IN_FLIGHT, 10), new SimpleMeterRegistry())) {
            burst(platform, asked, 5);

            await().atMost(Duration.ofSeconds(50))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> platform.count(
                                    "select count(*) from messages where type = 'sam' and conversation_id = any (?)",
                                    asked.keySet().toArray(UUID[]::new))
                            >= 500);

            assertThat(gemini.maxConcurrent()).isBetween(2, MAX_IN_FLIGHT);
            assertThat(gemini.calls()).as("the first seconds were throttled").isGreaterThan(500);
            assertAnsweredOnceInOrder(platform, asked);
            assertThat(usedHeapAfterGc() - heapBefore).as("heap growth").isLessThan(96L * 1024 * 1024);
        }
    }

    @Test
    void aWorkerKilledMidBurstLosesNothingAndTheNextAnswersNothingTwice() throws Exception {
        SamTestPlatform platform = SamTestPlatform.get();
        Map<UUID, List<SamRequested>> asked = conversations(platform, 40);
        try (FakeGemini gemini = new FakeGemini(request -> echo(request, 60))) {
            var config = platform.config("k", gemini.baseUrl(), MAX_IN_FLIGHT, 5);
            SamWorker first = SamWorker.start(config, new SimpleMeterRegistry());
            burst(platform, asked, 5);
            UUID[] ids = asked.keySet().toArray(UUID[]::new);
            String answered = "select count(*) from messages where type = 'sam' and conversation_id = any (?)";
            await().atMost(Duration.ofSeconds(30)).until(() -> platform.count(answered, ids) >= 40);

            first.close(Duration.ZERO);
            long beforeRestart = platform.count(answered, ids);
            assertThat(beforeRestart).as("killed mid-burst").isLessThan(200);
            try (SamWorker second = SamWorker.start(config, new SimpleMeterRegistry())) {
                await().atMost(Duration.ofSeconds(40)).until(() -> platform.count(answered, ids) >= 200);
                assertAnsweredOnceInOrder(platform, asked);
            }
        }
    }

    private static Map<UUID, List<SamRequested>> conversations(SamTestPlatform platform, int count) throws Exception {
        Map<UUID, List<SamRequested>> asked = new HashMap<>();
        for (int i = 0; i < count; i++) {
            asked.put(platform.userWithSamConversation("burst-" + i), new ArrayList<>());
        }
        platform.awaitConversations(List.copyOf(asked.keySet()));
        return asked;
    }

    /** {@code perConversation} questions in each conversation, interleaved across conversations. */
    private static void burst(SamTestPlatform platform, Map<UUID, List<SamRequested>> asked, int perConversation)
            throws Exception {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int n = 0; n < perConversation; n++) {
            for (Map.Entry<UUID, List<SamRequested>> conversation : asked.entrySet()) {
                SamRequested request = SamRequested.of(
                        UUID.randomUUID(), conversation.getKey(), platform.userOf(conversation.getKey()), "q" + n);
                conversation.getValue().add(request);
                records.add(new ProducerRecord<>(
                        Topics.SAM_REQUESTS.name(),
                        request.key(),
                        Topics.SAM_REQUESTS.valueSerde().serializer().serialize("", request)));
            }
        }
        platform.sendAll(records);
    }

    /** Exactly one answer per request, and in each conversation the answers in the order of the questions. */
    private static void assertAnsweredOnceInOrder(SamTestPlatform platform, Map<UUID, List<SamRequested>> asked)
            throws Exception {
        for (Map.Entry<UUID, List<SamRequested>> conversation : asked.entrySet()) {
            List<String[]> answers = platform.samMessages(conversation.getKey());
            assertThat(answers)
                    .extracting(a -> a[0])
                    .as("one answer per request, in request order")
                    .containsExactlyElementsOf(conversation.getValue().stream()
                            .map(SamRequested::replyClientMessageId)
                            .toList());
            assertThat(answers)
                    .extracting(a -> a[1])
                    .containsExactlyElementsOf(conversation.getValue().stream()
                            .map(r -> "answer to " + r.message())
                            .toList());
        }
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
