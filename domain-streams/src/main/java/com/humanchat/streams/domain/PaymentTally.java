package com.humanchat.streams.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * What the metrics topology keeps of one payment that succeeded or was refunded within the revenue window. Every value
 * is absolute (the latest {@code payment.updated} carries the whole payment), so a re-delivered event changes nothing:
 * the success time is set once, the refund time moves only when the refunded amount grows.
 *
 * @param succeededAt when it first showed as succeeded; null if that was not seen (before the window)
 * @param refundedAt when the refunded amount last grew; null if never refunded
 */
public record PaymentTally(
        String currency, long amountCents, long feeCents, long refundedCents, Instant succeededAt, Instant refundedAt) {

    /**
     * The tally after a {@code payment.updated} that says the payment succeeded ({@code refunded} false) or was
     * refunded, with times clamped to {@code now}.
     *
     * @param current the stored tally, null if none
     */
    public static PaymentTally after(
            PaymentTally current,
            boolean refunded,
            String currency,
            long amountCents,
            long feeCents,
            long refundedCents,
            Instant occurredAt,
            Instant now) {
        Instant at = occurredAt.isAfter(now) ? now : occurredAt;
        Instant succeededAt = current == null ? null : current.succeededAt;
        if (!refunded && succeededAt == null) {
            succeededAt = at;
        }
        long refundedSoFar = current == null ? 0 : current.refundedCents;
        Instant refundedAt = current == null ? null : current.refundedAt;
        if (refunded && refundedCents > refundedSoFar) {
            refundedSoFar = refundedCents;
            refundedAt = at;
        }
        return new PaymentTally(currency, amountCents, feeCents, refundedSoFar, succeededAt, refundedAt);
    }

    public boolean succeededWithin(Instant now, Duration window) {
        return within(succeededAt, now, window);
    }

    public boolean refundedWithin(Instant now, Duration window) {
        return within(refundedAt, now, window);
    }

    /** The fee the platform keeps: all of it unless refunded (a refund gives the application fee back). */
    public long keptFeeCents() {
        return refundedCents > 0 ? 0 : feeCents;
    }

    private static boolean within(Instant at, Instant now, Duration window) {
        return at != null && !at.isBefore(now.minus(window));
    }
}
