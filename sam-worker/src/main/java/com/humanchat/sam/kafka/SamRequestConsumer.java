package com.humanchat.sam.kafka;

import com.humanchat.ops.LoopHeartbeat;
import com.humanchat.sam.SamMetrics;
import com.humanchat.sam.domain.ConversationLanes;
import com.humanchat.schemas.ConsumerSettings;
import com.humanchat.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one consumer thread of {@code sam.requests} and its backpressure: at most {@code maxInFlight} requests are
 * answered at once (each on a virtual thread), one at a time per conversation, with at most {@code maxBuffered} polled
 * records waiting; the consumer pauses every assigned partition before the buffer could overflow and resumes once it
 * drained to half. An offset is committed only when it and every record before it in its partition were answered
 * (auto-commit off), so a crash re-delivers what was not answered and nothing else is lost.
 */
public final class SamRequestConsumer implements AutoCloseable {

    /** Answers one record, returning once the reply (or dead letter) is produced; a failure leaves it uncommitted. */
    @FunctionalInterface
    public interface Handler {
        void handle(ConsumerRecord<String, byte[]> record) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(SamRequestConsumer.class);
    /** While requests are under way the loop comes round this often to settle those that finished. */
    private static final Duration BUSY_POLL = Duration.ofMillis(20);

    private static final Duration FAILED_RETRY_WAIT = Duration.ofSeconds(1);
    /** Kafka's default {@code max.poll.interval.ms}, named because it also bounds liveness. */
    private static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(5);

    private record Finished(
            ConversationLanes.Entry<TopicPartition, ConsumerRecord<String, byte[]>> entry, boolean ok) {}

    private final KafkaConsumer<String, byte[]> consumer;
    private final Handler handler;
    private final SamMetrics metrics;
    private final int maxInFlight;
    private final int maxPollRecords;
    private final ConversationLanes<TopicPartition, ConsumerRecord<String, byte[]>> lanes;
    /** At most maxInFlight entries: one per request under way. */
    private final ConcurrentLinkedQueue<Finished> finished = new ConcurrentLinkedQueue<>();

    private final ExecutorService answering = Executors.newVirtualThreadPerTaskExecutor();
    private final Thread thread;
    private final LoopHeartbeat heartbeat = new LoopHeartbeat(MAX_POLL_INTERVAL);
    private volatile boolean running = true;
    private volatile boolean healthy;
    private volatile Duration closeGrace = Duration.ZERO;
    private int inFlight;
    private boolean paused;

    public SamRequestConsumer(
            String bootstrapServers,
            String groupId,
            int maxInFlight,
            int maxBuffered,
            Handler handler,
            SamMetrics metrics) {
        this.handler = handler;
        this.metrics = metrics;
        this.maxInFlight = maxInFlight;
        this.maxPollRecords = Math.max(1, Math.min(100, maxBuffered / 2));
        this.lanes = new ConversationLanes<>(maxBuffered);
        Map<String, Object> properties = new HashMap<>(ConsumerSettings.longPollFetch());
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-" + UUID.randomUUID());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) MAX_POLL_INTERVAL.toMillis());
        this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "sam-requests-consumer");
    }

    public void start() {
        thread.start();
    }

    /** True while the consumer polls with partitions assigned or waiting for them. */
    public boolean isHealthy() {
        return healthy;
    }

    /**
     * Liveness: the loop has not ended and polled within {@code max.poll.interval.ms}. It polls on while Gemini is slow
     * or away (answers run on their own threads, the consumer pauses when the buffer fills), so only a loop that
     * ended on a failure or hangs is reported dead — and then the orchestrator restarts the process.
     */
    public boolean isLive() {
        return running && heartbeat.isAlive();
    }

