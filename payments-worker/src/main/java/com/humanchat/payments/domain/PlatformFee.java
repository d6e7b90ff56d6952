package com.humanchat.payments.domain;

/** The platform's cut of a payment in basis points (1/100 of a percent), rounded down to the minor unit. */
public record PlatformFee(int basisPoints) {

    public static final int MAX_BASIS_POINTS = 10_000;

    public PlatformFee {
        if (basisPoints < 0 || basisPoints > MAX_BASIS_POINTS) {
            throw new IllegalArgumentException(
                    "basis points must be 0 to " + MAX_BASIS_POINTS + ", was " + basisPoints);
        }
    }

    /** The fee of {@code amountCents} (Stripe's {@code application_fee_amount}); never more than the amount. */
    public long of(long amountCents) {
        if (amountCents < 0) {
            throw new IllegalArgumentException("a negative amount has no fee");
        }
        return Math.multiplyExact(amountCents, (long) basisPoints) / MAX_BASIS_POINTS;
    }
}
