package com.humanchat.loadgen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Matches each typing or presence send to the frame its pair's receiver gets, first in first out per (pair, kind);
 * the values a sender sends alternate, so a frame that carries the value after the oldest pending one's shows that
 * the oldest one was dropped.
 *
 * <p>The sends of a (pair, kind) alternate {@code true, false, true, …} (the caller maps them to {@code isTyping}, or
 * to {@code away}/{@code online}). When a frame does not carry the oldest pending value, the oldest send was
 * overtaken (dropped) and the frame belongs to the next one; if there is no next one, the frame is a stray (a
 * duplicate, a republished status) and is counted as unexpected instead of being attributed. An even run of drops
 * cannot be told by value: the following frames then match sends two places early (their latency is overstated by
 * the pair's send interval) and the count comes out right when the last two sends are left unmatched. Sends older
 * than the timeout, and sends unmatched at the end, never arrived.
 *
 * <p>Latency runs from the send's <em>intended</em> time (see {@link OpenLoopSchedule}); only sends intended after
 * {@code measureFromNanos} count towards the figures, as in {@link DeliveryTracker}. Thread-safe.
 */
final class SignalTracker {

    /** What a send changes: one of the two ephemeral signals of DESIGN.md §5. */
    enum Kind {
        TYPING,
        PRESENCE
    }

    /** One send waiting for its frame; the frame must carry {@link #value()}. */
    static final class Pending {
        private final long intendedNanos;
        private final boolean value;
        private final boolean measured;

        private Pending(long intendedNanos, boolean value, boolean measured) {
            this.intendedNanos = intendedNanos;
            this.value = value;
            this.measured = measured;
        }

        boolean value() {
            return value;
        }
    }

    private final int pairs;
    private final long measureFromNanos;
    private final long timeoutNanos;
    private final List<ArrayDeque<Pending>> queues;
    private final boolean[] lastSent;
    private final Counts[] counts = {new Counts(), new Counts()};
    private final Histogram schedulerLag = LatencySummary.newHistogram();

    private long skippedClosedSocket;
    private long warmupSent;
    private long warmupReceived;
    private long pending;
    private long peakPending;
    private long lastMeasuredSendNanos = Long.MIN_VALUE;
    private long lastMeasuredReceiveNanos = Long.MIN_VALUE;

    SignalTracker(int pairs, long measureFromNanos, long timeoutNanos) {
        if (pairs < 1) {
            throw new IllegalArgumentException("need at least one pair, got " + pairs);
        }
        if (timeoutNanos <= 0 || timeoutNanos > TimeUnit.MICROSECONDS.toNanos(LatencySummary.HISTOGRAM_MAX_MICROS)) {
            throw new IllegalArgumentException("timeout must be in (0, 60 s], got " + timeoutNanos + " ns");
        }
        this.pairs = pairs;
        this.measureFromNanos = measureFromNanos;
        this.timeoutNanos = timeoutNanos;
        int slots = pairs * Kind.values().length;
        this.queues = new ArrayList<>(slots);
        for (int i = 0; i < slots; i++) {
            queues.add(new ArrayDeque<>());
        }
        this.lastSent = new boolean[slots];
    }

    /** A send about to be written; call it before the write so a fast frame finds its entry. */
    synchronized Pending sent(int pair, Kind kind, long intendedNanos, long issuedNanos) {
        int slot = slot(pair, kind);
        boolean value = !lastSent[slot];
        lastSent[slot] = value;
        Pending entry = new Pending(intendedNanos, value, intendedNanos > measureFromNanos);
        queues.get(slot).addLast(entry);
        peakPending = Math.max(peakPending, ++pending);
        if (entry.measured) {
            counts[kind.ordinal()].sent++;
            lastMeasuredSendNanos = Math.max(lastMeasuredSendNanos, issuedNanos);
            LatencySummary.record(schedulerLag, issuedNanos - intendedNanos);
        } else {
            warmupSent++;
        }
        return entry;
    }

    /** A send not made because the sender's or the receiver's socket had already closed. */
    synchronized void skipped(long intendedNanos) {
        if (intendedNanos > measureFromNanos) {
            skippedClosedSocket++;
        }
    }

    /** The write never left this process: the send is not waited for (and not the server's drop). */
    synchronized void writeFailed(int pair, Kind kind, Pending entry) {
        if (queues.get(slot(pair, kind)).removeFirstOccurrence(entry)) {
            pending--;
            if (entry.measured) {
                counts[kind.ordinal()].writeFailures++;
            }
        }
    }

    /** A frame of {@code kind} from pair's sender reached its receiver; {@code value} is null if no send carries it. */
    synchronized void received(int pair, Kind kind, Boolean value, long nowNanos) {
        Counts kindCounts = counts[kind.ordinal()];
        ArrayDeque<Pending> queue = queues.get(slot(pair, kind));
        Pending head = queue.peekFirst();
        if (value == null || head == null) {
            kindCounts.unexpected++;
            return;
        }
        if (head.value != value) {
            Iterator<Pending> oldestFirst = queue.iterator();
            oldestFirst.next();
            if (!oldestFirst.hasNext()) {
                kindCounts.unexpected++;
                return;
            }
            queue.pollFirst();
            pending--;
            if (head.measured) {
                kindCounts.overtaken++;
            }
            head = queue.peekFirst(); // carries value: the sends alternate
        }
        queue.pollFirst();
        pending--;
        if (head.measured) {
            kindCounts.received++;
            lastMeasuredReceiveNanos = Math.max(lastMeasuredReceiveNanos, nowNanos);
            LatencySummary.record(kindCounts.latency, nowNanos - head.intendedNanos);
        } else {
            warmupReceived++;
        }
    }

    /** Gives up on sends intended more than the timeout before {@code nowNanos}; returns how many. */
    synchronized int expire(long nowNanos) {
        int expired = 0;
        for (int slot = 0; slot < queues.size(); slot++) {
            ArrayDeque<Pending> queue = queues.get(slot);
            while (!queue.isEmpty() && nowNanos - queue.peekFirst().intendedNanos > timeoutNanos) {
                Pending entry = queue.pollFirst();
                pending--;
                expired++;
                if (entry.measured) {
                    counts[slot / pairs].timedOut++;
                }
            }
        }
        return expired;
    }

    /** Sends still waiting for their frame. */
    synchronized long pending() {
        return pending;
    }

    /** The figures so far; sends still pending count as never arrived (call it after the drain). */
    synchronized SignalStats stats() {
        long[] stillPending = new long[counts.length];
        for (int slot = 0; slot < queues.size(); slot++) {
            for (Pending entry : queues.get(slot)) {
                stillPending[slot / pairs] += entry.measured ? 1 : 0;
            }
        }
        return new SignalStats(
                counts[Kind.TYPING.ordinal()].stats(stillPending[Kind.TYPING.ordinal()]),
                counts[Kind.PRESENCE.ordinal()].stats(stillPending[Kind.PRESENCE.ordinal()]),
                skippedClosedSocket,
                warmupSent,
                warmupReceived,
                peakPending,
                lastMeasuredSendNanos,
                lastMeasuredReceiveNanos,
                LatencySummary.of(schedulerLag));
    }

    private int slot(int pair, Kind kind) {
        if (pair < 0 || pair >= pairs) {
            throw new IllegalArgumentException("no pair " + pair + " of " + pairs);
        }
        return kind.ordinal() * pairs + pair;
    }

    private static final class Counts {
        final Histogram latency = LatencySummary.newHistogram();
        long sent;
        long received;
        long overtaken;
        long timedOut;
        long writeFailures;
        long unexpected;

        KindStats stats(long stillPending) {
            long neverArrived = timedOut + stillPending;
            return new KindStats(
                    sent,
                    received,
                    overtaken + neverArrived,
                    overtaken,
                    neverArrived,
                    writeFailures,
                    unexpected,
                    LatencySummary.of(latency));
        }
    }

    /**
     * One kind's figures over the measured window (unexpected frames: whole run); {@code dropped} is overtaken plus
     * never arrived, so {@code sent = received + dropped + writeFailures} once nothing is pending.
     */
    record KindStats(
            long sent,
            long received,
            long dropped,
            long overtaken,
            long neverArrived,
            long writeFailures,
            long unexpectedFrames,
            LatencySummary latencyMs) {}

    /** A snapshot of the tracker: both kinds, and what concerns every send. */
    record SignalStats(
            KindStats typing,
            KindStats presence,
            long skippedClosedSocket,
            long warmupSent,
            long warmupReceived,
            long peakPending,
            long lastMeasuredSendNanos,
            long lastMeasuredReceiveNanos,
            LatencySummary schedulerLag) {}
}
