package com.humanchat.edge.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.edge.http.ProblemException;
import com.humanchat.readmodels.hosts.HostFacts;
import com.humanchat.readmodels.hosts.HostOffer;
import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.PaymentMode;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentAdmissionTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    private final UUID guest = UUID.randomUUID();
    private final UUID hostId = UUID.randomUUID();

    private Session session(PaymentMode mode, SessionStatus status) {
        return new Session(
                UUID.randomUUID(),
                guest,
                hostId,
                null,
                START,
                30,
                mode == PaymentMode.PAID ? Money.of(2500, "usd") : Money.of(0, "usd"),
                mode,
                status,
                START,
                START,
                null,
                null,
                null,
                null);
    }

    private static Optional<String> slugOf(Optional<ProblemException> refusal) {
        return refusal.map(ProblemException::slug);
    }

    @Test
    void theGuestPaysAPaidSessionAwaitingPaymentOnce() {
        Session awaiting = session(PaymentMode.PAID, SessionStatus.AWAITING_PAYMENT);

        assertThat(PaymentAdmission.sessionPayment(awaiting, guest, false)).isEmpty();
        assertThat(PaymentAdmission.sessionPayment(awaiting, guest, true)).get().satisfies(problem -> {
            assertThat(problem.status()).isEqualTo(409);
            assertThat(problem.slug()).isEqualTo("already-paid");
        });
    }

    @Test
    void aSessionNotProjectedOrNotTheCallersIsUnknown() {
        Session awaiting = session(PaymentMode.PAID, SessionStatus.AWAITING_PAYMENT);

        assertThat(slugOf(PaymentAdmission.sessionPayment(null, guest, false))).contains("unknown-session");
        assertThat(slugOf(PaymentAdmission.sessionPayment(awaiting, UUID.randomUUID(), false)))
                .contains("unknown-session");
    }

    @Test
    void theHostDoesNotPayTheirOwnSession() {
        assertThat(PaymentAdmission.sessionPayment(
                        session(PaymentMode.PAID, SessionStatus.AWAITING_PAYMENT), hostId, false))
                .get()
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(403);
                    assertThat(problem.getMessage()).isEqualTo("only the session's guest pays for it");
                });
    }

    @Test
    void aSessionThatIsNotPaidHasNothingToPay() {
        assertThat(PaymentAdmission.sessionPayment(
                        session(PaymentMode.FREE, SessionStatus.AWAITING_PAYMENT), guest, false))
                .get()
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.getMessage()).isEqualTo("a free session has nothing to pay");
                    assertThat(problem.errors())
                            .extracting(ProblemException.FieldError::field)
                            .containsExactly("/sessionId");
                });
    }

    @Test
    void aPaidSessionIsPaidOnlyWhileItAwaitsPayment() {
        assertThat(PaymentAdmission.sessionPayment(session(PaymentMode.PAID, SessionStatus.CONFIRMED), guest, false))
                .get()
                .satisfies(problem -> {
                    assertThat(problem.slug()).isEqualTo("not-awaiting-payment");
                    assertThat(problem.getMessage()).isEqualTo("the session is confirmed, not awaiting payment");
                });
    }

    private HostFacts host(boolean bookable, boolean tipsWelcome) {
        return new HostFacts(
                hostId,
                "Paula",
                Set.of(bookable ? "host" : "user"),
                false,
                false,
                null,
                null,
                new HostOffer(null, null, tipsWelcome),
                null);
    }

    private PaymentAdmission.Tip tip(
            HostFacts host, UUID sessionId, Session session, Set<UUID> members, boolean payable) {
        return new PaymentAdmission.Tip(guest, hostId, host, sessionId, session, members, payable);
    }

    @Test
    void aTipGoesToAPayableHostWhoWelcomesTips() {
        assertThat(PaymentAdmission.tip(tip(host(true, true), null, null, null, true)))
                .isEmpty();
        Session theirs = session(PaymentMode.FREE, SessionStatus.COMPLETED);
        assertThat(PaymentAdmission.tip(tip(host(true, true), theirs.sessionId(), theirs, Set.of(guest, hostId), true)))
                .as("for a session of theirs, told in a conversation both share")
                .isEmpty();
    }

    @Test
    void nobodyTipsThemself() {
        PaymentAdmission.Tip toSelf =
                new PaymentAdmission.Tip(hostId, hostId, host(true, true), null, null, null, true);

        assertThat(PaymentAdmission.tip(toSelf))
                .get()
                .extracting(ProblemException::getMessage)
                .isEqualTo("you cannot donate to yourself");
    }

    @Test
    void aTipGoesOnlyToABookableHostWhoWelcomesTips() {
        assertThat(PaymentAdmission.tip(tip(null, null, null, null, true)))
                .get()
                .extracting(ProblemException::getMessage)
                .isEqualTo("no host " + hostId);
        assertThat(PaymentAdmission.tip(tip(host(false, true), null, null, null, true)))
                .get()
                .extracting(ProblemException::getMessage)
                .isEqualTo("no host " + hostId);
        assertThat(PaymentAdmission.tip(tip(host(true, false), null, null, null, true)))
                .get()
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.getMessage()).isEqualTo("Paula does not accept tips");
                });
    }

    @Test
    void aTipForASessionNeedsOneOfThePayersWithThisHost() {
        Session theirs = session(PaymentMode.FREE, SessionStatus.COMPLETED);
        UUID unknown = UUID.randomUUID();

        assertThat(slugOf(PaymentAdmission.tip(tip(host(true, true), unknown, null, null, true))))
                .contains("unknown-session");
        PaymentAdmission.Tip byAStranger = new PaymentAdmission.Tip(
                UUID.randomUUID(), hostId, host(true, true), theirs.sessionId(), theirs, null, true);
        assertThat(slugOf(PaymentAdmission.tip(byAStranger))).contains("unknown-session");
        Session withAnother = new Session(
                theirs.sessionId(),
                guest,
                UUID.randomUUID(),
                null,
                START,
                30,
                Money.of(0, "usd"),
                PaymentMode.FREE,
                SessionStatus.COMPLETED,
                START,
                START,
                null,
                null,
                null,
                null);
        assertThat(PaymentAdmission.tip(tip(host(true, true), withAnother.sessionId(), withAnother, null, true)))
                .get()
                .extracting(ProblemException::getMessage)
                .isEqualTo("the host is not this session's host");
    }

    @Test
    void aTipToldInAConversationNeedsOneBothShare() {
        assertThat(slugOf(PaymentAdmission.tip(tip(host(true, true), null, null, Set.of(hostId), true))))
                .contains("unknown-conversation");
        assertThat(PaymentAdmission.tip(tip(host(true, true), null, null, Set.of(guest), true)))
                .get()
                .extracting(ProblemException::status)
                .isEqualTo(422);
    }

    @Test
    void aHostWhoCannotBePaidYetTakesNoTip() {
        assertThat(PaymentAdmission.tip(tip(host(true, true), null, null, null, false)))
                .get()
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(409);
                    assertThat(problem.slug()).isEqualTo("host-not-payable");
                });
    }
}
