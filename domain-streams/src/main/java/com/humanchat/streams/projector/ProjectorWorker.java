package com.humanchat.streams.projector;

import com.humanchat.ops.Backoff;
import com.humanchat.ops.LoopHeartbeat;
import com.humanchat.ops.PausedPolling;
import com.humanchat.ops.TraceMdc;
import com.humanchat.schemas.ConsumerSettings;
import com.humanchat.streams.projector.DeadLetters.DeadLetterException;
import com.humanchat.streams.projector.DeadLetters.Letter;
import com.humanchat.streams.projector.ProjectorMetrics.Failure;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer of the projector's group on its own thread. Per poll: dead-letter the unreadable records, project the
 * rest in one PostgreSQL transaction, and only then commit the offsets. A failed batch is retried (bounded exponential
 * backoff) until it succeeds, with the consumer paused but still polling, so it keeps its partitions and commits nothing
 * past the batch meanwhile.
 */
final class ProjectorWorker implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectorWorker.class);

    /** The slices a wait between retries is cut into, so that it notices a stop or an emptied batch soon. */
    static final Duration POLL_TIMEOUT = Duration.ofMillis(50);

    static final Duration MIN_BACKOFF = Duration.ofMillis(100);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** A thread that has not come back from a poll or a write this long is stuck (a hung connection, say). */
    private static final long STUCK_AFTER_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** Kafka's default, named here because liveness is bounded by it too. */
    private static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(5);

    private final ProjectorConfig config;
    private final String clientId;
    private final RecordDecoder decoder;
    private final ProjectionWriter writer;
    private final DeadLetters deadLetters;
    private final ProjectorMetrics metrics;

    private volatile boolean running = true;
    private volatile Consumer<byte[], byte[]> consumer;
    private volatile boolean failing;
    private volatile long lastProgressNanos = System.nanoTime();
    /** Liveness: beats on every poll, ends with the thread; bounded by the consumer's max.poll.interval.ms. */
    private final LoopHeartbeat heartbeat = new LoopHeartbeat(MAX_POLL_INTERVAL);

    private volatile long lag;

    /** The batch being retried, so that a rebalance during the retry can drop what this consumer lost. */
    private PollBatch retrying;

    ProjectorWorker(
            ProjectorConfig config,
            int index,
            RecordDecoder decoder,
            ProjectionWriter writer,
            DeadLetters deadLetters,
            ProjectorMetrics metrics) {
        this.config = config;
        this.clientId = config.groupId() + "-" + index;
        this.decoder = decoder;
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    @Override
    public void run() {
        try {
            consumeUntilStopped();
        } finally {
            heartbeat.ended();
        }
        LOG.info("Projector consumer {} stopped", clientId);
    }

    private void consumeUntilStopped() {
        Backoff restartBackoff = new Backoff(MIN_BACKOFF, MAX_BACKOFF);
        while (running) {
            try (KafkaConsumer<byte[], byte[]> created = new KafkaConsumer<>(
                    consumerProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer = created;
                if (!running) {
                    break;
                }
                created.subscribe(config.topics(), new Rebalances(created));
                while (running) {
                    ConsumerRecords<byte[], byte[]> records = created.poll(ConsumerSettings.IDLE_POLL);
                    polled(created);
                    if (!records.isEmpty()) {
                        project(created, records);
                    }
                    failing = false;
                    restartBackoff.reset();
                }
            } catch (WakeupException e) {
                // close() gave up waiting for a blocking call: stop.
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                failing = true;
                metrics.failed(Failure.CONSUMER);
                Duration wait = restartBackoff.next();
                LOG.error("Projector consumer {} failed; starting a new one in {} ms", clientId, wait.toMillis(), e);
                sleep(wait);
            } finally {
                consumer = null;
            }
        }
    }

    /** Projects one poll's records, retrying until it works or the projector stops; commits offsets after. */
    private void project(Consumer<byte[], byte[]> consumer, ConsumerRecords<byte[], byte[]> records) {
        long startedAt = System.nanoTime();
        PollBatch batch = PollBatch.decode(records, decoder);
        Backoff backoff = new Backoff(MIN_BACKOFF, MAX_BACKOFF);
        while (true) {
            if (!running) {
                return; // nothing committed: the next owner projects the batch again, which changes nothing
            }
            try {
                attempt(batch);
                break;
            } catch (Exception | AssertionError e) {
                // Anything but a refused record is retried: a lost connection can surface as an unchecked exception
                // (or, with assertions on, as an AssertionError inside the driver), and the safe answer to an unknown
                // failure is to stall visibly, never to skip records.
                failing = true;
                metrics.failed(e instanceof DeadLetterException ? Failure.DEAD_LETTER : Failure.DATABASE);
                Duration wait = backoff.next();
                logRetry(e, batch, wait, backoff.attempts());
                waitKeepingPartitions(consumer, batch, wait);
                if (batch.isEmpty()) {
                    return; // every partition of the batch went to another consumer
                }
            }
        }
        if (backoff.attempts() > 0) {
            LOG.info("Projector consumer {} recovered after {} failed attempt(s)", clientId, backoff.attempts());
        }
        commit(consumer, batch);
        long now = System.currentTimeMillis();
        for (PollBatch.Entry entry : batch.entries()) {
            if (!entry.isDead()) {
                metrics.projected(entry.record.topic(), RecordDecoder.typeOf(entry.event));
                metrics.delay(entry.record.timestamp(), now);
            }
        }
        metrics.batch(batch.size(), System.nanoTime() - startedAt);
    }

    /**
     * Sends the batch's dead records, then writes the rest in one transaction. If PostgreSQL refuses the data itself,
     * the records are written one per transaction to find the refused ones, which are dead-lettered.
     */
    private void attempt(PollBatch batch) throws SQLException, DeadLetterException {
        sendDeadLetters(batch);
        List<PollBatch.Entry> projectable = batch.projectable();
        try {
            writer.write(projectable.stream().map(entry -> entry.event).toList());
        } catch (SQLException e) {
            if (!ProjectionWriter.isPermanent(e)) {
                throw e;
            }
            LOG.warn(
                    "PostgreSQL refused a batch of {} records ({}: {}); projecting them one by one",
                    projectable.size(),
                    e.getSQLState(),
                    e.getMessage());
            projectOneByOne(projectable);
        }
        sendDeadLetters(batch);
    }

    private void projectOneByOne(List<PollBatch.Entry> entries) throws SQLException {
        for (PollBatch.Entry entry : entries) {
            try {
                writer.write(List.of(entry.event));
            } catch (SQLException e) {
                if (!ProjectionWriter.isPermanent(e)) {
                    throw e;
                }
                entry.markDead("refused by PostgreSQL (" + e.getSQLState() + "): " + e.getMessage(), e);
            }
        }
    }

    private void sendDeadLetters(PollBatch batch) throws DeadLetterException {
        List<PollBatch.Entry> dead = batch.deadLettersToSend();
        if (dead.isEmpty()) {
            return;
        }
        deadLetters.sendAll(dead.stream()
                .map(entry -> new Letter(entry.record, entry.deadReason, entry.deadCause))
                .toList());
        for (PollBatch.Entry entry : dead) {
            entry.deadLetterSent = true;
            metrics.deadLettered(entry.record.topic());
            try (TraceMdc.Scope trace = TraceMdc.of(entry.record.headers())) {
                LOG.warn(
                        "Record {}-{}@{} sent to the dead-letter topic: {}",
                        entry.record.topic(),
                        entry.record.partition(),
                        entry.record.offset(),
                        entry.deadReason);
            }
        }
    }

    /**
     * Waits before the next attempt while polling with every partition paused, so that the consumer stays in its group
     * (and a rebalance can take partitions away from the batch) without fetching anything new.
     */
    private void waitKeepingPartitions(Consumer<byte[], byte[]> consumer, PollBatch batch, Duration wait) {
        retrying = batch;
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            PausedPolling.pollUntil(
                    consumer,
                    () -> !running || batch.isEmpty() || System.nanoTime() - deadline >= 0,
                    POLL_TIMEOUT,
                    () -> polled(consumer));
        } finally {
            retrying = null;
        }
    }

    /** After every poll: the loop is alive, and the lag gauge follows. */
    private void polled(Consumer<byte[], byte[]> consumer) {
        lastProgressNanos = System.nanoTime();
        heartbeat.beat();
        updateLag(consumer);
    }

    private void commit(Consumer<byte[], byte[]> consumer, PollBatch batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(batch.nextOffsets());
        offsets.keySet().retainAll(consumer.assignment());
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            // The rows are written: at worst this batch is projected again, which changes nothing.
            metrics.failed(Failure.COMMIT);
            LOG.warn("Projector consumer {} could not commit offsets {}: {}", clientId, offsets, e.toString());
        }
    }

    private void updateLag(Consumer<byte[], byte[]> consumer) {
        long total = 0;
        for (TopicPartition partition : consumer.assignment()) {
            total += consumer.currentLag(partition).orElse(0);
        }
        lag = total;
    }

    private void logRetry(Throwable e, PollBatch batch, Duration wait, int attempt) {
        String what = e instanceof SQLException sql
                ? "PostgreSQL (" + sql.getSQLState() + "): " + sql.getMessage()
                : e.toString();
        // Every attempt while it is new, then every tenth, so an outage of minutes does not flood the log.
        if (attempt <= 3 || attempt % 10 == 0) {
            LOG.warn(
                    "Projector consumer {}: batch of {} records failed (attempt {}), retrying in {} ms, offsets not"
                            + " committed: {}",
                    clientId,
                    batch.size(),
                    attempt,
                    wait.toMillis(),
                    what);
        }
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> properties = new HashMap<>(ConsumerSettings.longPollFetch());
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxBatch());
        properties.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) MAX_POLL_INTERVAL.toMillis());
        return properties;
    }

    /** Liveness: the loop has not ended and polled within {@code max.poll.interval.ms}. */
    boolean isLive() {
        return heartbeat.isAlive();
    }

    boolean isHealthy() {
        return running && !failing && System.nanoTime() - lastProgressNanos < STUCK_AFTER_NANOS;
    }

    long lag() {
        return lag;
    }

    /** Asks the loop to stop after the call it is in; {@link #interrupt()} cuts a blocking Kafka call short. */
    void stop() {
        running = false;
    }

    void interrupt() {
        Consumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void sleep(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (running && System.nanoTime() < deadline) {
            try {
                Thread.sleep(
                        Math.min(POLL_TIMEOUT.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Pauses partitions assigned while a batch is retried, and drops the batch's records of partitions taken away. */
    private final class Rebalances implements ConsumerRebalanceListener {
        private final Consumer<byte[], byte[]> consumer;

        Rebalances(Consumer<byte[], byte[]> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (retrying != null) {
                retrying.drop(partitions);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (retrying != null) {
                consumer.pause(partitions);
            }
            LOG.debug("Projector consumer {} assigned {}", clientId, partitions);
        }
    }
}
