package com.humanchat.edge.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.edge.http.Refusal;
import com.humanchat.edge.sessions.domain.TestSessions;
import com.humanchat.readmodels.hosts.HostFacts;
import com.humanchat.readmodels.hosts.HostOffer;
import com.humanchat.schemas.sessions.PaymentMode;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionStatus;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentAdmissionTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    private final UUID guest = UUID.randomUUID();
    private final UUID hostId = UUID.randomUUID();

    private Session session(PaymentMode mode, SessionStatus status) {
        return TestSessions.of(guest, hostId, mode, status, START);
    }

    private String paying(Session session, UUID caller, boolean alreadyPaid) {
        return Refusal.of(PaymentAdmission.sessionPayment(session, caller, alreadyPaid));
    }

    @Test
    void theGuestPaysAPaidSessionAwaitingPaymentOnce() {
        Session awaiting = session(PaymentMode.PAID, SessionStatus.AWAITING_PAYMENT);

        assertThat(paying(awaiting, guest, false)).isEqualTo("admitted");
        assertThat(paying(awaiting, guest, true)).isEqualTo("409 already-paid: this session already has a payment");
    }

    @Test
    void aSessionNotProjectedOrNotTheCallersIsUnknown() {
        Session awaiting = session(PaymentMode.PAID, SessionStatus.AWAITING_PAYMENT);

        assertThat(paying(null, guest, false)).isEqualTo("404 unknown-session: no such session");
        assertThat(paying(awaiting, UUID.randomUUID(), false)).isEqualTo("404 unknown-session: no such session");
    }

    @Test
    void theHostDoesNotPayTheirOwnSession() {
        assertThat(paying(session(PaymentMode.PAID, SessionStatus.AWAITING_PAYMENT), hostId, false))
                .isEqualTo("403 forbidden: only the session's guest pays for it");
    }

    @Test
    void aSessionThatIsNotPaidHasNothingToPay() {
        assertThat(paying(session(PaymentMode.FREE, SessionStatus.AWAITING_PAYMENT), guest, false))
                .isEqualTo("422 unprocessable /sessionId: a free session has nothing to pay");
    }

    @Test
    void aPaidSessionIsPaidOnlyWhileItAwaitsPayment() {
        assertThat(paying(session(PaymentMode.PAID, SessionStatus.CONFIRMED), guest, false))
                .isEqualTo("409 not-awaiting-payment: the session is confirmed, not awaiting payment");
    }

    /** A tip from the guest to a bookable, payable host who welcomes tips; each test changes what it is about. */
    private final class Tip {
        UUID from = guest;
        HostFacts host = host(Set.of("host"), true);
        UUID sessionId;
        Session session;
        Set<UUID> members;
        boolean payable = true;
        boolean blockedByHost;

        String answer() {
            return Refusal.of(PaymentAdmission.tip(
                    new PaymentAdmission.Tip(from, hostId, host, sessionId, session, members, payable, blockedByHost)));
        }

        void forSession(Session named) {
            sessionId = named.sessionId();
            session = named;
        }
    }

    private HostFacts host(Set<String> roles, boolean tipsWelcome) {
        return new HostFacts(
                hostId, "Paula", roles, false, false, null, null, new HostOffer(null, null, tipsWelcome), null);
    }

    @Test
    void aTipGoesToAPayableHostWhoWelcomesTips() {
        Tip tip = new Tip();
        assertThat(tip.answer()).isEqualTo("admitted");

        tip.forSession(session(PaymentMode.FREE, SessionStatus.COMPLETED));
        tip.members = Set.of(guest, hostId);
        assertThat(tip.answer())
                .as("for a session of theirs, told in a conversation both share")
                .isEqualTo("admitted");
    }

    @Test
    void aHostWhoBlockedThePayerIsNotTippedAndTheAnswerDoesNotSayWhy() {
        Tip tip = new Tip();
        tip.blockedByHost = true;

        assertThat(tip.answer())
                .isEqualTo("403 not-accepting: They are not accepting this from you. If they take requests, you can"
                        + " send one from their profile.");
    }

    @Test
    void nobodyTipsThemself() {
        Tip tip = new Tip();
        tip.from = hostId;

        assertThat(tip.answer()).isEqualTo("422 unprocessable /hostUserId: you cannot donate to yourself");
    }

    @Test
    void aTipGoesOnlyToABookableHostWhoWelcomesTips() {
        Tip tip = new Tip();
        tip.host = null;
        assertThat(tip.answer()).isEqualTo("422 unprocessable /hostUserId: no host " + hostId);

        tip.host = host(Set.of("user"), true);
        assertThat(tip.answer()).isEqualTo("422 unprocessable /hostUserId: no host " + hostId);

        tip.host = host(Set.of("host"), false);
        assertThat(tip.answer()).isEqualTo("422 unprocessable /hostUserId: Paula does not accept tips");
    }

    @Test
    void aTipForASessionNeedsOneOfThePayersWithThisHost() {
        Tip tip = new Tip();
        tip.sessionId = UUID.randomUUID();
        assertThat(tip.answer()).as("not projected").isEqualTo("404 unknown-session: no such session");

        tip.forSession(session(PaymentMode.FREE, SessionStatus.COMPLETED));
        tip.from = UUID.randomUUID();
        assertThat(tip.answer()).as("by a stranger").isEqualTo("404 unknown-session: no such session");

        tip.from = guest;
        tip.forSession(TestSessions.of(guest, UUID.randomUUID(), PaymentMode.FREE, SessionStatus.COMPLETED, START));
        assertThat(tip.answer()).isEqualTo("422 unprocessable /sessionId: the host is not this session's host");
    }

    @Test
    void aTipToldInAConversationNeedsOneBothShare() {
        Tip tip = new Tip();
        tip.members = Set.of(hostId);
        assertThat(tip.answer()).isEqualTo("404 unknown-conversation: no such conversation");

        tip.members = Set.of(guest);
        assertThat(tip.answer())
                .isEqualTo("422 unprocessable /conversationId: the host is not a participant of this conversation");
    }

    @Test
    void aHostWhoCannotBePaidYetTakesNoTip() {
        Tip tip = new Tip();
        tip.payable = false;

        assertThat(tip.answer())
                .isEqualTo("409 host-not-payable: the host cannot receive payments yet (Stripe onboarding is not"
                        + " complete)");
    }
}
