package com.humanchat.payments;

import com.humanchat.ops.Backoff;
import com.humanchat.ops.LoopHeartbeat;
import com.humanchat.ops.PausedPolling;
import com.humanchat.ops.SupervisedConsumer;
import com.humanchat.ops.TraceMdc;
import com.humanchat.payments.config.PaymentsConfig;
import com.humanchat.payments.ledger.OutboxRecord;
import com.humanchat.payments.ledger.PaymentLedger;
import com.humanchat.payments.stripe.StripeConnect;
import com.humanchat.schemas.ConsumerSettings;
import com.humanchat.schemas.ProducerSettings;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.payments.StripeEventReceived;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.RateLimitException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payments worker: one consumer (group {@value PaymentsConfig#GROUP_ID}) of {@code payments.commands},
 * {@code payments.webhooks} and {@code sessions.events}, whose batches are processed on a bounded, named pool — one
 * task per partition, so records of one payment stay in order — then the ledger's outbox is published and only then
 * are the offsets committed. Stripe or PostgreSQL being unreachable is retried with backoff while the consumer keeps
 * polling with its partitions paused (it stays in its group however long the outage lasts); an unreadable or
 * unprocessable record goes to its {@code .dlq} topic with the reason in a header.
 */
public final class PaymentsWorker implements AutoCloseable {

    static final String DLQ_REASON_HEADER = "humanchat.dlq.reason";
    private static final Logger LOG = LoggerFactory.getLogger(PaymentsWorker.class);
    /** How soon the paused loop sees that the pool finished: bounds the latency a batch adds. */
    private static final Duration WAIT_SLICE = Duration.ofMillis(20);

    private static final Duration MIN_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final int OUTBOX_BATCH = 500;

    private final PaymentsConfig config;
    private final HikariDataSource dataSource;
    private final PaymentLedger ledger;
    private final PaymentProcessor processor;
    private final KafkaProducer<String, byte[]> producer;
    private final ExecutorService pool;
    private final Thread thread;
    private final MeterRegistry registry;
    private final Counter outboxPublished;
    private final LoopHeartbeat heartbeat;
    private final SupervisedConsumer<String, byte[]> consumer;
    private volatile boolean running = true;
    /** Records (and outbox publications) being retried at the moment: Stripe or PostgreSQL away. */
    private final AtomicInteger retrying = new AtomicInteger();

    private PaymentsWorker(PaymentsConfig config, MeterRegistry registry, Clock clock) {
        this.config = config;
        this.registry = registry;
        this.outboxPublished = Counter.builder("humanchat.payments.outbox.published")
                .description("Payment events published from the ledger's outbox")
                .register(registry);
        this.dataSource = dataSource(config);
        this.ledger = new PaymentLedger(dataSource, clock);
        this.processor = new PaymentProcessor(
                ledger, new StripeConnect(config), config.platformFee(), config.refundPolicy(), clock);
        this.producer = new KafkaProducer<>(
                ProducerSettings.reliable(config.kafkaBootstrap(), config.groupId() + "-producer"),
                new StringSerializer(),
                new ByteArraySerializer());
        this.heartbeat = new LoopHeartbeat(config.maxPollInterval());
        AtomicInteger threadNumber = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(config.threads(), task -> {
            Thread t = new Thread(task, "payments-worker-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // A consumer that fails is replaced and its uncommitted records processed again, which the idempotency keys
        // and the ledger make harmless.
        this.consumer = new SupervisedConsumer<>(
                "payments",
                this::newConsumer,
                List.of(
                        Topics.PAYMENTS_COMMANDS.name(),
                        Topics.PAYMENTS_WEBHOOKS.name(),
                        Topics.SESSIONS_EVENTS.name()),
                () -> running,
                heartbeat,
                this::processBatch);
        this.thread = new Thread(consumer, "payments-consumer");
    }

    /**
     * Starts consuming, counting into {@code registry} {@code humanchat.payments.records{topic, outcome}} (processed or
     * dead-lettered), {@code humanchat.payments.retries{topic}} (transient Stripe or PostgreSQL failures) and
     * {@code humanchat.payments.outbox.published}; {@code clock} stamps what it writes (records, the ledger's status
     * history). The caller closes the worker.
     */
    public static PaymentsWorker start(PaymentsConfig config, MeterRegistry registry, Clock clock) {
        PaymentsWorker worker = new PaymentsWorker(config, registry, clock);
        worker.thread.start();
        LOG.info("payments worker started: {}", config);
        return worker;
    }

    /**
     * Runs the batch on the pool, one task per partition, then publishes the outbox, then commits. While the pool
     * works — for as long as Stripe or PostgreSQL stay away — the consumer polls with its partitions paused, so it stays
     * in its group; a blocked poll loop would pass {@code max.poll.interval.ms}, lose its partitions and fail the
     * commit.
     */
    private void processBatch(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> batch) {
        List<Future<?>> tasks = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : batch.partitions()) {
            List<ConsumerRecord<String, byte[]>> records = batch.records(partition);
            tasks.add(pool.submit(() -> records.forEach(this::processUntilDone)));
            offsets.put(partition, new OffsetAndMetadata(records.getLast().offset() + 1));
        }
        awaitPolling(consumer, tasks);
        awaitPolling(consumer, List.of(pool.submit(this::publishOutboxUntilDone)));
        if (!running) {
            return; // given up while stopping: nothing committed, the next owner processes the batch again
        }
        // A partition taken away meanwhile (another member joined) is its new owner's to commit.
        offsets.keySet().retainAll(consumer.assignment());
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets);
        }
    }

    /** Polls with every partition paused until the tasks are done, then surfaces a task's failure. */
    private void awaitPolling(KafkaConsumer<String, byte[]> consumer, List<Future<?>> tasks) {
        PausedPolling.pollUntil(consumer, () -> tasks.stream().allMatch(Future::isDone), WAIT_SLICE, heartbeat::beat);
        for (Future<?> task : tasks) {
            try {
                task.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("payments batch not processed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WakeupException();
            }
        }
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        Map<String, Object> properties = new HashMap<>(ConsumerSettings.longPollFetch());
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, config.groupId() + "-consumer");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        properties.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int)
                config.maxPollInterval().toMillis());
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Processes one record, retrying while Stripe or PostgreSQL is unreachable; gives up only when stopping. Its log
     * lines carry the trace id of the request that caused it.
     */
    private void processUntilDone(ConsumerRecord<String, byte[]> record) {
        try (TraceMdc.Scope trace = TraceMdc.of(record.headers())) {
            processWithRetries(record);
        }
    }

    private void processWithRetries(ConsumerRecord<String, byte[]> record) {
        Backoff backoff = new Backoff(MIN_BACKOFF, MAX_BACKOFF);
        try {
            retryUntilDone(record, backoff);
        } finally {
            if (backoff.attempts() > 0) {
                retrying.decrementAndGet();
            }
        }
    }

    private void retryUntilDone(ConsumerRecord<String, byte[]> record, Backoff backoff) {
        while (running) {
            try {
                process(record);
                count("humanchat.payments.records", record.topic(), "processed");
                return;
            } catch (SQLException
                    | ApiConnectionException
                    | ApiException
                    | RateLimitException
                    | AuthenticationException transientFailure) {
                Duration wait = firstRetryCounted(backoff);
                LOG.warn(
                        "payments: {}-{}@{} failed (attempt {}), retrying in {} ms: {}",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        backoff.attempts(),
                        wait.toMillis(),
                        transientFailure.toString());
                count("humanchat.payments.retries", record.topic(), null);
                sleep(wait.toMillis());
            } catch (Exception unprocessable) {
                deadLetter(record, unprocessable);
                count("humanchat.payments.records", record.topic(), "dead_lettered");
                return;
            }
        }
        throw new IllegalStateException("stopped while processing " + record.topic() + "@" + record.offset());
    }

    private void process(ConsumerRecord<String, byte[]> record) throws Exception {
        if (record.value() == null) {
            return;
        }
        String topic = record.topic();
        if (topic.equals(Topics.PAYMENTS_COMMANDS.name())) {
            processor.onCommand(
                    Topics.PAYMENTS_COMMANDS.valueSerde().deserializer().deserialize(topic, record.value()));
        } else if (topic.equals(Topics.PAYMENTS_WEBHOOKS.name())) {
            if (Topics.PAYMENTS_WEBHOOKS.valueSerde().deserializer().deserialize(topic, record.value())
                    instanceof StripeEventReceived received) {
                processor.onWebhook(received);
            }
        } else {
            processor.onSessionEvent(
                    Topics.SESSIONS_EVENTS.valueSerde().deserializer().deserialize(topic, record.value()));
        }
    }

    /** Publishes the outbox; a failed publish keeps the records and is retried, so offsets wait for it. */
    private void publishOutboxUntilDone() {
        Backoff backoff = new Backoff(MIN_BACKOFF, MAX_BACKOFF);
        try {
            publishOutboxRetrying(backoff);
        } finally {
            if (backoff.attempts() > 0) {
                retrying.decrementAndGet();
            }
        }
    }

    private void publishOutboxRetrying(Backoff backoff) {
        while (running) {
            try {
                while (ledger.drainOutbox(OUTBOX_BATCH, this::publish) == OUTBOX_BATCH) {
                    // more waiting
                }
                return;
            } catch (SQLException e) {
                Duration wait = firstRetryCounted(backoff);
                LOG.warn("payments: outbox not published, retrying in {} ms: {}", wait.toMillis(), e.toString());
                sleep(wait.toMillis());
            }
        }
    }

    private void publish(List<OutboxRecord> records) throws ExecutionException, InterruptedException, TimeoutException {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (OutboxRecord record : records) {
            acks.add(producer.send(new ProducerRecord<>(
                    record.topic(), record.key(), record.payload().getBytes(StandardCharsets.UTF_8))));
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get(30, TimeUnit.SECONDS);
        }
        outboxPublished.increment(records.size());
    }

    /** The next wait; the first one counts this retry into {@link #retrying} (the caller's finally takes it off). */
    private Duration firstRetryCounted(Backoff backoff) {
        if (backoff.attempts() == 0) {
            retrying.incrementAndGet();
        }
        return backoff.next();
    }

    private void count(String name, String topic, String outcome) {
        Counter.Builder counter = Counter.builder(name).tag("topic", topic);
        if (outcome != null) {
            counter.tag("outcome", outcome);
        }
        counter.register(registry).increment();
    }

    /** Readiness: the loop is alive and no record is waiting for Stripe or PostgreSQL to come back. */
    public boolean isHealthy() {
        return isLive() && retrying.get() == 0;
    }

    /**
     * Liveness: the consumer loop runs and has polled within {@code max.poll.interval.ms} — it keeps polling (paused)
     * while Stripe or PostgreSQL are away, so only a loop that ended or hangs is reported dead.
     */
    public boolean isLive() {
        return running && heartbeat.isAlive();
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, Exception reason) {
        boolean unreadable = reason instanceof SerializationException;
        LOG.warn(
                "payments: {}-{}@{} {} → {}: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                unreadable ? "unreadable" : "unprocessable",
                Topics.deadLetterOf(record.topic()),
                reason.toString(),
                unreadable ? null : reason);
        ProducerRecord<String, byte[]> letter =
                new ProducerRecord<>(Topics.deadLetterOf(record.topic()), record.key(), record.value());
        String message = String.valueOf(reason.getMessage());
        letter.headers().add(DLQ_REASON_HEADER, message.getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(letter).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("dead letter not written for " + record.topic() + "@" + record.offset(), e);
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static HikariDataSource dataSource(PaymentsConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("humanchat-payments");
        hikari.setJdbcUrl(config.postgres().jdbcUrl());
        hikari.setUsername(config.postgres().user());
        hikari.setPassword(config.postgres().password());
        hikari.setAutoCommit(false);
        // One per pool thread and one for the consumer thread's outbox publishing.
        hikari.setMaximumPoolSize(config.threads() + 1);
        hikari.setConnectionTimeout(2_000);
        hikari.setInitializationFailTimeout(-1);
        hikari.addDataSourceProperty("ApplicationName", "humanchat-payments");
        return new HikariDataSource(hikari);
    }

    /** Stops polling, lets the batch under way finish or give up, and closes the clients. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
        producer.close(Duration.ofSeconds(5));
        dataSource.close();
    }
}
