package com.humanchat.streams.topology;

import com.humanchat.schemas.ConsumerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * The Streams configuration every HumanChat topology runs with: at-least-once with the record cache off, the internal
 * producer's linger at 2 ms (Streams defaults it to 100 ms, which costs ~50 ms a hop), long-poll fetches
 * ({@link ConsumerSettings#longPollFetch()}) and a stream thread that waits {@link #POLL_MS} for input, acks=all and
 * idempotence, explicit names for every internal resource, and poison records to a dead-letter topic.
 *
 * @param applicationId the Streams application id (consumer group, prefix of internal topics)
 * @param deadLetterTopic where unreadable input records go, with the reason in headers
 * @param replicationFactor of the internal topics (changelogs, repartitions): 1 for a single broker
 */
public record StreamsSettings(
        String applicationId,
        String bootstrapServers,
        Path stateDir,
        int threads,
        short replicationFactor,
        int standbyReplicas,
        Duration commitInterval,
        String deadLetterTopic) {

    /**
     * A couple of milliseconds, not one: on a small broker every produce request costs far more than the records in it,
     * and a hop's added wait stays a small part of the end-to-end budget (see docs/architecture.md).
     */
    public static final long PRODUCER_LINGER_MS = 2;

    /**
     * How long an idle stream thread waits for input before it runs its loop again (Streams' default is 100 ms). A
     * record that arrives ends the wait at once, so this costs no latency; it only sets how late a wall-clock
     * punctuation (metrics snapshots, dedupe expiry) may run, and an idle thread wakes a tenth as often.
     */
    public static final long POLL_MS = 1_000;

    public StreamsSettings {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(commitInterval, "commitInterval");
        Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replicationFactor must be at least 1");
        }
        if (standbyReplicas < 0) {
            throw new IllegalArgumentException("standbyReplicas must not be negative");
        }
        if (commitInterval.isNegative() || commitInterval.isZero()) {
            throw new IllegalArgumentException("commitInterval must be positive");
        }
    }

    public Properties toProperties() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replicationFactor);
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        props.put(StreamsConfig.POLL_MS_CONFIG, POLL_MS);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), PRODUCER_LINGER_MS);
        ConsumerSettings.longPollFetch().forEach((key, value) -> props.put(StreamsConfig.consumerPrefix(key), value));
        props.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        props.put(StreamsConfig.producerPrefix(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG), true);
        if (replicationFactor >= 3) {
            props.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), 2);
        }
        props.put(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        props.put(
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterProcessingExceptionHandler.class.getName());
        // no global stores today; opting in now silences Streams' warning and is the 5.0 default
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, deadLetterTopic);
        return props;
    }

    /**
     * The topology config a builder is created with, so that it refuses any generated internal name at build time.
     * It holds no runtime setting: {@code KafkaStreams} applies its own configuration to the topology when it starts.
     */
    static TopologyConfig namingEnforced() {
        return new TopologyConfig(new StreamsConfig(Map.of(
                StreamsConfig.APPLICATION_ID_CONFIG,
                "topology-builder",
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
                "unused:9092",
                StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG,
                true,
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG,
                true)));
    }
}
