package com.humanchat.sam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.sam.SamRequested;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The issue's measure, repeatable and not part of the test suite (its name matches neither {@code *Test} nor
 * {@code *IT}): run it with {@code mvn -pl sam-worker -am verify -Dit.test=SamLatencyBench -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dweb.npm.skip=true}. {@value #CONVERSATIONS} users each ask Sam
 * {@value #QUESTIONS_EACH} questions, one after the other (closed loop), after {@value #WARM_UP} not measured; a
 * stand-in model answers each call in
 * {@value #MODEL_MILLIS} ms, the Gemini 2.5 way: a {@code search_hosts} call, then prose and a fenced JSON answer
 * (two calls per question). It reports the p50/p99 from the {@code sam.requested} record (what {@code POST /api/sam}
 * publishes) to Sam's {@code message.sent} on {@code chat.events} (what the fan-out pushes to the asker's sockets),
 * and the share of questions whose answer carried its two validated actions.
 */
class SamLatencyBench {

    private static final int CONVERSATIONS = 8;
    private static final int QUESTIONS_EACH = 25;
    private static final long MODEL_MILLIS = 200;
    /** Questions each user asks first, not measured: the consumer group's first assignment, JIT, connections. */
    private static final int WARM_UP = 2;

    @Test
    void measuresTheTimeFromTheQuestionToSamsMessage() throws Exception {
        SamTestPlatform platform = SamTestPlatform.get();
        UUID paula = platform.insertPostgresHost("Paula Bench", "bench");
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String answer = AnswerShapes.ALL.stream()
                .filter(shape -> shape.file().equals("02-prose-then-fence"))
                .findFirst()
                .orElseThrow()
                .body(paula, start, start);
        List<UUID> conversations = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS; i++) {
            conversations.add(platform.userWithSamConversation("bench" + i));
        }
        platform.awaitConversations(conversations);
        Map<String, CompletableFuture<Long>> answeredAt = new ConcurrentHashMap<>();
        Map<String, Boolean> withActions = new ConcurrentHashMap<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        CountDownLatch listening = new CountDownLatch(1);
        Thread reader =
                Thread.ofPlatform().start(() -> readAnswers(platform, answeredAt, withActions, reading, listening));
        listening.await(30, TimeUnit.SECONDS);

        List<Long> millis = Collections.synchronizedList(new ArrayList<>());
        try (FakeGemini gemini = new FakeGemini(request -> {
                    JsonNode contents = request.path("contents");
                    boolean looked = contents.get(contents.size() - 1)
                            .path("parts")
                            .path(0)
                            .has("functionResponse");
                    return (looked
                                    ? FakeGemini.Reply.recorded(answer)
                                    : FakeGemini.Reply.functionCall("search_hosts", Map.of("query", "bench")))
                            .after(MODEL_MILLIS);
                });
                SamWorker worker = SamWorker.start(
                        platform.config("bench-key", gemini.baseUrl(), CONVERSATIONS, 3), new SimpleMeterRegistry())) {
            List<Thread> askers = new ArrayList<>();
            for (UUID conversation : conversations) {
                UUID user = platform.userOf(conversation);
                askers.add(Thread.ofVirtual().start(() -> {
                    for (int q = -WARM_UP; q < QUESTIONS_EACH; q++) {
                        long sent = System.nanoTime();
                        SamRequested request = platform.ask(conversation, user, "20 minutes on Postgres, #" + q);
                        long at = answeredAt
                                .computeIfAbsent(request.replyClientMessageId(), id -> new CompletableFuture<>())
                                .completeOnTimeout(Long.MAX_VALUE, 180, TimeUnit.SECONDS)
                                .join();
                        if (q >= 0) {
                            millis.add(at == Long.MAX_VALUE ? Long.MAX_VALUE : (at - sent) / 1_000_000);
                        }
                    }
                }));
            }
            for (Thread asker : askers) {
                asker.join();
            }
        } finally {
            reading.set(false);
            reader.join();
        }

        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        long usable = withActions.values().stream().filter(b -> b).count();
        System.out.printf(
                "SAM-BENCH questions=%d model=%dms/call calls/question=2 p50=%dms p90=%dms p99=%dms max=%dms"
                        + " usable=%d/%d%n",
                sorted.size(),
                MODEL_MILLIS,
                percentile(sorted, 50),
                percentile(sorted, 90),
                percentile(sorted, 99),
                sorted.getLast(),
                usable,
                withActions.size());
        assertThat(sorted).hasSize(CONVERSATIONS * QUESTIONS_EACH).doesNotContain(Long.MAX_VALUE);
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** Notes when each of Sam's messages appears on {@code chat.events}, and whether it carried two actions. */
    private static void readAnswers(
            SamTestPlatform platform,
            Map<String, CompletableFuture<Long>> answeredAt,
            Map<String, Boolean> withActions,
            AtomicBoolean reading,
            CountDownLatch listening) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka()),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CHAT_EVENTS.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            listening.countDown();
            while (reading.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(5))) {
                    if (Topics.CHAT_EVENTS.valueSerde().deserializer().deserialize(record.topic(), record.value())
                                    instanceof MessageSent sent
                            && sent.clientMessageId() != null
                            && sent.clientMessageId().startsWith("sam:")) {
                        answeredAt
                                .computeIfAbsent(sent.clientMessageId(), id -> new CompletableFuture<>())
                                .complete(System.nanoTime());
                        withActions.put(
                                sent.clientMessageId(),
                                sent.actions() != null && sent.actions().size() == 2);
                    }
                }
            }
        }
    }
}
