package com.humanchat.edge.sessions.domain;

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

class SessionAdmissionTest {

    private static final Money PRICE = Money.of(2500, "usd");
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    private final UUID guest = UUID.randomUUID();
    private final UUID hostId = UUID.randomUUID();
    private final UUID manager = UUID.randomUUID();

    private HostFacts host(Set<String> roles, boolean suspended, boolean instant, UUID managerId) {
        return new HostFacts(
                hostId, "Paula", roles, suspended, instant, managerId, null, new HostOffer(2500L, "usd", false), null);
    }

    private HostFacts host() {
        return host(Set.of("host"), false, true, null);
    }

    /** A scheduled, paid booking at the host's price, from no conversation and no proposal. */
    private SessionAdmission.Booking booking(HostFacts host) {
        return new SessionAdmission.Booking(
                guest, hostId, host, false, null, false, null, null, PaymentMode.PAID, PRICE);
    }

    private SessionAdmission.Booking instant(HostFacts host, String presence) {
        return new SessionAdmission.Booking(
                guest, hostId, host, false, null, true, presence, null, PaymentMode.PAID, PRICE);
    }

    private static Optional<String> slugOf(Optional<ProblemException> refusal) {
        return refusal.map(ProblemException::slug);
    }

    @Test
    void admitsABookingOfAHostAtTheirPrice() {
        assertThat(SessionAdmission.refusal(booking(host()))).isEmpty();
    }

    @Test
    void refusesBookingOneself() {
        SessionAdmission.Booking self = new SessionAdmission.Booking(
                hostId, hostId, host(), false, null, false, null, null, PaymentMode.PAID, PRICE);

        assertThat(SessionAdmission.refusal(self)).get().satisfies(problem -> {
            assertThat(problem.status()).isEqualTo(422);
            assertThat(problem.getMessage()).isEqualTo("you cannot book a session with yourself");
            assertThat(problem.errors())
                    .extracting(ProblemException.FieldError::field)
                    .containsExactly("/hostUserId");
        });
    }

    @Test
    void refusesAnUnknownUserANonHostAndASuspendedHostAlike() {
        for (HostFacts notBookable :
                new HostFacts[] {null, host(Set.of("user"), false, true, null), host(Set.of("host"), true, true, null)
                }) {
            assertThat(SessionAdmission.refusal(booking(notBookable))).get().satisfies(problem -> {
                assertThat(problem.status()).isEqualTo(422);
                assertThat(problem.getMessage()).isEqualTo("no host " + hostId);
            });
        }
    }

    @Test
    void aManagedHostIsBookedOnlyByTheirManagerOrAfterAnApprovedIntroduction() {
        HostFacts managed = host(Set.of("host"), false, true, manager);

        assertThat(SessionAdmission.refusal(booking(managed))).get().satisfies(problem -> {
            assertThat(problem.status()).isEqualTo(403);
            assertThat(problem.slug()).isEqualTo("managed-host");
            assertThat(problem.getMessage()).contains("Request an introduction (POST /api/requests)");
        });
        SessionAdmission.Booking introduced = new SessionAdmission.Booking(
                guest, hostId, managed, true, null, false, null, null, PaymentMode.PAID, PRICE);
        assertThat(SessionAdmission.refusal(introduced)).isEmpty();
        SessionAdmission.Booking byTheManager = new SessionAdmission.Booking(
                manager, hostId, managed, false, null, false, null, null, PaymentMode.PAID, PRICE);
        assertThat(SessionAdmission.refusal(byTheManager)).isEmpty();
    }

