package com.humanchat.sam.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * The records of a consumer's partitions between poll and commit: a bounded buffer of records not started yet, at most
 * one record under way per conversation (a conversation's records all live in one partition, so the next one starts
 * only once the one before it is done), and per partition the offset up to which every record is done. Not thread-safe:
 * the consumer's thread owns it.
 *
 * @param <P> the partition type
 * @param <T> what a record carries
 */
public final class ConversationLanes<P, T> {

    /** A record waiting or under way. */
    public record Entry<P, T>(P partition, long offset, String conversation, T payload) {}

    private final int capacity;
    private final Map<P, Lane<T>> lanes = new HashMap<>();
    private int buffered;

    private static final class Lane<T> {
        final Deque<Entry<?, T>> waiting = new ArrayDeque<>();
        final Set<String> busy = new HashSet<>();
        /** Offsets received and not committed yet: true once done. */
        final TreeMap<Long, Boolean> outstanding = new TreeMap<>();

        long committable = -1;
    }

    /** @param capacity records that may wait, over every partition */
    public ConversationLanes(int capacity) {
        this.capacity = capacity;
    }

    /** Room for this many more records before the buffer is full. */
    public int room() {
        return capacity - buffered;
    }

    public int buffered() {
        return buffered;
    }

    public void assign(P partition) {
        lanes.putIfAbsent(partition, new Lane<>());
    }

    /** Forgets a partition (revoked): its waiting records leave the buffer; work under way on it is ignored. */
    public void revoke(P partition) {
        Lane<T> lane = lanes.remove(partition);
        if (lane != null) {
            buffered -= lane.waiting.size();
        }
    }

    /** Buffers a record; fails when the buffer is full (the caller pauses before that happens). */
    public void add(P partition, long offset, String conversation, T payload) {
        if (buffered >= capacity) {
            throw new IllegalStateException("the buffer of " + capacity + " records is full");
        }
        Lane<T> lane = lanes.get(partition);
        if (lane == null) {
            return;
        }
        lane.waiting.addLast(new Entry<>(partition, offset, conversation, payload));
        lane.outstanding.put(offset, false);
        buffered++;
    }

    /**
     * Takes up to {@code limit} records that may start now, oldest first per partition: a record starts only when no
     * earlier record of its conversation is waiting or under way. Their conversations are busy until {@link #done}.
     */
    @SuppressWarnings("unchecked")
    public List<Entry<P, T>> startable(int limit) {
        List<Entry<P, T>> started = new ArrayList<>();
        for (Lane<T> lane : lanes.values()) {
            Set<String> blocked = new HashSet<>(lane.busy);
            Iterator<Entry<?, T>> waiting = lane.waiting.iterator();
            while (waiting.hasNext() && started.size() < limit) {
                Entry<P, T> entry = (Entry<P, T>) waiting.next();
                if (blocked.add(entry.conversation())) {
                    waiting.remove();
                    lane.busy.add(entry.conversation());
                    started.add(entry);
                    buffered--;
                }
            }
        }
        return started;
    }

    /** A started record is done (replied to or dead-lettered): its conversation may go on. */
    public void done(Entry<P, T> entry) {
        Lane<T> lane = lanes.get(entry.partition());
        if (lane == null) {
            return;
        }
        lane.busy.remove(entry.conversation());
        lane.outstanding.computeIfPresent(entry.offset(), (offset, wasDone) -> true);
        while (!lane.outstanding.isEmpty() && lane.outstanding.firstEntry().getValue()) {
            lane.committable = lane.outstanding.pollFirstEntry().getKey() + 1;
        }
    }

    /** The offset to commit for a partition (every record before it is done), once per advance; empty otherwise. */
    public OptionalLong takeCommittable(P partition) {
        Lane<T> lane = lanes.get(partition);
        if (lane == null || lane.committable < 0) {
            return OptionalLong.empty();
        }
        long offset = lane.committable;
        lane.committable = -1;
        return OptionalLong.of(offset);
    }

    public Set<P> partitions() {
        return Set.copyOf(lanes.keySet());
    }
}
