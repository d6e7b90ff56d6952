package com.humanchat.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefundPolicyTest {

    private static final RefundPolicy DAY_AHEAD = new RefundPolicy(Duration.ofHours(24));
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void refundsInFullWhenCancelledBeforeTheCutoff() {
        assertThat(DAY_AHEAD.refundCents(5000, START, START.minus(Duration.ofHours(25))))
                .isEqualTo(5000);
        assertThat(DAY_AHEAD.refundCents(5000, START, START.minus(Duration.ofHours(24))))
                .isEqualTo(5000);
    }

    @Test
    void refundsNothingAfterTheCutoff() {
        assertThat(DAY_AHEAD.refundCents(5000, START, START.minus(Duration.ofHours(23))))
                .isZero();
        assertThat(DAY_AHEAD.refundCents(5000, START, START.plusSeconds(60))).isZero();
    }

    @Test
    void refundsAnInstantSessionInFull() {
        assertThat(DAY_AHEAD.refundCents(5000, null, START)).isEqualTo(5000);
    }
}
