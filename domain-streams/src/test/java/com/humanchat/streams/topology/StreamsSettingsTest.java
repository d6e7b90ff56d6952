package com.humanchat.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.TopologyException;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

    private final StreamsSettings settings = new StreamsSettings(
            "humanchat-conversations",
            "broker:9092",
            Path.of("/var/lib/streams"),
            3,
            (short) 3,
            1,
            Duration.ofMillis(500),
            "chat.commands.dlq");

    @Test
    void runsAtLeastOnceWithTheCacheOffALowProducerLingerAndLongPolls() {
        Properties props = settings.toProperties();

        assertThat(props)
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE)
                .containsEntry(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L)
                .containsEntry(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 2L)
                .containsEntry(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MIN_BYTES_CONFIG), 1)
                .containsEntry(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 2_000)
                .containsEntry(StreamsConfig.POLL_MS_CONFIG, 1_000L)
                .containsEntry(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all")
                .containsEntry(StreamsConfig.producerPrefix(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG), true)
                .containsEntry(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    }

    @Test
    void carriesTheDeploymentSettings() {
        Properties props = settings.toProperties();

        assertThat(props)
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "humanchat-conversations")
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, "/var/lib/streams")
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 3)
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3)
                .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1)
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 500L)
                .containsEntry(StreamsConfig.topicPrefix("min.insync.replicas"), 2);
        assertThat(new StreamsConfig(props).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
                .isEqualTo(500L);
    }

    @Test
    void sendsPoisonRecordsToTheDeadLetterTopic() {
        Properties props = settings.toProperties();

        assertThat(props)
                .containsEntry(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "chat.commands.dlq")
                .containsEntry(
                        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        LogAndContinueExceptionHandler.class.getName())
                .containsEntry(
                        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeadLetterProcessingExceptionHandler.class.getName());
    }

    @Test
    void topologyBuildersRefuseGeneratedInternalNames() {
        StreamsBuilder builder = new StreamsBuilder(StreamsSettings.namingEnforced());
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .groupByKey()
                .count();

        assertThatThrownBy(builder::build).isInstanceOf(TopologyException.class);
    }

    @Test
    void bothTopologiesBuildWithEveryInternalResourceNamed() {
        assertThat(ConversationTopology.build(ConversationTopologyConfig.defaults())
                        .describe()
                        .toString())
                .contains(ConversationTopology.STORE);
        assertThat(UnreadCountTopology.build(UnreadTopologyConfig.defaults())
                        .describe()
                        .toString())
                .contains("unread-by-user-repartition")
                .contains(UnreadCountTopology.CONVERSATION_STORE)
                .contains(UnreadCountTopology.USER_STORE);
    }

    @Test
    void conversationTopologyRefusesADedupeRetentionUnderTwentyFourHours() {
        assertThatThrownBy(() -> ConversationTopologyConfig.defaults().withDedupeRetention(Duration.ofHours(23)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
