package com.humanchat.schemas.sessions;

import com.humanchat.schemas.config.EnvironmentReader;
import com.humanchat.schemas.config.Settings;
import java.time.Duration;
import java.time.Instant;

/**
 * What cancelling a paid session, or a no-show, gives back to its payer. A session confirmed (paid) is refunded in full when
 * cancelled at least {@code fullRefundBefore} ahead of its start, and not at all after that cutoff; a session
 * cancelled before it was confirmed, and an instant session (no start time, it never started), are refunded in full.
 * The one rule the payments worker refunds by and the edge previews a cancellation with
 * ({@code GET /api/sessions/:id/cancellation}), so what a participant is told is what happens.
 */
public record RefundPolicy(Duration fullRefundBefore) {

    /** The variable both the edge and the payments worker read the cutoff from. */
    public static final String VARIABLE = Settings.REFUND_FULL_BEFORE_HOURS.name();

    public static final int DEFAULT_HOURS = Settings.REFUND_FULL_BEFORE_HOURS.intDefault();

    /** What a cancellation gives back, and why, in words for people. */
    public record Refund(long amountCents, String currency, String why) {

        /** {@code "12.34 USD"}: the amount refunded in major units. */
        public String amount() {
            return Money.of(amountCents, currency).display();
        }

        /** The thread's note once refunded: {@code "Refunded 25.00 USD: …"} or {@code "No refund: …"}. */
        public String notice() {
            return amountCents > 0 ? "Refunded " + amount() + ": " + why : "No refund: " + why;
        }
    }

    public RefundPolicy {
        if (fullRefundBefore.isNegative()) {
            throw new IllegalArgumentException("the cutoff cannot be negative");
        }
    }

    /** The cutoff of {@link #VARIABLE} (hours, 0 to a year, default 24); a bad value is reported by {@code reader}. */
    public static RefundPolicy fromEnv(EnvironmentReader reader) {
        return new RefundPolicy(Duration.ofHours(reader.integer(VARIABLE, DEFAULT_HOURS, 0, 24 * 365)));
    }

    /**
     * What goes back to the payer of {@code paidCents} for a session in {@code status} starting at {@code start},
     * cancelled at {@code cancelledAt}.
     */
    public Refund refund(long paidCents, String currency, SessionStatus status, Instant start, Instant cancelledAt) {
        if (status != SessionStatus.CONFIRMED) {
            return new Refund(paidCents, currency, "cancelled before the session was confirmed");
        }
        if (start == null) {
            return new Refund(paidCents, currency, "an instant session that never started");
        }
        long hours = fullRefundBefore.toHours();
        if (!cancelledAt.isAfter(start.minus(fullRefundBefore))) {
            return new Refund(paidCents, currency, "cancelled at least " + hours + " h before the start");
        }
        return new Refund(0, currency, "cancelled less than " + hours + " h before the start");
    }

    /**
     * What goes back to the guest of a session marked a no-show: everything when the guest waited (the host never
     * came), nothing when the host waited (the guest never came).
     */
    public Refund noShow(long paidCents, String currency, boolean markedByGuest) {
        return markedByGuest
                ? new Refund(paidCents, currency, "the host did not come to the session")
                : new Refund(0, currency, "the guest did not come to the session");
    }
}
