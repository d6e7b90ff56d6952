package com.humanchat.sam;

import com.humanchat.schemas.sam.SamOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The worker's meters, {@code humanchat.sam.*}: lag and buffer (queue depth), in-flight, latency, retries, DLQ, tokens. */
public final class SamMetrics {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger modelCalls = new AtomicInteger();
    private final AtomicLong lag = new AtomicLong();
    private final AtomicInteger buffered = new AtomicInteger();
    private final Timer latency;
    private final Counter retries;
    private final Counter deadLetters;
    private final Counter tokens;
    private final MeterRegistry registry;

    public SamMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("humanchat.sam.in.flight", inFlight::get)
                .description("requests being answered (bounded by HUMANCHAT_SAM_MAX_IN_FLIGHT)")
                .register(registry);
        Gauge.builder("humanchat.sam.model.calls", modelCalls::get)
                .description("Gemini calls under way")
                .register(registry);
        Gauge.builder("humanchat.sam.lag", lag::get)
                .description("records of sam.requests not polled yet by this worker (consumer lag)")
                .register(registry);
        Gauge.builder("humanchat.sam.buffered", buffered::get)
                .description("records polled and waiting for their turn")
                .register(registry);
        this.latency = Timer.builder("humanchat.sam.request.latency")
                .description("from poll to reply produced")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
        this.retries = Counter.builder("humanchat.sam.retries")
                .description("model calls retried (429, 5xx, timeouts)")
                .register(registry);
        this.deadLetters = Counter.builder("humanchat.sam.dlq")
                .description("requests given up on and sent to sam.requests.dlq")
                .register(registry);
        this.tokens = Counter.builder("humanchat.sam.tokens")
                .description("tokens used, from Gemini's usageMetadata")
                .register(registry);
        // Every outcome from the start, so that a rate over it never begins from an absent series.
        for (SamOutcome outcome : SamOutcome.values()) {
            replies(outcome);
        }
    }

    public AtomicInteger inFlight() {
        return inFlight;
    }

    public AtomicInteger modelCalls() {
        return modelCalls;
    }

    public void lag(long records) {
        lag.set(records);
    }

    public void buffered(int records) {
        buffered.set(records);
    }

    public Timer latency() {
        return latency;
    }

    public void retried() {
        retries.increment();
    }

    public void deadLettered() {
        deadLetters.increment();
    }

    public void tokensUsed(long count) {
        tokens.increment(count);
    }

    public void replied(SamOutcome outcome) {
        replies(outcome).increment();
    }

    private Counter replies(SamOutcome outcome) {
        return Counter.builder("humanchat.sam.replies")
                .description("Sam replies by outcome")
                .tag("outcome", outcome.wire())
                .register(registry);
    }
}
