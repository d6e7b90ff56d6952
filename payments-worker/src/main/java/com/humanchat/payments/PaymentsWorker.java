package com.humanchat.payments;

import com.humanchat.ops.TraceMdc;
import com.humanchat.payments.config.PaymentsConfig;
import com.humanchat.payments.ledger.OutboxRecord;
import com.humanchat.payments.ledger.PaymentLedger;
import com.humanchat.payments.stripe.StripeConnect;
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
 * are the offsets committed. Stripe or PostgreSQL being unreachable is retried with backoff (the partition waits);
 * an unreadable or unprocessable record goes to its {@code .dlq} topic with the reason in a header.
 */
public final class PaymentsWorker implements AutoCloseable {

    static final String DLQ_REASON_HEADER = "humanchat.dlq.reason";
    private static final Logger LOG = LoggerFactory.getLogger(PaymentsWorker.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final int OUTBOX_BATCH = 500;

    private final PaymentsConfig config;
    private final HikariDataSource dataSource;
    private final PaymentLedger ledger;
    private final PaymentProcessor processor;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final ExecutorService pool;
    private final Thread thread;
    private final MeterRegistry registry;
    private final Counter outboxPublished;
    private volatile boolean running = true;

    private PaymentsWorker(PaymentsConfig config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
        this.outboxPublished = Counter.builder("humanchat.payments.outbox.published")
                .description("Payment events published from the ledger's outbox")
                .register(registry);
        this.dataSource = dataSource(config);
        this.ledger = new PaymentLedger(dataSource);
        this.processor =
                new PaymentProcessor(ledger, new StripeConnect(config), config.platformFee(), config.refundPolicy());
        this.producer = new KafkaProducer<>(
                ProducerSettings.reliable(config.kafkaBootstrap(), config.groupId() + "-producer"),
                new StringSerializer(),
                new ByteArraySerializer());
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        config.kafkaBootstrap(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        config.groupId(),
                        ConsumerConfig.CLIENT_ID_CONFIG,
                        config.groupId() + "-consumer",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        200,
                        ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                        (int) config.maxPollInterval().toMillis()),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        AtomicInteger threadNumber = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(config.threads(), task -> {
            Thread t = new Thread(task, "payments-worker-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.thread = new Thread(this::run, "payments-consumer");
    }

    /**
     * Starts consuming, counting into {@code registry} {@code humanchat.payments.records{topic, outcome}} (processed or
     * dead-lettered), {@code humanchat.payments.retries{topic}} (transient Stripe or PostgreSQL failures) and
     * {@code humanchat.payments.outbox.published}; the caller closes the worker.
     */
    public static PaymentsWorker start(PaymentsConfig config, MeterRegistry registry) {
        PaymentsWorker worker = new PaymentsWorker(config, registry);
        worker.thread.start();
        LOG.info("payments worker started: {}", config);
        return worker;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(
                    Topics.PAYMENTS_COMMANDS.name(), Topics.PAYMENTS_WEBHOOKS.name(), Topics.SESSIONS_EVENTS.name()));
            while (running) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(POLL);
                List<Future<?>> tasks = new ArrayList<>();
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                for (TopicPartition partition : batch.partitions()) {
                    List<ConsumerRecord<String, byte[]>> records = batch.records(partition);
                    tasks.add(pool.submit(() -> records.forEach(this::processUntilDone)));
                    offsets.put(
                            partition, new OffsetAndMetadata(records.getLast().offset() + 1));
                }
                for (Future<?> task : tasks) {
                    task.get();
                }
                publishOutboxUntilDone();
                if (!offsets.isEmpty()) {
                    consumer.commitSync(offsets);
                }
            }
        } catch (WakeupException | InterruptedException e) {
            if (running) {
                LOG.error("payments worker interrupted while running", e);
            }
        } catch (ExecutionException e) {
            if (running) {
                LOG.error("payments worker stopped", e.getCause());
            }
        } catch (RuntimeException e) {
            LOG.error("payments worker stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
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
        long backoff = 100;
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
                LOG.warn(
                        "payments: {}-{}@{} failed, retrying in {} ms: {}",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        backoff,
                        transientFailure.toString());
                count("humanchat.payments.retries", record.topic(), null);
                sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
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
        long backoff = 100;
        while (running) {
            try {
                while (ledger.drainOutbox(OUTBOX_BATCH, this::publish) == OUTBOX_BATCH) {
                    // more waiting
                }
                return;
            } catch (SQLException e) {
                LOG.warn("payments: outbox not published, retrying in {} ms: {}", backoff, e.toString());
                sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
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

    private void count(String name, String topic, String outcome) {
        Counter.Builder counter = Counter.builder(name).tag("topic", topic);
        if (outcome != null) {
            counter.tag("outcome", outcome);
        }
        counter.register(registry).increment();
    }

    /** Readiness: the consumer thread is running (it stops only on close or an unexpected failure). */
    public boolean isHealthy() {
        return running && thread.isAlive();
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
