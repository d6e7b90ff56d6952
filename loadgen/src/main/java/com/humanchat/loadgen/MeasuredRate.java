package com.humanchat.loadgen;

/**
 * A count per second of the measured window, which is stretched to the last event when that came after the window
 * closed (a late send or delivery); rounded to 0.1/s.
 */
final class MeasuredRate {

    private MeasuredRate() {}

    /** {@code lastEventNanos} is {@code Long.MIN_VALUE} when there was no event. */
    static double of(long count, int windowSeconds, long measureFromNanos, long lastEventNanos) {
        double lastEventSeconds = lastEventNanos == Long.MIN_VALUE ? 0 : (lastEventNanos - measureFromNanos) / 1e9;
        double window = Math.max(windowSeconds, lastEventSeconds);
        return Math.round(count / window * 10) / 10.0;
    }
}
