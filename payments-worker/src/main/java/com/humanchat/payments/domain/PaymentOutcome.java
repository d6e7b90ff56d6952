package com.humanchat.payments.domain;

/** What happened to a payment — what a Stripe event says, or the worker's own refund or cancellation. */
public enum PaymentOutcome {
    SUCCEEDED,
    FAILED,
    REFUNDED
}
