package com.humanchat.payments.domain;

import java.util.Optional;

/** What a Stripe event says happened to a payment. */
public enum PaymentOutcome {
    SUCCEEDED,
    FAILED,
    REFUNDED;

    /** The outcome a Stripe event type reports; empty for types that change no payment. */
    public static Optional<PaymentOutcome> ofStripeEventType(String type) {
        return switch (type) {
            case "payment_intent.succeeded" -> Optional.of(SUCCEEDED);
            case "payment_intent.payment_failed" -> Optional.of(FAILED);
            default -> Optional.empty();
        };
    }
}
