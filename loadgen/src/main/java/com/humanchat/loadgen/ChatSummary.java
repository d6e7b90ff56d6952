package com.humanchat.loadgen;

import java.util.Map;

/**
 * The result of a chat run, printed by {@link Report} and written as JSON; counts cover the measured window
 * unless named otherwise, and deliveries count per recipient (see README.md for what each one means).
 */
record ChatSummary(
        String mode,
        String runId,
        String url,
        int users,
        int conversationsPerUser,
        long directConversations,
        long groupConversations,
        int groupSize,
        CompressionFigures compression,
        double targetRate,
        int warmupSeconds,
        int durationSeconds,
        int drainSeconds,
        long attempted,
        double achievedSendRate,
        long expectedDeliveries,
        long delivered,
        double deliveredRate,
        long acked,
        long lost,
        long unacked,
        long rejected,
        long writeFailures,
        long skippedClosedSocket,
        long duplicates,
        long outOfOrder,
        long conversationsOutOfOrder,
        long unmatchedDeliveries,
        long unmatchedAcks,
        long duplicateAcks,
        long deliveriesWithoutSeq,
        long echoes,
        Map<String, Long> errorsByCode,
        long closes1013,
        long otherCloses,
        long warmupSends,
        long warmupLost,
        long timedOut,
        long peakInFlight,
        long inFlightBound,
        long sendsOnFullWriteQueue,
        LatencySummary latencyMs,
        LatencySummary ackLatencyMs,
        LatencySummary schedulerLagMs) {}
