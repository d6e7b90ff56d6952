package com.humanchat.edge.kafka;

import com.humanchat.schemas.ConsumerSettings;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.admin.MetricsSnapshot;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code admin.metrics} on its own thread, without a consumer group (every replica keeps the snapshot), starting
 * at the last record of each partition — the compacted topic's latest snapshot — so that a replica that just started
 * has figures at once instead of after the next tick. A {@link TopicFollower} of its own, apart from the
 * {@link FanOutConsumer}'s, because it starts at the last record rather than at the end, and because a missing
 * {@code admin.metrics} topic must only leave the metrics unavailable, never hold up the chat fan-out. Unreadable
 * records are logged and skipped.
 */
public final class MetricsSnapshotConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsSnapshotConsumer.class);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);

    private final Consumer<MetricsSnapshot> listener;
    private final Deserializer<MetricsSnapshot> snapshots =
            Topics.ADMIN_METRICS.valueSerde().deserializer();
    private final TopicFollower follower;

    /** @param listener receives each snapshot on the consumer thread; it must not block */
    public MetricsSnapshotConsumer(String bootstrapServers, String clientId, Consumer<MetricsSnapshot> listener) {
        this.listener = listener;
        Map<String, Object> properties = new HashMap<>(ConsumerSettings.longPollFetch());
        properties.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG,
                clientId + "-admin-metrics",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "latest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                100));
        this.follower = new TopicFollower(
                "admin-metrics",
                List.of(Topics.ADMIN_METRICS.name()),
                properties,
                ConsumerSettings.IDLE_POLL,
                RETRY_DELAY,
                new TopicFollower.Follow() {
                    @Override
                    public void position(KafkaConsumer<byte[], byte[]> kafka, Set<TopicPartition> added) {
                        // the last record of each partition: the compacted topic's latest snapshot
                        Map<TopicPartition, Long> ends = kafka.endOffsets(added, Duration.ofSeconds(30));
                        ends.forEach((partition, end) -> kafka.seek(partition, Math.max(0, end - 1)));
                    }

                    @Override
                    public void record(ConsumerRecord<byte[], byte[]> record) {
                        handle(record);
                    }
                });
    }

    public void start() {
        follower.start();
    }

    private void handle(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            listener.accept(snapshots.deserialize(record.topic(), record.value()));
        } catch (SerializationException e) {
            LOG.warn(
                    "admin metrics: skipped unreadable record {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        follower.close();
    }
}