    @Test
    void aConversationNamedMustHoldTheGuestElse404AndTheHostElse422() {
        assertThat(slugOf(SessionAdmission.sharedConversation(guest, hostId, Set.of(hostId))))
                .contains("unknown-conversation");
        assertThat(SessionAdmission.sharedConversation(guest, hostId, Set.of(guest)))
                .get()
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.getMessage()).isEqualTo("the host is not a participant of this conversation");
                    assertThat(problem.errors())
                            .extracting(ProblemException.FieldError::field)
                            .containsExactly("/conversationId");
                });
        assertThat(SessionAdmission.sharedConversation(guest, hostId, Set.of(guest, hostId)))
                .isEmpty();
        assertThat(SessionAdmission.sharedConversation(guest, hostId, null))
                .as("no conversation named")
                .isEmpty();
    }

    @Test
    void aBookingFromAConversationTheGuestIsNotInIsRefusedBeforeItsPrice() {
        SessionAdmission.Booking booking = new SessionAdmission.Booking(
                guest, hostId, host(), false, Set.of(hostId), false, null, null, PaymentMode.FREE, Money.of(0, "usd"));

        assertThat(slugOf(SessionAdmission.refusal(booking))).contains("unknown-conversation");
    }

    @Test
    void anInstantSessionNeedsAHostWhoTakesThemAndIsOnline() {
        assertThat(SessionAdmission.refusal(instant(host(), "online"))).isEmpty();
        assertThat(SessionAdmission.refusal(instant(host(Set.of("host"), false, false, null), "online")))
                .get()
                .satisfies(problem -> {
                    assertThat(problem.slug()).isEqualTo("host-unavailable");
                    assertThat(problem.getMessage())
                            .isEqualTo("the host does not take instant sessions; pick a startTime");
                });
        assertThat(SessionAdmission.refusal(instant(host(), "away"))).get().satisfies(problem -> {
            assertThat(problem.slug()).isEqualTo("host-unavailable");
            assertThat(problem.getMessage()).isEqualTo("the host is not online for an instant session");
        });
    }

    @Test
    void anInstantSessionWhosePresenceCannotBeReadIsToBeRetried() {
        assertThat(SessionAdmission.refusal(instant(host(), null))).get().satisfies(problem -> {
            assertThat(problem.status()).isEqualTo(503);
            assertThat(problem.headers()).containsEntry("Retry-After", "5");
        });
        assertThat(SessionAdmission.refusal(booking(host())))
                .as("a scheduled session needs no presence")
                .isEmpty();
    }

    @Test
    void aStaleProposalSaysSoBeforeThePriceRule() {
        SessionAdmission.Booking oldPrice = new SessionAdmission.Booking(
                guest,
                hostId,
                host(),
                false,
                null,
                false,
                null,
                new ProposalAdmission.Facts(false, false),
                PaymentMode.PAID,
                Money.of(2000, "usd"));

        assertThat(slugOf(SessionAdmission.refusal(oldPrice))).contains("stale-proposal");
        assertThat(slugOf(SessionAdmission.refusal(new SessionAdmission.Booking(
                        guest,
                        hostId,
                        host(),
                        false,
                        null,
                        false,
                        null,
                        new ProposalAdmission.Facts(true, false),
                        PaymentMode.PAID,
                        PRICE))))
                .contains("proposal-used");
    }

    @Test
    void aPriceThatIsNotTheHostsIsRefusedNamingTheField() {
        SessionAdmission.Booking free = new SessionAdmission.Booking(
                guest, hostId, host(), false, null, false, null, null, PaymentMode.FREE, Money.of(0, "usd"));

        assertThat(SessionAdmission.refusal(free)).get().satisfies(problem -> {
            assertThat(problem.status()).isEqualTo(422);
            assertThat(problem.getMessage()).startsWith("this host's sessions cost 25.00 USD");
            assertThat(problem.errors())
                    .extracting(ProblemException.FieldError::field)
                    .containsExactly("/paymentMode");
        });
    }

    private Session session(PaymentMode mode, SessionStatus status) {
        return new Session(
                UUID.randomUUID(),
                guest,
                hostId,
                null,
                START,
                30,
                mode == PaymentMode.PAID ? PRICE : Money.of(0, "usd"),
                mode,
                status,
                START,
                START,
                null,
                null,
                null,
                null);
    }

    @Test
    void theHostOfAPaidSessionAcceptsItOnlyOnceTheyCanBePaid() {
        Session paid = session(PaymentMode.PAID, SessionStatus.REQUESTED);

        assertThat(SessionAdmission.acceptance(paid, hostId, false)).get().satisfies(problem -> {
            assertThat(problem.status()).isEqualTo(409);
            assertThat(problem.slug()).isEqualTo("payouts-not-ready");
        });
        assertThat(SessionAdmission.acceptance(paid, hostId, true)).isEmpty();
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
