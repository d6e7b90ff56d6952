package com.humanchat.loadgen;

/**
 * Send {@code k} goes to pair {@code k mod pairs}; each time a pair's turn comes back its direction flips, so
 * both users of every pair send and receive equally.
 */
record PairRotation(int pairs) {

    PairRotation {
        if (pairs < 1) {
            throw new IllegalArgumentException("need at least one pair, got " + pairs);
        }
    }

    int pairOf(long k) {
        return (int) (k % pairs);
    }

    /** The index (into the user list) of the user who sends message {@code k}: user 2p or 2p+1 of pair p. */
    int senderOf(long k) {
        return 2 * pairOf(k) + (int) ((k / pairs) & 1);
    }

    /** The index of the user who receives message {@code k}: the other user of the same pair. */
    int recipientOf(long k) {
        return senderOf(k) ^ 1;
    }
}
