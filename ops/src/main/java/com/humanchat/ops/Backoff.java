package com.humanchat.ops;

import java.time.Duration;

/** Bounded exponential backoff: the first wait is {@code min}, each next one doubles, never beyond {@code max}. */
public final class Backoff {

    private final Duration min;
    private final Duration max;
    private Duration next;
    private int attempts;

    public Backoff(Duration min, Duration max) {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("need 0 < min <= max, got " + min + " and " + max);
        }
        this.min = min;
        this.max = max;
        this.next = min;
    }

    /** The wait before the next attempt; doubles the one after it. */
    public Duration next() {
        Duration current = next;
        attempts++;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current;
    }

    /** How many waits {@link #next()} handed out since the last success. */
    public int attempts() {
        return attempts;
    }

    public void reset() {
        next = min;
        attempts = 0;
    }
}
