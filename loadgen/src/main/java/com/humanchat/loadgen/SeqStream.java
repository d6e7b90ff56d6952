package com.humanchat.loadgen;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * One recipient's view of one conversation: a {@code seq} seen before is a duplicate, a new {@code seq} below the
 * highest one seen is out of order.
 *
 * <p>Seen seqs are kept in a bit set offset from the first seq seen (dense, a bit per message); seqs below that
 * first one or implausibly far above it go to a small overflow set.
 */
final class SeqStream {

    /** What one delivery was, relative to the deliveries seen before it on this stream. */
    enum Observation {
        IN_ORDER,
        OUT_OF_ORDER,
        DUPLICATE
    }

    private static final long MAX_DENSE_OFFSET = 1L << 24;

    private long base = Long.MIN_VALUE;
    private long highest = Long.MIN_VALUE;
    private final BitSet dense = new BitSet();
    private Set<Long> sparse;

    Observation observe(long seq) {
        if (base == Long.MIN_VALUE) {
            base = seq;
        }
        if (!markSeen(seq)) {
            return Observation.DUPLICATE;
        }
        if (seq < highest) {
            return Observation.OUT_OF_ORDER;
        }
        highest = seq;
        return Observation.IN_ORDER;
    }

    /** Records {@code seq}; false if it was already recorded. */
    private boolean markSeen(long seq) {
        long offset = seq - base;
        if (offset >= 0 && offset < MAX_DENSE_OFFSET) {
            int index = (int) offset;
            if (dense.get(index)) {
                return false;
            }
            dense.set(index);
            return true;
        }
        if (sparse == null) {
            sparse = new HashSet<>();
        }
        return sparse.add(seq);
    }
}
