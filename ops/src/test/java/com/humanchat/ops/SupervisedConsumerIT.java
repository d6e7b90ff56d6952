package com.humanchat.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.humanchat.infra.embedded.SharedTestInfra;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The consumer loop the notifier and the payments worker share, against the embedded broker. */
class SupervisedConsumerIT {

    private final String bootstrap = SharedTestInfra.get().kafkaBootstrap();

    @Test
    void aConsumerWhoseHandlerFailsIsReplacedAndItsUncommittedRecordsComeAgainUntilCommitted() throws Exception {
        String topic = "supervised-" + UUID.randomUUID();
        String group = "supervised-group-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "first")).get();
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger consumersMade = new AtomicInteger();
        AtomicInteger failuresLeft = new AtomicInteger(2);
        List<String> handled = new CopyOnWriteArrayList<>();
        LoopHeartbeat heartbeat = new LoopHeartbeat(Duration.ofMinutes(1));
        SupervisedConsumer<String, String> supervised = new SupervisedConsumer<>(
                "test",
                () -> {
                    consumersMade.incrementAndGet();
                    return new KafkaConsumer<>(
                            Map.of(
                                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                    bootstrap,
                                    ConsumerConfig.GROUP_ID_CONFIG,
                                    group,
                                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                    "earliest",
                                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                    "false"),
                            new StringDeserializer(),
                            new StringDeserializer());
                },
                List.of(topic),
                running::get,
                heartbeat,
                (consumer, batch) -> {
                    for (ConsumerRecord<String, String> record : batch) {
                        handled.add(record.value());
                    }
                    if (failuresLeft.getAndDecrement() > 0) {
                        throw new IllegalStateException("the handler gave up on this batch");
                    }
                    consumer.commitSync();
                });
        Thread loop = new Thread(supervised, "supervised-test");
        loop.start();
        try {
            // given a handler that fails twice, then the record is handled a third time, by a third consumer
            await().atMost(Duration.ofSeconds(60)).until(() -> handled.size() == 3);
            assertThat(handled).containsOnly("first");
            assertThat(consumersMade.get()).isEqualTo(3);
            assertThat(heartbeat.isAlive()).isTrue();

            // and once committed it does not come again
            Thread.sleep(2_000);
            assertThat(handled).hasSize(3);
        } finally {
            // when the worker stops, a waiting poll is woken and the loop ends with its heartbeat
            running.set(false);
            supervised.wakeup();
            loop.join(Duration.ofSeconds(15));
        }
        assertThat(loop.isAlive()).isFalse();
        assertThat(heartbeat.isAlive()).isFalse();
    }
}
