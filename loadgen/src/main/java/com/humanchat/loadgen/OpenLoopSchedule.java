package com.humanchat.loadgen;

/**
 * Send {@code k} of an open-loop run is intended at {@code start + (k + 1) / rate}, whatever happened to the
 * sends before it.
 *
 * <p>Latency is measured from this intended time, not from the moment the send was actually issued, so a
 * stalled generator or server shows up as latency instead of silently lowering the offered load (coordinated
 * omission).
 */
final class OpenLoopSchedule {

    private static final double NANOS_PER_SECOND = 1_000_000_000.0;

    private final long startNanos;
    private final double nanosPerSend;
    private final long totalSends;

    OpenLoopSchedule(long startNanos, double ratePerSecond, long totalSends) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be a positive number, got " + ratePerSecond);
        }
        if (totalSends < 0) {
            throw new IllegalArgumentException("totalSends must be >= 0, got " + totalSends);
        }
        this.startNanos = startNanos;
        this.nanosPerSend = NANOS_PER_SECOND / ratePerSecond;
        this.totalSends = totalSends;
    }

    /** How many sends a run of {@code seconds} at {@code ratePerSecond} makes (rounded to the nearest send). */
    static long sendsFor(double ratePerSecond, double seconds) {
        return Math.round(ratePerSecond * seconds);
    }

    long startNanos() {
        return startNanos;
    }

    long totalSends() {
        return totalSends;
    }

    /** The time send {@code k} (0-based) is due; non-decreasing in {@code k}. */
    long intendedNanos(long k) {
        return startNanos + (long) ((k + 1) * nanosPerSend);
    }

    /** The time the last send is due, or the start if the run has no sends. */
    long endNanos() {
        return totalSends == 0 ? startNanos : intendedNanos(totalSends - 1);
    }

    /**
     * The number of sends whose intended time is at or before {@code nowNanos}, capped at the total: the
     * caller issues sends {@code [alreadyIssued, dueBy(now))} on each tick, however late the tick is.
     */
    long dueBy(long nowNanos) {
        if (nowNanos < startNanos) {
            return 0;
        }
        long estimate = (long) Math.floor((nowNanos - startNanos) / nanosPerSend);
        long due = Math.min(Math.max(estimate, 0), totalSends);
        // The estimate can be off by one from rounding; settle it against intendedNanos so both always agree.
        while (due > 0 && intendedNanos(due - 1) > nowNanos) {
            due--;
        }
        while (due < totalSends && intendedNanos(due) <= nowNanos) {
            due++;
        }
        return due;
    }
}
