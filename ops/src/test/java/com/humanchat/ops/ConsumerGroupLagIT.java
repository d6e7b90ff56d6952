package com.humanchat.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.humanchat.infra.embedded.SharedTestInfra;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class ConsumerGroupLagIT {

    private final String bootstrap = SharedTestInfra.get().kafkaBootstrap();

    @Test
    void reportsEndMinusCommittedPerGroupAndTopicAndFollowsNewCommits() throws Exception {
        String topic = "lag-" + UUID.randomUUID();
        String group = "lag-group-" + UUID.randomUUID();
        String other = "lag-other-" + UUID.randomUUID(); // read in the same round as the first group
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(properties)) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
            produce(topic, 0, 5);
            produce(topic, 1, 4);
            commit(admin, group, Map.of(new TopicPartition(topic, 0), 2L, new TopicPartition(topic, 1), 4L));
            commit(admin, other, Map.of(new TopicPartition(topic, 0), 0L, new TopicPartition(topic, 1), 1L));

            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (ConsumerGroupLag lag =
                    ConsumerGroupLag.start(bootstrap, List.of(group, other), registry, Duration.ofMillis(200))) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(lagOf(registry, group, topic)).isEqualTo(3.0);
                    assertThat(lagOf(registry, other, topic)).isEqualTo(8.0);
                });

                commit(admin, group, Map.of(new TopicPartition(topic, 0), 5L, new TopicPartition(topic, 1), 4L));
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(lagOf(registry, group, topic))
                        .isZero());
            }
        }
    }

    @Test
    void anUnreachableBrokerCountsFailuresAndReportsNothingMadeUp() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ConsumerGroupLag lag =
                ConsumerGroupLag.start("127.0.0.1:1", List.of("nobody"), registry, Duration.ofMillis(100))) {
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(registry.get("humanchat.kafka.consumer.group.lag.failures")
                                    .counter()
                                    .count())
                            .isPositive());
            assertThat(registry.find("humanchat.kafka.consumer.group.lag").gauges())
                    .isEmpty();
        }
    }

    private static double lagOf(SimpleMeterRegistry registry, String group, String topic) {
        Gauge gauge = registry.find("humanchat.kafka.consumer.group.lag")
                .tag("group", group)
                .tag("topic", topic)
                .gauge();
        assertThat(gauge).as("gauge for %s/%s", group, topic).isNotNull();
        return gauge.value();
    }

    private void produce(String topic, int partition, int count) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, partition, "k", "v" + i))
                        .get();
            }
        }
    }

    private static void commit(Admin admin, String group, Map<TopicPartition, Long> offsets) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> committed.put(partition, new OffsetAndMetadata(offset)));
        admin.alterConsumerGroupOffsets(group, committed).all().get();
    }
}
