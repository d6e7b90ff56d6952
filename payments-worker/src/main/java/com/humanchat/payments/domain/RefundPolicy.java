package com.humanchat.payments.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A cancelled paid session is refunded in full when cancelled at least {@code fullRefundBefore} ahead of its start,
 * and not at all after that cutoff; an instant session (no start time) never started, so it is refunded in full.
 */
public record RefundPolicy(Duration fullRefundBefore) {

    public RefundPolicy {
        if (fullRefundBefore.isNegative()) {
            throw new IllegalArgumentException("the cutoff cannot be negative");
        }
    }

    /** What goes back to the payer of {@code paidCents} for a session starting at {@code start}, cancelled at {@code cancelledAt}. */
    public long refundCents(long paidCents, Instant start, Instant cancelledAt) {
        if (start == null || !cancelledAt.isAfter(start.minus(fullRefundBefore))) {
            return paidCents;
        }
        return 0;
    }
}
