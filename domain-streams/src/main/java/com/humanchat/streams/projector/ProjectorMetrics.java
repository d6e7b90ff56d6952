package com.humanchat.streams.projector;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The projector's meters, all tagged with the consumer group; removed from the registry again when the projector
 * closes, so that an embedding process can start and stop projectors.
 */
final class ProjectorMetrics implements AutoCloseable {

    static final String RECORDS = "humanchat.projector.records";
    static final String BATCH_LATENCY = "humanchat.projector.batch.latency";
    static final String BATCH_SIZE = "humanchat.projector.batch.size";
    static final String DELAY = "humanchat.projector.delay";
    static final String FAILURES = "humanchat.projector.failures";
    static final String DEAD_LETTERS = "humanchat.projector.dead.letters";
    static final String LAG = "humanchat.projector.lag";
    static final String HEALTHY = "humanchat.projector.healthy";

    /** What failed: the PostgreSQL transaction, a dead-letter send, an offset commit, or the consumer itself. */
    enum Failure {
        DATABASE,
        DEAD_LETTER,
        COMMIT,
        CONSUMER;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final MeterRegistry registry;
    private final Tags tags;
    private final List<Meter> meters = new CopyOnWriteArrayList<>();
    private final Map<String, Counter> recordCounters = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLetterCounters = new ConcurrentHashMap<>();
    private final Map<Failure, Counter> failureCounters = new ConcurrentHashMap<>();
    private final Timer batchLatency;
    private final DistributionSummary batchSize;
    private final Timer delay;

    ProjectorMetrics(
            MeterRegistry registry, String groupId, List<String> topics, LongSupplier lag, BooleanSupplier healthy) {
        this.registry = registry;
        this.tags = Tags.of("group", groupId);
        this.batchLatency = keep(Timer.builder(BATCH_LATENCY)
                .description("Time to write one poll batch to PostgreSQL and commit its offsets")
                .tags(tags)
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry));
        this.batchSize = keep(DistributionSummary.builder(BATCH_SIZE)
                .description("Records per poll batch")
                .baseUnit("records")
                .tags(tags)
                .register(registry));
        this.delay = keep(Timer.builder(DELAY)
                .description("From a record's timestamp to its projection being committed in PostgreSQL")
                .tags(tags)
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry));
        keep(Gauge.builder(LAG, lag::getAsLong)
                .description("Records in the assigned partitions not projected yet")
                .baseUnit("records")
                .tags(tags)
                .register(registry));
        keep(Gauge.builder(HEALTHY, () -> healthy.getAsBoolean() ? 1 : 0)
                .description("1 while every projector thread runs and its last batch succeeded")
                .tags(tags)
                .register(registry));
        // Every input's dead-letter counter from the start, so that an alert on its increase has a series to read.
        topics.forEach(this::deadLetterCounter);
        for (Failure failure : Failure.values()) {
            failureCounters.put(
                    failure,
                    keep(Counter.builder(FAILURES)
                            .description("Failed attempts (each is retried)")
                            .tags(tags.and("kind", failure.tag()))
                            .register(registry)));
        }
    }

    void projected(String topic, String type) {
        recordCounters
                .computeIfAbsent(
                        topic + '\u0000' + type,
                        key -> keep(Counter.builder(RECORDS)
                                .description("Records projected (or skipped as changing no read model)")
                                .tags(tags.and("topic", topic, "type", type))
                                .register(registry)))
                .increment();
    }

    void deadLettered(String topic) {
        deadLetterCounter(topic).increment();
    }

    private Counter deadLetterCounter(String topic) {
        return deadLetterCounters.computeIfAbsent(
                topic,
                key -> keep(Counter.builder(DEAD_LETTERS)
                        .description("Records sent to the dead-letter topic")
                        .tags(tags.and("topic", topic))
                        .register(registry)));
    }

    void failed(Failure failure) {
        failureCounters.get(failure).increment();
    }

    void batch(int records, long nanos) {
        batchSize.record(records);
        batchLatency.record(Duration.ofNanos(nanos));
    }

    void delay(long recordTimestampMillis, long nowMillis) {
        if (recordTimestampMillis > 0) {
            delay.record(Duration.ofMillis(Math.max(0, nowMillis - recordTimestampMillis)));
        }
    }

    private <M extends Meter> M keep(M meter) {
        meters.add(meter);
        return meter;
    }

    @Override
    public void close() {
        for (Meter meter : meters) {
            registry.remove(meter);
        }
        meters.clear();
    }
}
