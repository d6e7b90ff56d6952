package com.humanchat.ops;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Whether a consumer loop is alive, for {@code /health/live}: it is while it has polled within {@code bound} (the
 * consumer's {@code max.poll.interval.ms}: a consumer that has not polled that long has left its group anyway) and has
 * not ended. A loop that ended on a failure it did not survive, or that hangs between two polls, is dead — the process
 * answers 503 on {@code /health/live} and the orchestrator restarts it, instead of it running on without consuming.
 *
 * <pre>{@code
 * try {
 *     while (running) {
 *         records = consumer.poll(timeout);
 *         heartbeat.beat();
 *         …
 *     }
 * } finally {
 *     heartbeat.ended();
 * }
 * }</pre>
 */
public final class LoopHeartbeat {

    private final long boundNanos;
    private final LongSupplier nanoTime;
    private volatile long lastBeatNanos;
    private volatile boolean ended;

    public LoopHeartbeat(Duration bound) {
        this(bound, System::nanoTime);
    }

    LoopHeartbeat(Duration bound, LongSupplier nanoTime) {
        if (bound.isNegative() || bound.isZero()) {
            throw new IllegalArgumentException("the bound must be positive, got " + bound);
        }
        this.boundNanos = bound.toNanos();
        this.nanoTime = nanoTime;
        this.lastBeatNanos = nanoTime.getAsLong();
    }

    /** The loop came back from a poll. */
    public void beat() {
        lastBeatNanos = nanoTime.getAsLong();
    }

    /** The loop ended: it is dead from now on, whatever the reason. */
    public void ended() {
        ended = true;
    }

    /** True while the loop has not ended and polled within the bound (counted from its start before the first poll). */
    public boolean isAlive() {
        return !ended && nanoTime.getAsLong() - lastBeatNanos < boundNanos;
    }
}
