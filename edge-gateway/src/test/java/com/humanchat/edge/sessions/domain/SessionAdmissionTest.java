package com.humanchat.edge.sessions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.Refusal;
import com.humanchat.readmodels.hosts.HostFacts;
import com.humanchat.readmodels.hosts.HostOffer;
import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.PaymentMode;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionAdmissionTest {

    private static final Money PRICE = TestSessions.PRICE;
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    private final UUID guest = UUID.randomUUID();
    private final UUID hostId = UUID.randomUUID();
    private final UUID manager = UUID.randomUUID();

    private HostFacts host(Set<String> roles, boolean suspended, boolean instant, UUID managerId) {
        return new HostFacts(
                hostId, "Paula", roles, suspended, instant, managerId, null, new HostOffer(2500L, "usd", false), null);
    }

    /** A host who charges 25.00 USD and takes instant sessions. */
    private HostFacts host() {
        return host(Set.of("host"), false, true, null);
    }

    /** A scheduled, paid booking of {@link #host()} at their price by the guest; each test changes what it is about. */
    private final class Ask {
        UUID by = guest;
        HostFacts host = host();
        boolean introduced;
        Set<UUID> members;
        boolean instant;
        String presence;
        ProposalAdmission.Facts proposal;
        PaymentMode mode = PaymentMode.PAID;
        Money price = PRICE;

        Optional<ProblemException> refusal() {
            return SessionAdmission.refusal(new SessionAdmission.Booking(
                    by, hostId, host, introduced, members, instant, presence, proposal, mode, price));
        }

        String answer() {
            return Refusal.of(refusal());
        }
    }

    @Test
    void admitsABookingOfAHostAtTheirPrice() {
        assertThat(new Ask().answer()).isEqualTo("admitted");
    }

    @Test
    void refusesBookingOneself() {
        Ask self = new Ask();
        self.by = hostId;

        assertThat(self.answer()).isEqualTo("422 unprocessable /hostUserId: you cannot book a session with yourself");
    }

    @Test
    void refusesAnUnknownUserANonHostAndASuspendedHostAlike() {
        for (HostFacts notBookable :
                new HostFacts[] {null, host(Set.of("user"), false, true, null), host(Set.of("host"), true, true, null)
                }) {
            Ask ask = new Ask();
            ask.host = notBookable;

            assertThat(ask.answer()).isEqualTo("422 unprocessable /hostUserId: no host " + hostId);
        }
    }

    @Test
    void aManagedHostIsBookedOnlyByTheirManagerOrAfterAnApprovedIntroduction() {
        Ask ask = new Ask();
        ask.host = host(Set.of("host"), false, true, manager);

        assertThat(ask.answer())
                .isEqualTo("403 managed-host: This host is reached through their representative: Request an"
                        + " introduction (POST /api/requests) before booking");
        ask.introduced = true;
        assertThat(ask.answer()).isEqualTo("admitted");
        ask.introduced = false;
        ask.by = manager;
        assertThat(ask.answer()).isEqualTo("admitted");
    }

    @Test
    void aConversationNamedMustHoldTheGuestElse404AndTheHostElse422() {
        assertThat(Refusal.of(SessionAdmission.sharedConversation(guest, hostId, Set.of(hostId))))
                .isEqualTo("404 unknown-conversation: no such conversation");
        assertThat(Refusal.of(SessionAdmission.sharedConversation(guest, hostId, Set.of(guest))))
                .isEqualTo("422 unprocessable /conversationId: the host is not a participant of this conversation");
        assertThat(Refusal.of(SessionAdmission.sharedConversation(guest, hostId, Set.of(guest, hostId))))
                .isEqualTo("admitted");
        assertThat(Refusal.of(SessionAdmission.sharedConversation(guest, hostId, null)))
                .as("no conversation named")
                .isEqualTo("admitted");
    }

    @Test
    void aBookingFromAConversationTheGuestIsNotInIsRefusedBeforeItsPrice() {
        Ask ask = new Ask();
        ask.members = Set.of(hostId);
        ask.mode = PaymentMode.FREE;

        assertThat(ask.answer()).isEqualTo("404 unknown-conversation: no such conversation");
    }

    @Test
    void anInstantSessionNeedsAHostWhoTakesThemAndIsOnline() {
        Ask ask = new Ask();
        ask.instant = true;
        ask.presence = "online";
        assertThat(ask.answer()).isEqualTo("admitted");

        ask.presence = "away";
        assertThat(ask.answer()).isEqualTo("409 host-unavailable: the host is not online for an instant session");

        ask.host = host(Set.of("host"), false, false, null);
        assertThat(ask.answer())
                .isEqualTo("409 host-unavailable: the host does not take instant sessions; pick a startTime");
    }

    @Test
    void anInstantSessionWhosePresenceCannotBeReadIsToBeRetried() {
        Ask ask = new Ask();
        ask.instant = true;

        assertThat(ask.refusal()).get().extracting(ProblemException::headers).isEqualTo(Map.of("Retry-After", "5"));
        assertThat(ask.answer())
                .isEqualTo("503 unavailable: presence is unavailable, so an instant session cannot be checked; retry or"
                        + " pick a startTime");
        ask.instant = false;
        assertThat(ask.answer()).as("a scheduled session needs no presence").isEqualTo("admitted");
    }

    @Test
    void aStaleProposalSaysSoBeforeThePriceRule() {
        Ask ask = new Ask();
        ask.proposal = new ProposalAdmission.Facts(false, false);
        ask.price = Money.of(2000, "usd");
        assertThat(ask.answer()).startsWith("409 stale-proposal: The host's price changed since Sam proposed this");

        ask.proposal = new ProposalAdmission.Facts(true, false);
        assertThat(ask.answer()).startsWith("409 proposal-used:");
    }

    @Test
    void aPriceThatIsNotTheHostsIsRefusedNamingTheField() {
        Ask ask = new Ask();
        ask.mode = PaymentMode.FREE;
        ask.price = Money.of(0, "usd");

        assertThat(ask.answer()).startsWith("422 unprocessable /paymentMode: this host's sessions cost 25.00 USD");
    }

    private Session session(PaymentMode mode, SessionStatus status) {
        return TestSessions.of(guest, hostId, mode, status, START);
    }

    @Test
    void theHostOfAPaidSessionAcceptsItOnlyOnceTheyCanBePaid() {
        Session paid = session(PaymentMode.PAID, SessionStatus.REQUESTED);

        assertThat(Refusal.of(SessionAdmission.acceptance(paid, hostId, false)))
                .isEqualTo("409 payouts-not-ready: Connect Stripe in Settings \u2192 Get paid before accepting paid"
                        + " sessions");
        assertThat(Refusal.of(SessionAdmission.acceptance(paid, hostId, true))).isEqualTo("admitted");
    }

    @Test
    void everyOtherAcceptanceIsTheTopologysToDecide() {
        assertThat(SessionAdmission.acceptance(session(PaymentMode.FREE, SessionStatus.REQUESTED), hostId, false))
                .as("a free session")
                .isEmpty();
        assertThat(SessionAdmission.acceptance(session(PaymentMode.PAID, SessionStatus.REQUESTED), guest, false))
                .as("the guest, whom the topology refuses")
                .isEmpty();
        assertThat(SessionAdmission.acceptance(null, hostId, false))
                .as("a session not projected, which the topology answers")
                .isEmpty();
    }

    @Test
    void aCallIsSignalledOnlyBetweenTheParticipantsOfAConfirmedOrRunningSession() {
        Session confirmed = session(PaymentMode.FREE, SessionStatus.CONFIRMED);

        assertThat(SessionAdmission.callPeer(confirmed, guest)).contains(hostId);
        assertThat(SessionAdmission.callPeer(session(PaymentMode.FREE, SessionStatus.IN_PROGRESS), hostId))
                .contains(guest);
        assertThat(SessionAdmission.callPeer(confirmed, UUID.randomUUID())).isEmpty();
        assertThat(SessionAdmission.callPeer(session(PaymentMode.FREE, SessionStatus.REQUESTED), guest))
                .isEmpty();
        assertThat(SessionAdmission.callPeer(null, guest)).isEmpty();
    }
}