    private void run() {
        consumer.subscribe(List.of(Topics.SAM_REQUESTS.name()), new Rebalance());
        try {
            while (running) {
                settleFinished();
                startWhatMay();
                adjustPause();
                try {
                    var records = consumer.poll(inFlight > 0 ? BUSY_POLL : ConsumerSettings.IDLE_POLL);
                    heartbeat.beat();
                    for (ConsumerRecord<String, byte[]> record : records) {
                        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                        lanes.add(partition, record.offset(), record.key() == null ? "" : record.key(), record);
                    }
                    healthy = true;
                } catch (WakeupException woken) {
                    // close() was called: the loop ends.
                }
                metrics.buffered(lanes.buffered());
                metrics.lag(lag());
            }
            awaitInFlight(closeGrace);
            settleFinished();
        } catch (RuntimeException e) {
            LOG.error("the Sam consumer stopped, /health/live reports it: {}", e.toString(), e);
        } finally {
            heartbeat.ended();
            healthy = false;
            answering.shutdownNow();
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    private void startWhatMay() {
        if (inFlight >= maxInFlight) {
            return;
        }
        for (var entry : lanes.startable(maxInFlight - inFlight)) {
            inFlight++;
            metrics.inFlight().set(inFlight);
            long polled = System.nanoTime();
            answering.execute(() -> {
                boolean ok = false;
                try {
                    handler.handle(entry.payload());
                    ok = true;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    LOG.warn(
                            "request at {}@{} not answered, it will be retried: {}",
                            entry.partition(),
                            entry.offset(),
                            e.toString());
                } finally {
                    metrics.latency().record(System.nanoTime() - polled, TimeUnit.NANOSECONDS);
                    finished.add(new Finished(entry, ok));
                }
            });
        }
    }

    /** Frees the conversations and permits of finished requests and commits what became contiguous. */
    private void settleFinished() {
        Finished done;
        List<ConversationLanes.Entry<TopicPartition, ConsumerRecord<String, byte[]>>> failed = new ArrayList<>();
        while ((done = finished.poll()) != null) {
            inFlight--;
            if (done.ok()) {
                lanes.done(done.entry());
            } else {
                failed.add(done.entry());
            }
        }
        metrics.inFlight().set(inFlight);
        commit(lanes.partitions());
        if (!failed.isEmpty()) {
            // Not answered (Kafka or PostgreSQL away): rewind to the oldest, after a pause, so nothing is skipped. A
            // partition a rebalance took away meanwhile is its new owner's to answer (seeking it would throw).
            Map<TopicPartition, Long> rewind = new HashMap<>();
            failed.forEach(e -> rewind.merge(e.partition(), e.offset(), Math::min));
            rewind.keySet().retainAll(consumer.assignment());
            sleepQuietly(FAILED_RETRY_WAIT);
            rewind.forEach((partition, offset) -> {
                lanes.revoke(partition);
                lanes.assign(partition);
                consumer.seek(partition, offset);
            });
        }
    }

    private void commit(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            lanes.takeCommittable(partition).ifPresent(offset -> offsets.put(partition, new OffsetAndMetadata(offset)));
        }
        if (!offsets.isEmpty()) {
            try {
                consumer.commitSync(offsets);
            } catch (WakeupException closing) {
                // close() was called during the commit: the wake-up was meant for poll, the commit is still owed.
                consumer.commitSync(offsets);
            } catch (KafkaException refused) {
                // A rebalance took the partitions (CommitFailedException, RebalanceInProgressException): their new
                // owner answers the uncommitted requests again, deduplicated by clientMessageId. The loop goes on.
                LOG.warn(
                        "offsets {} not committed, their requests will be answered again: {}",
                        offsets,
                        refused.toString());
            }
        }
    }

    private void adjustPause() {
        Set<TopicPartition> assigned = consumer.assignment();
        if (!paused && lanes.room() < maxPollRecords) {
            consumer.pause(assigned);
            paused = true;
        } else if (paused && lanes.buffered() <= (lanes.buffered() + lanes.room()) / 2) {
            consumer.resume(assigned);
            paused = false;
        }
    }

    private long lag() {
        long total = 0;
        for (TopicPartition partition : consumer.assignment()) {
            total += consumer.currentLag(partition).orElse(0);
        }
        return total;
    }

    private void awaitInFlight(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (inFlight > 0 && System.nanoTime() - deadline < 0) {
            settleFinished();
            sleepQuietly(Duration.ofMillis(10));
        }
    }

    private static void sleepQuietly(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commit(partitions);
            partitions.forEach(lanes::revoke);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            partitions.forEach(lanes::assign);
            if (paused) {
                consumer.pause(partitions);
            }
        }
    }

    /**
     * Stops polling, waits up to {@code grace} for the requests under way, commits what was answered and leaves the
     * group. With a zero grace this is a crash as far as Kafka is concerned: what is under way is answered again by
     * the next owner of its partition (and deduplicated by its {@code clientMessageId}).
     */
    public void close(Duration grace) {
        closeGrace = grace;
        running = false;
        consumer.wakeup();
        try {
            thread.join(grace.toMillis() + 15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(20));
    }
}
