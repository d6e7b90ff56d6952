package com.humanchat.loadgen;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** Percentiles of a microsecond histogram, in milliseconds; all zero when nothing was recorded. */
record LatencySummary(long count, double p50, double p90, double p99, double p999, double max, double mean) {

    /** Highest latency a histogram records (a larger one is recorded as this); no timeout is longer. */
    static final long HISTOGRAM_MAX_MICROS = TimeUnit.SECONDS.toMicros(60);

    /** A histogram of 1 µs to {@link #HISTOGRAM_MAX_MICROS} with three significant digits. */
    static Histogram newHistogram() {
        return new Histogram(HISTOGRAM_MAX_MICROS, 3);
    }

    /** Records a duration in nanoseconds as microseconds, clamped to {@code [0, HISTOGRAM_MAX_MICROS]}. */
    static void record(Histogram micros, long nanos) {
        long value = Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos));
        micros.recordValue(Math.min(value, HISTOGRAM_MAX_MICROS));
    }

    static LatencySummary of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0);
        }
        return new LatencySummary(
                micros.getTotalCount(),
                millis(micros.getValueAtPercentile(50)),
                millis(micros.getValueAtPercentile(90)),
                millis(micros.getValueAtPercentile(99)),
                millis(micros.getValueAtPercentile(99.9)),
                millis(micros.getMaxValue()),
                Math.round(micros.getMean()) / 1000.0);
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
