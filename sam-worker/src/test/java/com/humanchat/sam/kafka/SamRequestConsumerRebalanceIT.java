package com.humanchat.sam.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.humanchat.infra.embedded.SharedTestInfra;
import com.humanchat.sam.SamMetrics;
import com.humanchat.schemas.TopicProvisioner;
import com.humanchat.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The Sam consumer's loop against the real broker when a rebalance takes away the partition of a request that was not
 * answered: the loop goes on (it used to seek the lost partition, throw, and stop for good while the process looked
 * alive), and it reports itself alive.
 */
class SamRequestConsumerRebalanceIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aFailedRequestWhosePartitionWasTakenAwayDoesNotStopTheLoop() throws Exception {
        SharedTestInfra infra = SharedTestInfra.get();
        TopicProvisioner.ensureTopics(infra.kafkaBootstrap(), 3, (short) 1);
        String topic = Topics.SAM_REQUESTS.name();
        // The consumer's member id starts with the group id; the rival's client id sorts before it, so the range
        // assignor gives the rival partition 0 and leaves the consumer the last one.
        String group = "sam-rebalance-" + UUID.randomUUID();
        String doomed = "doomed-" + UUID.randomUUID();
        String barrier = "barrier-" + UUID.randomUUID();
        CountDownLatch doomedStarted = new CountDownLatch(1);
        CountDownLatch rivalHasPartitionZero = new CountDownLatch(1);
        Set<String> answered = ConcurrentHashMap.newKeySet();
        SamRequestConsumer consumer = new SamRequestConsumer(
                infra.kafkaBootstrap(),
                group,
                4,
                16,
                record -> {
                    if (doomed.equals(record.key())) {
                        doomedStarted.countDown();
                        rivalHasPartitionZero.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                        throw new IllegalStateException("Gemini away");
                    }
                    answered.add(record.key());
                },
                new SamMetrics(new SimpleMeterRegistry()));
        AtomicBoolean rivalPolling = new AtomicBoolean(true);
        Thread rival = null;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            consumer.start();
            producer.send(new ProducerRecord<>(topic, 0, doomed, "{}".getBytes(StandardCharsets.UTF_8)))
                    .get(10, TimeUnit.SECONDS);
            assertThat(doomedStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("the request started")
                    .isTrue();

            rival = Thread.ofPlatform().start(() -> {
                try (KafkaConsumer<String, byte[]> other = new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                infra.kafkaBootstrap(),
                                ConsumerConfig.GROUP_ID_CONFIG,
                                group,
                                ConsumerConfig.CLIENT_ID_CONFIG,
                                "0-rival",
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false),
                        new StringDeserializer(),
                        new ByteArrayDeserializer())) {
                    other.subscribe(List.of(topic));
                    while (rivalPolling.get()) {
                        other.poll(Duration.ofMillis(100));
                        if (other.assignment().contains(new TopicPartition(topic, 0))) {
                            rivalHasPartitionZero.countDown();
                        }
                    }
                }
            });
            assertThat(rivalHasPartitionZero.await(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("the rival got partition 0")
                    .isTrue();

            // The doomed request fails now, its partition the rival's. A request on the partition the consumer kept
            // is the barrier: answered only if the loop went on.
            int kept = producer.partitionsFor(topic).size() - 1;
            producer.send(new ProducerRecord<>(topic, kept, barrier, "{}".getBytes(StandardCharsets.UTF_8)))
                    .get(10, TimeUnit.SECONDS);
            await().atMost(WAIT).until(() -> answered.contains(barrier));
            assertThat(consumer.isLive()).isTrue();
            assertThat(consumer.isHealthy()).isTrue();
        } finally {
            rivalPolling.set(false);
            if (rival != null) {
                rival.join(Duration.ofSeconds(15));
            }
            consumer.close(Duration.ZERO);
        }
        assertThat(consumer.isLive()).as("a closed loop is not alive").isFalse();
    }
}
