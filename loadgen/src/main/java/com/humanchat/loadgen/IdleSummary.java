package com.humanchat.loadgen;

import java.util.List;

/**
 * The result of an idle run, printed by {@link Report} and written as JSON; the heap figures are null when
 * {@code /metrics} could not be read.
 */
record IdleSummary(
        String mode,
        String runId,
        String url,
        int requestedSockets,
        int users,
        List<String> sourceAddresses,
        CompressionFigures compression,
        long established,
        long failed,
        List<String> failureSamples,
        double connectSeconds,
        double connectRate,
        LatencySummary connectLatencyMs,
        Long heapBeforeBytes,
        Long heapAfterBytes,
        Long heapPerSocketBytes,
        boolean gcForced,
        long pings,
        long pongs,
        long closes1013,
        long otherCloses,
        int holdSeconds) {}
