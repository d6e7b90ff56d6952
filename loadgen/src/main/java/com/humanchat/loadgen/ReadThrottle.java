package com.humanchat.loadgen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.PriorityQueue;

/**
 * Read receipts the way a client on screen sends them: a recipient marks a conversation read up to the highest seq
 * it has received, at once when it has not done so within the interval, else once the interval since its last read
 * has passed; so at most one read per (recipient, conversation) per interval, and never one that does not move the
 * position forward. Keys are whatever identifies a recipient's conversation. Thread-safe.
 */
final class ReadThrottle<K> {

    /** A read to send now: mark {@code key}'s conversation read up to {@code seq}. */
    record Read<K>(K key, long seq) {}

    private final long intervalNanos;
    private final Map<K, Position> positions = new HashMap<>();
    private final PriorityQueue<Deferred<K>> deferred = new PriorityQueue<>();

    ReadThrottle(long intervalNanos) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("the interval must be positive, got " + intervalNanos + " ns");
        }
        this.intervalNanos = intervalNanos;
    }

    /**
     * A delivery of {@code seq} to {@code key}'s recipient: the seq to mark read now, or empty when the read waits
     * for {@link #due} (or the position is already past it).
     */
    synchronized OptionalLong delivered(K key, long seq, long nowNanos) {
        Position position = positions.get(key);
        if (position == null) {
            positions.put(key, new Position(nowNanos, seq));
            return OptionalLong.of(seq);
        }
        if (seq <= position.readSeq || seq <= position.waitingSeq) {
            return OptionalLong.empty();
        }
        if (position.waitingSeq < 0 && nowNanos - position.readNanos >= intervalNanos) {
            position.read(nowNanos, seq);
            return OptionalLong.of(seq);
        }
        if (position.waitingSeq < 0) {
            deferred.add(new Deferred<>(position.readNanos + intervalNanos, key));
        }
        position.waitingSeq = seq;
        return OptionalLong.empty();
    }

    /** The reads whose interval has passed by {@code nowNanos}, each to the highest seq received meanwhile. */
    synchronized List<Read<K>> due(long nowNanos) {
        List<Read<K>> reads = new ArrayList<>();
        while (!deferred.isEmpty() && deferred.peek().dueNanos() <= nowNanos) {
            K key = deferred.poll().key();
            Position position = positions.get(key);
            reads.add(new Read<>(key, position.waitingSeq));
            position.read(nowNanos, position.waitingSeq);
        }
        return reads;
    }

    private static final class Position {
        long readNanos;
        long readSeq;
        /** The highest seq received since the last read, -1 when none is waiting. */
        long waitingSeq = -1;

        Position(long readNanos, long readSeq) {
            this.readNanos = readNanos;
            this.readSeq = readSeq;
        }

        void read(long nowNanos, long seq) {
            readNanos = nowNanos;
            readSeq = seq;
            waitingSeq = -1;
        }
    }

    private record Deferred<K>(long dueNanos, K key) implements Comparable<Deferred<K>> {
        @Override
        public int compareTo(Deferred<K> other) {
            return Long.compare(dueNanos, other.dueNanos);
        }
    }
}
