package com.humanchat.streams.domain;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles of a sample: the smallest value at or above {@code p} percent of the sample. */
public final class Percentiles {

    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    public static Percentiles of(Collection<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Percentiles(sorted);
    }

    public int size() {
        return sorted.length;
    }

    /** The {@code p}-th percentile (0 < p ≤ 100), null for an empty sample. */
    public Long at(double p) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
