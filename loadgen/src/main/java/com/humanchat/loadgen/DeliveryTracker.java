package com.humanchat.loadgen;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Matches every send to its ack and to one delivery per recipient by {@code clientMessageId}; every delivery still
 * missing when the run ends (or when the send is older than the timeout) is lost.
 *
 * <p>Latencies are taken from the send's <em>intended</em> time (see {@link OpenLoopSchedule}). Sends intended
 * at or before {@code measureFromNanos} are warm-up (the window is half-open, like the schedule's): they are tracked,
 * but only sends of the measured window feed the histograms and the send/ack/delivery/loss counts. Deliveries and
 * losses count per recipient, so a group message to four others is four expected deliveries, each with its own
 * latency. Duplicates, out-of-order deliveries and error frames are counted over the whole run. An entry leaves the
 * in-flight map once it is acked and delivered to all its recipients, when an error frame names it, or when it is
 * older than the timeout, so the map holds about {@code rate × timeout} entries at most. Thread-safe: sockets on
 * different event loops report into one tracker.
 */
final class DeliveryTracker {

    private final long measureFromNanos;
    private final long timeoutNanos;

    private final LinkedHashMap<String, InFlight> inFlight = new LinkedHashMap<>();
    private final Map<StreamKey, SeqStream> streams = new HashMap<>();
    private final Set<String> conversationsOutOfOrder = new HashSet<>();
    private final Map<String, Long> errorsByCode = new TreeMap<>();

    private final Histogram deliveryLatency = LatencySummary.newHistogram();
    private final Histogram ackLatency = LatencySummary.newHistogram();
    private final Histogram schedulerLag = LatencySummary.newHistogram();

    private long attempted;
    private long expectedDeliveries;
    private long warmupSends;
    private long writeFailures;
    private long skippedClosedSocket;
    private long acked;
    private long delivered;
    private long rejected;
    private long duplicates;
    private long outOfOrder;
    private long unmatchedDeliveries;
    private long unmatchedAcks;
    private long duplicateAcks;
    private long deliveriesWithoutSeq;
    private long timedOutUndelivered;
    private long timedOutUnacked;
    private long warmupTimedOutUndelivered;
    private long peakInFlight;
    private long lastMeasuredIssueNanos = Long.MIN_VALUE;
    private long lastMeasuredDeliveryNanos = Long.MIN_VALUE;

    DeliveryTracker(long measureFromNanos, long timeoutNanos) {
        if (timeoutNanos <= 0 || timeoutNanos > TimeUnit.MICROSECONDS.toNanos(LatencySummary.HISTOGRAM_MAX_MICROS)) {
            throw new IllegalArgumentException("timeout must be in (0, 60 s], got " + timeoutNanos + " ns");
        }
        this.measureFromNanos = measureFromNanos;
        this.timeoutNanos = timeoutNanos;
    }

    /**
     * A send about to be written, which {@code recipients} (at least one) should each receive; call it before the
     * write so a fast delivery always finds its entry.
     */
    synchronized void sent(String clientMessageId, int recipients, long intendedNanos, long issuedNanos) {
        if (recipients < 1) {
            throw new IllegalArgumentException("a send needs a recipient, got " + recipients);
        }
        boolean measured = intendedNanos > measureFromNanos;
        inFlight.put(clientMessageId, new InFlight(intendedNanos, measured, recipients));
        peakInFlight = Math.max(peakInFlight, inFlight.size());
        if (measured) {
            attempted++;
            expectedDeliveries += recipients;
            lastMeasuredIssueNanos = Math.max(lastMeasuredIssueNanos, issuedNanos);
            LatencySummary.record(schedulerLag, issuedNanos - intendedNanos);
        } else {
            warmupSends++;
        }
    }

    /** A send not made because its sender's or recipient's socket was already closed (after a 1013, say). */
    synchronized void skipped(long intendedNanos) {
        if (intendedNanos > measureFromNanos) {
            skippedClosedSocket++;
        }
    }

    /** The write never left this process (socket already closed): not the server's loss. */
    synchronized void writeFailed(String clientMessageId) {
        InFlight entry = inFlight.remove(clientMessageId);
        if (entry != null && entry.measured) {
            writeFailures++;
        }
    }

    synchronized void acked(String clientMessageId, long nowNanos) {
        InFlight entry = clientMessageId == null ? null : inFlight.get(clientMessageId);
        if (entry == null) {
            unmatchedAcks++;
            return;
        }
        if (entry.acked) {
            duplicateAcks++;
            return;
        }
        entry.acked = true;
        if (entry.measured) {
            acked++;
            LatencySummary.record(ackLatency, nowNanos - entry.intendedNanos);
        }
        if (entry.undelivered == 0) {
            inFlight.remove(clientMessageId);
        }
    }

    /** A {@code message.new} that reached {@code recipientId} (echoes of one's own sends are not passed here). */
    synchronized void delivered(
            String conversationId, String recipientId, long seq, String clientMessageId, long nowNanos) {
        if (seq < 0) {
            deliveriesWithoutSeq++;
        } else {
            SeqStream stream =
                    streams.computeIfAbsent(new StreamKey(conversationId, recipientId), key -> new SeqStream());
            switch (stream.observe(seq)) {
                case DUPLICATE -> {
                    duplicates++;
                    return;
                }
                case OUT_OF_ORDER -> {
                    outOfOrder++;
                    conversationsOutOfOrder.add(conversationId);
                }
                case IN_ORDER -> {}
            }
        }
        InFlight entry = clientMessageId == null ? null : inFlight.get(clientMessageId);
        if (entry == null || entry.undelivered == 0) {
            unmatchedDeliveries++;
            return;
        }
        entry.undelivered--;
        if (entry.measured) {
            delivered++;
            lastMeasuredDeliveryNanos = Math.max(lastMeasuredDeliveryNanos, nowNanos);
            LatencySummary.record(deliveryLatency, nowNanos - entry.intendedNanos);
        }
        if (entry.acked && entry.undelivered == 0) {
            inFlight.remove(clientMessageId);
        }
    }

    /** An {@code error} frame; when it names a tracked send, that send is settled as rejected. */
    synchronized void error(String code, String clientMessageId) {
        errorsByCode.merge(code == null ? "unknown" : code, 1L, Long::sum);
        InFlight entry = clientMessageId == null ? null : inFlight.remove(clientMessageId);
        if (entry != null && entry.measured) {
            rejected++;
        }
    }

    /**
     * Drops entries intended more than the timeout before {@code nowNanos}, counting their missing deliveries as
     * lost (and the send as unacked if it was); returns how many were dropped. Entries are in send order, so this
     * stops at the first young one.
     */
    synchronized int expire(long nowNanos) {
        int dropped = 0;
        Iterator<InFlight> entries = inFlight.values().iterator();
        while (entries.hasNext()) {
            InFlight entry = entries.next();
            if (nowNanos - entry.intendedNanos <= timeoutNanos) {
                break;
            }
            entries.remove();
            dropped++;
            if (entry.measured) {
                timedOutUndelivered += entry.undelivered;
                timedOutUnacked += entry.acked ? 0 : 1;
            } else {
                warmupTimedOutUndelivered += entry.undelivered;
            }
        }
        return dropped;
    }

    synchronized int inFlight() {
        return inFlight.size();
    }

    /** The figures so far; entries still in flight count as lost/unacked (call it after the drain). */
    synchronized DeliveryStats stats() {
        long lost = timedOutUndelivered;
        long unacked = timedOutUnacked;
        long warmupLost = warmupTimedOutUndelivered;
        for (InFlight entry : inFlight.values()) {
            if (entry.measured) {
                lost += entry.undelivered;
                unacked += entry.acked ? 0 : 1;
            } else {
                warmupLost += entry.undelivered;
            }
        }
        return new DeliveryStats(
                attempted,
                expectedDeliveries,
                warmupSends,
                writeFailures,
                skippedClosedSocket,
                acked,
                delivered,
                rejected,
                lost,
                unacked,
                warmupLost,
                timedOutUndelivered,
                duplicates,
                outOfOrder,
                conversationsOutOfOrder.size(),
                unmatchedDeliveries,
                unmatchedAcks,
                duplicateAcks,
                deliveriesWithoutSeq,
                Collections.unmodifiableMap(new TreeMap<>(errorsByCode)),
                peakInFlight,
                lastMeasuredIssueNanos,
                lastMeasuredDeliveryNanos,
                LatencySummary.of(deliveryLatency),
                LatencySummary.of(ackLatency),
                LatencySummary.of(schedulerLag));
    }

    private record StreamKey(String conversationId, String recipientId) {}

    private static final class InFlight {
        final long intendedNanos;
        final boolean measured;
        boolean acked;
        /** Recipients that have not received it yet. */
        int undelivered;

        InFlight(long intendedNanos, boolean measured, int recipients) {
            this.intendedNanos = intendedNanos;
            this.measured = measured;
            this.undelivered = recipients;
        }
    }

    /**
     * A snapshot of the tracker's counts; "measured" figures only cover sends intended after the warm-up, and
     * deliveries, losses and time-outs count per recipient.
     */
    record DeliveryStats(
            long attempted,
            long expectedDeliveries,
            long warmupSends,
            long writeFailures,
            long skippedClosedSocket,
            long acked,
            long delivered,
            long rejected,
            long lost,
            long unacked,
            long warmupLost,
            long timedOut,
            long duplicates,
            long outOfOrder,
            long conversationsOutOfOrder,
            long unmatchedDeliveries,
            long unmatchedAcks,
            long duplicateAcks,
            long deliveriesWithoutSeq,
            Map<String, Long> errorsByCode,
            long peakInFlight,
            long lastMeasuredIssueNanos,
            long lastMeasuredDeliveryNanos,
            LatencySummary deliveryLatency,
            LatencySummary ackLatency,
            LatencySummary schedulerLag) {}
}
