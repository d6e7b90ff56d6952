package com.humanchat.payments.domain;

/**
 * What one Stripe event tells the worker, read out of Stripe's objects by {@code stripe.StripeEventReader}: the few
 * facts the worker acts on, and {@link Ignored} for every other event, which is only recorded as seen.
 */
public sealed interface StripeFact {

    /** {@code payment_intent.succeeded}: the payer paid. */
    record PaymentSucceeded(String paymentIntentId) implements StripeFact {}

    /**
     * {@code payment_intent.payment_failed}: the attempt failed; the payer may retry with another card.
     *
     * @param reason Stripe's message for the payer ({@code last_payment_error.message}, e.g. "Your card was declined.")
     */
    record PaymentFailed(String paymentIntentId, String reason) implements StripeFact {}

    /**
     * {@code account.updated}: a connected account as it is now.
     *
     * @param created when Stripe created the event (epoch seconds): a later update wins, whatever order they arrive in
     */
    record AccountChanged(AccountState account, long created) implements StripeFact {}

    /** Any other event type (e.g. {@code charge.refunded}): nothing of the ledger changes. */
    record Ignored() implements StripeFact {}
}
