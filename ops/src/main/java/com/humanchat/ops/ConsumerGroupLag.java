package com.humanchat.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lag of Kafka consumer groups as seen by the broker: for each group and topic, the sum over its partitions of
 * (end offset − committed offset), read every {@code interval} with the admin client and exported as the gauge
 * {@code humanchat.kafka.consumer.group.lag{group, topic}} ({@code humanchat_kafka_consumer_group_lag} in Prometheus).
 * It measures what the group has committed, so it includes work a member is doing but has not committed yet, and it
 * keeps reporting when every member of the group is down — the case an in-process consumer metric cannot show. A
 * failed read keeps the last values and counts {@code humanchat.kafka.consumer.group.lag.failures}.
 */
public final class ConsumerGroupLag implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerGroupLag.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;
    private final List<String> groups;
    private final MeterRegistry registry;
    private final Counter failures;
    private final Map<List<String>, AtomicLong> lags = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;

    private ConsumerGroupLag(Admin admin, List<String> groups, MeterRegistry registry) {
        this.admin = admin;
        this.groups = List.copyOf(groups);
        this.registry = registry;
        this.failures = Counter.builder("humanchat.kafka.consumer.group.lag.failures")
                .description("Reads of the consumer-group lag that failed (the last values are kept)")
                .register(registry);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "humanchat-group-lag");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts reading the lag of {@code groups} every {@code interval}, the first read at once. */
    public static ConsumerGroupLag start(
            String bootstrapServers, List<String> groups, MeterRegistry registry, Duration interval) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "humanchat-group-lag");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis());
        ConsumerGroupLag lag = new ConsumerGroupLag(Admin.create(properties), groups, registry);
        lag.scheduler.scheduleWithFixedDelay(lag::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return lag;
    }

    /**
     * Reads every group's committed offsets and the matching end offsets once: one offset fetch for all the groups and
     * one list-offsets for all their partitions, so that a round costs the broker two requests however many groups
     * there are.
     */
    void refresh() {
        Map<String, ListConsumerGroupOffsetsSpec> specs = new LinkedHashMap<>();
        groups.forEach(group -> specs.put(group, new ListConsumerGroupOffsetsSpec()));
        ListConsumerGroupOffsetsResult offsets = admin.listConsumerGroupOffsets(specs);
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new LinkedHashMap<>();
        try {
            for (String group : groups) {
                try {
                    committed.put(
                            group,
                            offsets.partitionsToOffsetAndMetadata(group)
                                    .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
                } catch (ExecutionException | TimeoutException e) {
                    failures.increment();
                    LOG.debug("consumer-group lag of {} not read: {}", group, e.toString());
                }
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.values().forEach(partitions -> partitions
                    .keySet()
                    .forEach(partition -> latest.put(partition, OffsetSpec.latest())));
            if (latest.isEmpty()) {
                return;
            }
            Map<TopicPartition, ListOffsetsResultInfo> ends =
                    admin.listOffsets(latest).all().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            committed.forEach((group, partitions) -> {
                Map<String, Long> perTopic = new HashMap<>();
                partitions.forEach((partition, offset) -> {
                    ListOffsetsResultInfo end = ends.get(partition);
                    if (offset != null && end != null) {
                        perTopic.merge(partition.topic(), Math.max(0, end.offset() - offset.offset()), Long::sum);
                    }
                });
                perTopic.forEach((topic, value) -> gauge(group, topic).set(value));
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            failures.increment();
            LOG.debug("end offsets for the consumer-group lag not read: {}", e.toString());
        }
    }

    private AtomicLong gauge(String group, String topic) {
        return lags.computeIfAbsent(List.of(group, topic), key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("humanchat.kafka.consumer.group.lag", value, AtomicLong::get)
                    .description("Records on the topic not yet committed by the consumer group")
                    .tag("group", group)
                    .tag("topic", topic)
                    .register(registry);
            return value;
        });
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        admin.close(Duration.ofSeconds(5));
    }
}
