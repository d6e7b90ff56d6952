package com.humanchat.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.schemas.payments.PaymentKind;
import com.humanchat.schemas.payments.PaymentStatus;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentTest {

    private static Payment in(PaymentStatus status) {
        return new Payment(
                UUID.randomUUID(),
                PaymentKind.SESSION,
                UUID.randomUUID(),
                null,
                UUID.randomUUID(),
                UUID.randomUUID(),
                5000,
                "usd",
                500,
                0,
                status,
                "pi_1");
    }

    @Test
    void aPendingPaymentSucceedsOrFails() {
        assertThat(in(PaymentStatus.PENDING).after(PaymentOutcome.SUCCEEDED))
                .map(Payment::status)
                .contains(PaymentStatus.SUCCEEDED);
        assertThat(in(PaymentStatus.PENDING).after(PaymentOutcome.FAILED))
                .map(Payment::status)
                .contains(PaymentStatus.FAILED);
    }

    @Test
    void aFailedPaymentMaySucceedOnRetryButAStaleFailureNeverUndoesASuccess() {
        assertThat(in(PaymentStatus.FAILED).after(PaymentOutcome.SUCCEEDED))
                .map(Payment::status)
                .contains(PaymentStatus.SUCCEEDED);
        assertThat(in(PaymentStatus.SUCCEEDED).after(PaymentOutcome.FAILED)).isEmpty();
        assertThat(in(PaymentStatus.SUCCEEDED).after(PaymentOutcome.SUCCEEDED)).isEmpty();
        assertThat(in(PaymentStatus.FAILED).after(PaymentOutcome.FAILED)).isEmpty();
    }

    @Test
    void onlyASucceededPaymentIsRefundedAndOnlyWithinWhatWasPaid() {
        Optional<Payment> refunded = in(PaymentStatus.SUCCEEDED).refunded(5000);

        assertThat(refunded).map(Payment::status).contains(PaymentStatus.REFUNDED);
        assertThat(refunded).map(Payment::refundedCents).contains(5000L);
        assertThat(refunded.orElseThrow().refunded(5000)).isEmpty();
        assertThat(in(PaymentStatus.PENDING).refunded(5000)).isEmpty();
        assertThat(in(PaymentStatus.SUCCEEDED).refunded(5001)).isEmpty();
        assertThat(in(PaymentStatus.SUCCEEDED).refunded(0)).isEmpty();
    }
}
