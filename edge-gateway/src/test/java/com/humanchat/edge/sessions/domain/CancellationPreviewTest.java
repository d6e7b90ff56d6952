package com.humanchat.edge.sessions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.PaymentMode;
import com.humanchat.schemas.sessions.RefundPolicy;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CancellationPreviewTest {

    private static final RefundPolicy DAY_AHEAD = new RefundPolicy(Duration.ofHours(24));
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final Money PAID = TestSessions.PRICE;

    private final UUID guest = UUID.randomUUID();
    private final UUID host = UUID.randomUUID();

    /** The preview a participant sees at a time, for a session that was paid in full if its mode is paid. */
    private CancellationPreview preview(SessionStatus status, PaymentMode mode, UUID actor, Instant at) {
        Money paid = mode == PaymentMode.PAID ? PAID : null;
        return CancellationPreview.of(session(status, mode), paid, DAY_AHEAD, actor, at);
    }

    private Session session(SessionStatus status, PaymentMode mode) {
        return TestSessions.of(guest, host, mode, status, START);
    }

    @Test
    void tellsTheGuestTheFullRefundBeforeTheCutoff() {
        CancellationPreview preview =
                preview(SessionStatus.CONFIRMED, PaymentMode.PAID, guest, START.minus(Duration.ofHours(30)));

        assertThat(preview.cancellable()).isTrue();
        assertThat(preview.refund()).isEqualTo(PAID);
        assertThat(preview.message())
                .isEqualTo("you will be refunded 25.00 USD (cancelled at least 24 h before the start)");
    }

    @Test
    void tellsTheHostThereIsNoRefundAfterTheCutoff() {
        CancellationPreview preview =
                preview(SessionStatus.CONFIRMED, PaymentMode.PAID, host, START.minus(Duration.ofHours(2)));

        assertThat(preview.refund()).isEqualTo(Money.of(0, "usd"));
        assertThat(preview.message()).isEqualTo("no refund: cancelled less than 24 h before the start");
    }

    @Test
    void nothingPaidNothingRefunded() {
        CancellationPreview preview = preview(SessionStatus.CONFIRMED, PaymentMode.FREE, guest, START);

        assertThat(preview.refund()).isNull();
        assertThat(preview.message()).isEqualTo("nothing was paid, so there is nothing to refund");
    }

    @Test
    void aFinishedSessionCannotBeCancelled() {
        CancellationPreview preview = preview(SessionStatus.IN_PROGRESS, PaymentMode.PAID, guest, START);

        assertThat(preview.cancellable()).isFalse();
        assertThat(preview.message()).isEqualTo("a session that is in progress cannot be cancelled");
    }
}
