package com.humanchat.schemas.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefundPolicyTest {

    private static final RefundPolicy DAY_AHEAD = new RefundPolicy(Duration.ofHours(24));
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    private static RefundPolicy.Refund confirmedCancelledAt(Instant at) {
        return DAY_AHEAD.refund(5000, "usd", SessionStatus.CONFIRMED, START, at);
    }

    @Test
    void refundsInFullWhenCancelledBeforeTheCutoff() {
        assertThat(confirmedCancelledAt(START.minus(Duration.ofHours(25))).amountCents())
                .isEqualTo(5000);
        RefundPolicy.Refund atTheCutoff = confirmedCancelledAt(START.minus(Duration.ofHours(24)));
        assertThat(atTheCutoff.amountCents()).isEqualTo(5000);
        assertThat(atTheCutoff.notice()).isEqualTo("Refunded 50.00 USD: cancelled at least 24 h before the start");
    }

    @Test
    void refundsNothingAfterTheCutoff() {
        assertThat(confirmedCancelledAt(START.minus(Duration.ofHours(23))).amountCents())
                .isZero();
        RefundPolicy.Refund late = confirmedCancelledAt(START.plusSeconds(60));
        assertThat(late.amountCents()).isZero();
        assertThat(late.notice()).isEqualTo("No refund: cancelled less than 24 h before the start");
    }

    @Test
    void refundsAnInstantSessionInFull() {
        assertThat(DAY_AHEAD
                        .refund(5000, "usd", SessionStatus.CONFIRMED, null, START)
                        .amountCents())
                .isEqualTo(5000);
    }

    @Test
    void refundsASessionCancelledBeforeItWasConfirmedInFull() {
        assertThat(DAY_AHEAD
                        .refund(5000, "usd", SessionStatus.AWAITING_PAYMENT, START, START.plusSeconds(60))
                        .amountCents())
                .isEqualTo(5000);
    }

    @Test
    void aNoShowRefundsTheGuestWhoWaitedAndNotTheGuestWhoNeverCame() {
        assertThat(DAY_AHEAD.noShow(5000, "usd", true).notice())
                .isEqualTo("Refunded 50.00 USD: the host did not come to the session");
        assertThat(DAY_AHEAD.noShow(5000, "usd", false).notice())
                .isEqualTo("No refund: the guest did not come to the session");
    }

    @Test
    void writesAmountsInMajorUnits() {
        assertThat(Money.of(2500, "USD").display()).isEqualTo("25.00 USD");
        assertThat(Money.of(5, "eur").display()).isEqualTo("0.05 EUR");
        assertThat(Money.of(500, "jpy").display()).isEqualTo("500 JPY");
    }
}
