package com.humanchat.streams.projector;

import java.time.Duration;

/** Bounded exponential backoff: the first wait is {@code min}, each next one doubles, never beyond {@code max}. */
final class Backoff {

    private final Duration min;
    private final Duration max;
    private Duration next;
    private int attempts;

    Backoff(Duration min, Duration max) {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("need 0 < min <= max, got " + min + " and " + max);
        }
        this.min = min;
        this.max = max;
        this.next = min;
    }

    /** The wait before the next attempt; doubles the one after it. */
    Duration next() {
        Duration current = next;
        attempts++;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current;
    }

    /** How many waits {@link #next()} handed out since the last success. */
    int attempts() {
        return attempts;
    }

    void reset() {
        next = min;
        attempts = 0;
    }
}
