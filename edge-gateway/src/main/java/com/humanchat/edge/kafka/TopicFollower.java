package com.humanchat.edge.kafka;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka consumer without a consumer group, on a daemon thread of its own, that follows every partition of some
 * topics — listed again every 30 s, so partitions added later are followed too — and hands each record to its
 * {@link Follow}. Every edge replica reads these topics whole (the fan-out, the admin metrics); what differs is where
 * a newly assigned partition starts, what a record does, and what is watched between polls.
 */
final class TopicFollower implements AutoCloseable {

    /** What a follower does; every method runs on its thread. */
    interface Follow {

        /** Positions partitions just assigned (their offsets are not resolved yet). */
        void position(KafkaConsumer<byte[], byte[]> kafka, Set<TopicPartition> added);

        void record(ConsumerRecord<byte[], byte[]> record);

        /** After the assignment changed: every partition is assigned and positioned. */
        default void assigned(Set<TopicPartition> all, Set<TopicPartition> added) {}

        /** After each poll, with the current assignment. */
        default void polled(KafkaConsumer<byte[], byte[]> kafka, Set<TopicPartition> assigned) {}

        /** The thread stopped on an unexpected failure. */
        default void failed(RuntimeException failure) {}
    }

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration PARTITION_RECHECK = Duration.ofSeconds(30);
    private static final Duration LIST_TIMEOUT = Duration.ofSeconds(5);

    private final String name;
    private final List<String> topics;
    private final Map<String, Object> properties;
    private final Duration pollTimeout;
    private final Duration retryDelay;
    private final Follow follow;

    private volatile boolean running;
    private volatile long lastLoopNanos = System.nanoTime();
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    /**
     * @param name names the thread and the log lines
     * @param retryDelay the wait before listing the topics again while they cannot be listed
     */
    TopicFollower(
            String name,
            List<String> topics,
            Map<String, Object> properties,
            Duration pollTimeout,
            Duration retryDelay,
            Follow follow) {
        this.name = name;
        this.topics = List.copyOf(topics);
        this.properties = Map.copyOf(properties);
        this.pollTimeout = pollTimeout;
        this.retryDelay = retryDelay;
        this.follow = follow;
    }

    synchronized void start() {
        if (thread == null) {
            running = true;
            thread = new Thread(this::run, "kafka-" + name);
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** True while the thread runs and went round its loop within {@code limit}. */
    boolean loopedWithin(Duration limit) {
        Thread t = thread;
        return running && t != null && t.isAlive() && System.nanoTime() - lastLoopNanos < limit.toNanos();
    }

    private void run() {
        Set<TopicPartition> current = new HashSet<>();
        long nextCheck = 0;
        try (KafkaConsumer<byte[], byte[]> kafka =
                new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer = kafka;
            while (running) {
                long now = System.nanoTime();
                lastLoopNanos = now;
                if (now - nextCheck >= 0) {
                    boolean ok = refreshAssignment(kafka, current);
                    nextCheck = now + (ok ? PARTITION_RECHECK : retryDelay).toNanos();
                }
                if (current.isEmpty()) {
                    sleep(retryDelay);
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> record : kafka.poll(pollTimeout)) {
                    follow.record(record);
                }
                follow.polled(kafka, current);
            }
        } catch (WakeupException | InterruptException e) {
            if (running) {
                LOG.error("{}: consumer interrupted while running", name, e);
            }
        } catch (RuntimeException e) {
            LOG.error("{}: consumer stopped", name, e);
            follow.failed(e);
        } finally {
            running = false;
            consumer = null;
        }
    }

    /** Assigns newly listed partitions; false while the topics cannot be listed yet. */
    private boolean refreshAssignment(KafkaConsumer<byte[], byte[]> kafka, Set<TopicPartition> current) {
        Set<TopicPartition> wanted = new HashSet<>();
        try {
            for (String topic : topics) {
                List<PartitionInfo> partitions = kafka.partitionsFor(topic, LIST_TIMEOUT);
                if (partitions == null || partitions.isEmpty()) {
                    LOG.info("{}: topic {} has no partitions yet", name, topic);
                    return false;
                }
                partitions.forEach(p -> wanted.add(new TopicPartition(p.topic(), p.partition())));
            }
        } catch (WakeupException | InterruptException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("{}: cannot list partitions yet: {}", name, e.toString());
            return false;
        }
        if (wanted.equals(current)) {
            return true;
        }
        Set<TopicPartition> added = new HashSet<>(wanted);
        added.removeAll(current);
        kafka.assign(wanted);
        follow.position(kafka, added);
        current.clear();
        current.addAll(wanted);
        LOG.info("{}: assigned {} partitions ({} new)", name, current.size(), added.size());
        follow.assigned(Set.copyOf(current), added);
        return true;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        KafkaConsumer<byte[], byte[]> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
