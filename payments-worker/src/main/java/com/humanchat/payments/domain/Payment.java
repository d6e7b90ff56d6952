package com.humanchat.payments.domain;

import com.humanchat.schemas.payments.PaymentKind;
import com.humanchat.schemas.payments.PaymentStatus;
import com.humanchat.schemas.sessions.Money;
import java.util.Optional;
import java.util.UUID;

/**
 * A payment in the ledger and its state machine: {@code pending → succeeded | failed}, {@code failed → succeeded}
 * (the payer retried with another card), {@code succeeded → refunded}. Anything else — a duplicate, a stale
 * {@code payment_failed} after the success, a second refund — changes nothing, so events applied in any order and any
 * number of times leave one result.
 *
 * @param sessionId the paid (or tipped) session, null if none
 * @param conversationId the conversation a donation is shown in, null if none
 * @param stripePaymentIntentId null until the PaymentIntent exists
 */
public record Payment(
        UUID paymentId,
        PaymentKind kind,
        UUID sessionId,
        UUID conversationId,
        UUID payerUserId,
        UUID payeeUserId,
        long amountCents,
        String currency,
        long feeCents,
        long refundedCents,
        PaymentStatus status,
        String stripePaymentIntentId) {

    /** A new payment of {@code price}, pending, with the platform's fee and no PaymentIntent yet. */
    public static Payment draft(
            UUID paymentId,
            PaymentKind kind,
            UUID sessionId,
            UUID conversationId,
            UUID payerUserId,
            UUID payeeUserId,
            Money price,
            PlatformFee fee) {
        return new Payment(
                paymentId,
                kind,
                sessionId,
                conversationId,
                payerUserId,
                payeeUserId,
                price.amountCents(),
                price.currency(),
                fee.of(price.amountCents()),
                0,
                PaymentStatus.PENDING,
                null);
    }

    /** The payment with its PaymentIntent. */
    public Payment withIntent(String paymentIntentId) {
        return copy(status, refundedCents, paymentIntentId);
    }

    /** The payment after {@code outcome}, empty when the outcome changes nothing from this status. */
    public Optional<Payment> after(PaymentOutcome outcome) {
        PaymentStatus next =
                switch (outcome) {
                    case SUCCEEDED ->
                        status == PaymentStatus.PENDING || status == PaymentStatus.FAILED
                                ? PaymentStatus.SUCCEEDED
                                : null;
                    case FAILED -> status == PaymentStatus.PENDING ? PaymentStatus.FAILED : null;
                    case REFUNDED -> status == PaymentStatus.SUCCEEDED ? PaymentStatus.REFUNDED : null;
                };
        return Optional.ofNullable(next).map(this::withStatus);
    }

    /** The payment refunded by {@code cents}, empty unless it is succeeded and {@code cents} is within what was paid. */
    public Optional<Payment> refunded(long cents) {
        if (cents <= 0 || cents > amountCents) {
            return Optional.empty();
        }
        return after(PaymentOutcome.REFUNDED).map(p -> p.copy(p.status(), cents, stripePaymentIntentId));
    }

    private Payment withStatus(PaymentStatus next) {
        return copy(next, refundedCents, stripePaymentIntentId);
    }

    private Payment copy(PaymentStatus nextStatus, long nextRefundedCents, String paymentIntentId) {
        return new Payment(
                paymentId,
                kind,
                sessionId,
                conversationId,
                payerUserId,
                payeeUserId,
                amountCents,
                currency,
                feeCents,
                nextRefundedCents,
                nextStatus,
                paymentIntentId);
    }
}
