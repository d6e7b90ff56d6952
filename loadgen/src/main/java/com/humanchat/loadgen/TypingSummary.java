package com.humanchat.loadgen;

import java.util.Map;

/**
 * The result of a typing run, printed by {@link Report} and written as JSON; counts cover the measured window unless
 * named otherwise (see README.md for what each one means).
 */
record TypingSummary(
        String mode,
        String runId,
        String url,
        String receiverUrl,
        int pairs,
        CompressionFigures compression,
        double targetRate,
        double presenceShare,
        int warmupSeconds,
        int durationSeconds,
        int drainSeconds,
        int receiversReady,
        double readySeconds,
        long sent,
        double achievedSendRate,
        long received,
        double receivedRate,
        long dropped,
        long writeFailures,
        long skippedClosedSocket,
        long sendsOnFullWriteQueue,
        SignalTracker.KindStats typing,
        SignalTracker.KindStats presence,
        long foreignFrames,
        Map<String, Long> errorsByCode,
        long closes1013,
        long otherCloses,
        long warmupSent,
        long warmupReceived,
        long peakPending,
        LatencySummary schedulerLagMs) {}
