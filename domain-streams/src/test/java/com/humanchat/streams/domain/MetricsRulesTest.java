package com.humanchat.streams.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-entry rules of the metrics topology: each re-delivered event changes nothing. */
class MetricsRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:30Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void aConversationCountsEachSeqOnceAndForgetsSecondsPastTwoMinutes() {
        ConversationActivity first = ConversationActivity.afterMessage(null, 1, NOW.minusSeconds(200), NOW, WINDOW)
                .orElseThrow();
        ConversationActivity second =
                ConversationActivity.afterMessage(first, 2, NOW, NOW, WINDOW).orElseThrow();

        assertThat(ConversationActivity.afterMessage(second, 2, NOW, NOW, WINDOW))
                .isEmpty();
        assertThat(ConversationActivity.afterMessage(second, 1, NOW, NOW, WINDOW))
                .isEmpty();
        assertThat(first.messagesPerSecond())
                .as("200 s ago is past what is kept")
                .isEmpty();
        assertThat(second.trailingMinute(NOW)).isEqualTo(1);
        assertThat(second.lastFullMinute(NOW.plusSeconds(60))).isEqualTo(1);
        assertThat(second.isActive(NOW.plus(WINDOW), WINDOW)).isTrue();
        assertThat(second.isActive(NOW.plus(WINDOW).plusMillis(1), WINDOW)).isFalse();
    }

    @Test
    void aStatusOnlyMovesUpItsRankAndAFinalOneIsATombstoneUntilTheHorizon() {
        TrackedStatus requested =
                TrackedStatus.after(null, "requested", 0, false, NOW).orElseThrow();
        TrackedStatus confirmed =
                TrackedStatus.after(requested, "confirmed", 3, false, NOW).orElseThrow();
        TrackedStatus completed =
                TrackedStatus.after(confirmed, "completed", 5, true, NOW).orElseThrow();

        assertThat(TrackedStatus.after(confirmed, "requested", 0, false, NOW)).isEmpty();
        assertThat(TrackedStatus.after(confirmed, "confirmed", 3, false, NOW)).isEmpty();
        assertThat(TrackedStatus.after(completed, "cancelled", 5, true, NOW)).isEmpty();
        assertThat(completed.isFinal()).isTrue();
        assertThat(completed.isExpired(NOW.plus(HOUR), HOUR)).isFalse();
        assertThat(completed.isExpired(NOW.plus(HOUR).plusMillis(1), HOUR)).isTrue();
        assertThat(confirmed.isExpired(NOW.plus(Duration.ofDays(9)), HOUR)).isFalse();
    }

    @Test
    void aSamTurnCompletesOnceWhicheverHalfComesFirst() {
        SamTurn answered = SamTurn.afterReply(null, NOW.plusSeconds(3), NOW).orElseThrow();
        assertThat(answered.isPending()).isFalse();
        SamTurn complete = SamTurn.afterAsk(answered, NOW, NOW).orElseThrow();

        assertThat(complete.isComplete()).isTrue();
        assertThat(complete.latencyMillis()).isEqualTo(3000);
        assertThat(SamTurn.afterAsk(complete, NOW, NOW)).isEmpty();
        assertThat(SamTurn.afterReply(complete, NOW, NOW)).isEmpty();

        SamTurn pending = SamTurn.afterAsk(null, NOW, NOW).orElseThrow();
        assertThat(pending.isPending()).isTrue();
        assertThat(pending.isExpired(NOW.plus(Duration.ofHours(23)), Duration.ofHours(24), HOUR))
                .isFalse();
        assertThat(pending.isExpired(NOW.plus(Duration.ofHours(25)), Duration.ofHours(24), HOUR))
                .isTrue();
    }

    @Test
    void aPaymentTallyIsAbsoluteAndARefundTakesTheFeeBack() {
        PaymentTally succeeded = PaymentTally.after(null, false, "usd", 5000, 500, 0, NOW, NOW);
        PaymentTally again = PaymentTally.after(succeeded, false, "usd", 5000, 500, 0, NOW.plusSeconds(9), NOW);
        PaymentTally refunded =
                PaymentTally.after(again, true, "usd", 5000, 500, 5000, NOW.plusSeconds(60), NOW.plusSeconds(60));
        PaymentTally refundAgain =
                PaymentTally.after(refunded, true, "usd", 5000, 500, 5000, NOW.plusSeconds(90), NOW.plusSeconds(90));

        assertThat(again).isEqualTo(succeeded);
        assertThat(succeeded.keptFeeCents()).isEqualTo(500);
        assertThat(refunded.keptFeeCents()).isZero();
        assertThat(refunded.refundedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(refundAgain).isEqualTo(refunded);
        assertThat(refunded.succeededWithin(NOW.plus(Duration.ofHours(24)), Duration.ofHours(24)))
                .isTrue();
        assertThat(refunded.succeededWithin(NOW.plus(Duration.ofHours(24)).plusMillis(1), Duration.ofHours(24)))
                .isFalse();
    }

    @Test
    void percentilesAreNearestRank() {
        Percentiles ten = Percentiles.of(List.of(10L, 1L, 9L, 2L, 8L, 3L, 7L, 4L, 6L, 5L));

        assertThat(ten.at(50)).isEqualTo(5);
        assertThat(ten.at(95)).isEqualTo(10);
        assertThat(Percentiles.of(List.of(42L)).at(95)).isEqualTo(42);
        assertThat(Percentiles.of(List.of()).at(50)).isNull();
    }
}
