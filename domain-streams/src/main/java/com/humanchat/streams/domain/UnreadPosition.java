package com.humanchat.streams.domain;

/**
 * One member's position in one conversation; {@code unread = lastSeq − lastReadSeq}. Both values only grow, so merging
 * two positions takes the larger of each: applying the same position twice, or an older one after a newer one, changes
 * nothing.
 */
public record UnreadPosition(long lastSeq, long lastReadSeq) {

    public static final UnreadPosition ZERO = new UnreadPosition(0, 0);

    public UnreadPosition {
        if (lastSeq < 0 || lastReadSeq < 0) {
            throw new IllegalArgumentException("positions are never negative");
        }
    }

    public long unread() {
        return Math.max(0, lastSeq - lastReadSeq);
    }

    public UnreadPosition merge(UnreadPosition other) {
        return new UnreadPosition(Math.max(lastSeq, other.lastSeq), Math.max(lastReadSeq, other.lastReadSeq));
    }

    /** True if this position is at or beyond {@code other} in both values. */
    public boolean covers(UnreadPosition other) {
        return lastSeq >= other.lastSeq && lastReadSeq >= other.lastReadSeq;
    }
}
