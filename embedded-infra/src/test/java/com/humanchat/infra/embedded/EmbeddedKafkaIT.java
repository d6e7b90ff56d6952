package com.humanchat.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
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
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path logDir;

    @Test
    void servesTheSameRecordsOnTheSamePortAfterAStopAndStart() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(logDir, 0)) {
            String bootstrap = kafka.bootstrapServers();
            assertThat(bootstrap).isEqualTo("127.0.0.1:" + kafka.port());
            createTopic(bootstrap, "greetings");
            produce(bootstrap, "greetings", "alice", "hello");
            assertThat(consume(bootstrap, "greetings", 1)).containsExactly("alice=hello");
            String metaProperties = Files.readString(logDir.resolve("meta.properties"));

            kafka.stop();

            assertThat(kafka.isRunning()).isFalse();
            assertThatThrownBy(() -> new Socket("127.0.0.1", kafka.port()).close())
                    .isInstanceOf(ConnectException.class);

            kafka.start();

            assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
            assertThat(consume(bootstrap, "greetings", 1)).containsExactly("alice=hello");
            assertThat(Files.readString(logDir.resolve("meta.properties"))).isEqualTo(metaProperties);
        }
    }

    @Test
    void aNewBrokerOnAFormattedDirectoryKeepsItsTopics() throws Exception {
        try (EmbeddedKafka first = EmbeddedKafka.start(logDir, 0)) {
            createTopic(first.bootstrapServers(), "orders");
            produce(first.bootstrapServers(), "orders", "o-1", "placed");
        }

        try (EmbeddedKafka second = EmbeddedKafka.start(logDir, 0)) {
            assertThat(consume(second.bootstrapServers(), "orders", 1)).containsExactly("o-1=placed");
        }
        assertThat(logDir).isDirectory();
    }

    @Test
    void everyBrokerSettingIsOneKafkaKnows() {
        Map<String, String> properties = EmbeddedKafka.brokerProperties(logDir, 9092, 9093);

        assertThat(KafkaConfig.configDef().names()).containsAll(properties.keySet());
    }

    @Test
    void rejectsAnImpossiblePort() {
        assertThatThrownBy(() -> EmbeddedKafka.start(logDir, 70_000)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void createTopic(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)))
                    .all()
                    .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static void produce(String bootstrap, String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Reads from the beginning in a fresh group until {@code count} records arrived or the deadline passed. */
    private static List<String> consume(String bootstrap, String topic, int count) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        List<String> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (received.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(record.key() + "=" + record.value());
                }
            }
        }
        return received;
    }
}
