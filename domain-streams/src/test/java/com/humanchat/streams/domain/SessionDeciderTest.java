package com.humanchat.streams.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.humanchat.schemas.SystemActors;
import com.humanchat.schemas.sessions.AnswerReview;
import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.PaymentMode;
import com.humanchat.schemas.sessions.RequestSession;
import com.humanchat.schemas.sessions.ReviewAnswered;
import com.humanchat.schemas.sessions.ReviewSession;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionCommandRejected;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.schemas.sessions.SessionRejectionCode;
import com.humanchat.schemas.sessions.SessionRequested;
import com.humanchat.schemas.sessions.SessionReviewed;
import com.humanchat.schemas.sessions.SessionStatus;
import com.humanchat.schemas.sessions.SessionStatusChanged;
import com.humanchat.schemas.sessions.TransitionSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SessionDeciderTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final UUID GUEST = UUID.randomUUID();
    private static final UUID HOST = UUID.randomUUID();
    private static final UUID STRANGER = UUID.randomUUID();
    private static final UUID SESSION = UUID.randomUUID();
    private static final UUID CONVERSATION = UUID.randomUUID();

    /** The legal transitions of the contract (docs/sessions-and-requests.md), by role. */
    private static final Map<SessionStatus, Map<SessionStatus, Set<SessionRole>>> LEGAL = Map.of(
            SessionStatus.REQUESTED,
            Map.of(
                    SessionStatus.ACCEPTED, Set.of(SessionRole.HOST),
                    SessionStatus.DECLINED, Set.of(SessionRole.HOST),
                    SessionStatus.CANCELLED, Set.of(SessionRole.HOST, SessionRole.GUEST)),
            SessionStatus.AWAITING_PAYMENT,
            Map.of(
                    SessionStatus.CONFIRMED, Set.of(SessionRole.PLATFORM),
                    SessionStatus.CANCELLED, Set.of(SessionRole.HOST, SessionRole.GUEST)),
            SessionStatus.CONFIRMED,
            Map.of(
                    SessionStatus.IN_PROGRESS, Set.of(SessionRole.HOST, SessionRole.GUEST),
                    SessionStatus.CANCELLED, Set.of(SessionRole.HOST, SessionRole.GUEST)),
            SessionStatus.IN_PROGRESS,
            Map.of(SessionStatus.COMPLETED, Set.of(SessionRole.HOST, SessionRole.GUEST)));

    private final SessionDecider decider = new SessionDecider(BookingLimits.defaults());

    static Stream<Arguments> everyStatusTargetAndRole() {
        List<Arguments> all = new ArrayList<>();
        for (SessionStatus from : SessionStatus.values()) {
            for (SessionStatus to : SessionStatus.values()) {
                for (SessionRole role : SessionRole.values()) {
                    all.add(Arguments.of(from, to, role));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} by {2}")
    @MethodSource("everyStatusTargetAndRole")
    void decidesEveryTransitionByTheContract(SessionStatus from, SessionStatus to, SessionRole role) {
        SessionRecord record = recordIn(from, PaymentMode.FREE);
        TransitionSession command = TransitionSession.of(SESSION, actor(role), to, null);

        Verdict<SessionRecord, SessionEvent> verdict = decider.decide(command, NOW, record);

        boolean legal =
                LEGAL.getOrDefault(from, Map.of()).getOrDefault(to, Set.of()).contains(role);
        if (legal) {
            assertThat(verdict.events())
                    .allSatisfy(event -> assertThat(event).isInstanceOf(SessionStatusChanged.class));
            assertThat(((SessionStatusChanged) verdict.events().getFirst()).toStatus())
                    .isEqualTo(to);
            assertThat(verdict.state().orElseThrow().session().status())
                    .isEqualTo(to == SessionStatus.ACCEPTED ? SessionStatus.CONFIRMED : to);
        } else {
            SessionRejectionCode expected = role == SessionRole.STRANGER
                    ? SessionRejectionCode.NOT_A_PARTICIPANT
                    : SessionRejectionCode.ILLEGAL_TRANSITION;
            assertThat(verdict.events())
                    .singleElement()
                    .isInstanceOfSatisfying(SessionCommandRejected.class, rejected -> {
                        assertThat(rejected.code()).isEqualTo(expected);
                        assertThat(rejected.commandId()).isEqualTo(command.eventId());
                        assertThat(rejected.commandType()).isEqualTo("session.transition");
                    });
            assertThat(verdict.state().orElseThrow().session()).isEqualTo(record.session());
        }
    }

    @Test
    void hostAcceptingAFreeSessionConfirmsItInTheSameStep() {
        TransitionSession accept = TransitionSession.of(SESSION, HOST, SessionStatus.ACCEPTED, null);

        List<SessionEvent> events = decider.decide(accept, NOW, recordIn(SessionStatus.REQUESTED, PaymentMode.FREE))
                .events();

        assertThat(events).hasSize(2).allSatisfy(event -> assertThat(event.commandId())
                .isEqualTo(accept.eventId()));
        SessionStatusChanged accepted = (SessionStatusChanged) events.get(0);
        SessionStatusChanged confirmed = (SessionStatusChanged) events.get(1);
        assertThat(accepted.fromStatus()).isEqualTo(SessionStatus.REQUESTED);
        assertThat(accepted.toStatus()).isEqualTo(SessionStatus.ACCEPTED);
        assertThat(accepted.actorId()).isEqualTo(HOST);
        assertThat(accepted.session().status()).isEqualTo(SessionStatus.ACCEPTED);
        assertThat(confirmed.fromStatus()).isEqualTo(SessionStatus.ACCEPTED);
        assertThat(confirmed.toStatus()).isEqualTo(SessionStatus.CONFIRMED);
        assertThat(confirmed.actorId()).isEqualTo(SystemActors.PLATFORM);
        assertThat(confirmed.eventId()).isNotEqualTo(accepted.eventId());
    }

    @Test
    void hostAcceptingAPaidSessionAwaitsPayment() {
        SessionRecord record = recordIn(SessionStatus.REQUESTED, PaymentMode.PAID);

        List<SessionEvent> events = decider.decide(
                        TransitionSession.of(SESSION, HOST, SessionStatus.ACCEPTED, null), NOW, record)
                .events();

        assertThat(((SessionStatusChanged) events.getLast()).toStatus()).isEqualTo(SessionStatus.AWAITING_PAYMENT);
    }

    @Test
    void startingAndCompletingRecordTheActualDuration() {
        SessionRecord confirmed = recordIn(SessionStatus.CONFIRMED, PaymentMode.FREE);
        SessionRecord started = stepped(GUEST, SessionStatus.IN_PROGRESS, NOW, confirmed);

        Session completed = stepped(HOST, SessionStatus.COMPLETED, NOW.plusSeconds(1830), started)
                .session();

        assertThat(started.session().startedAt()).isEqualTo(NOW);
        assertThat(completed.startedAt()).isEqualTo(NOW);
        assertThat(completed.completedAt()).isEqualTo(NOW.plusSeconds(1830));
        assertThat(completed.actualDurationSeconds()).isEqualTo(1830L);
        assertThat(completed.updatedAt()).isEqualTo(NOW.plusSeconds(1830));
    }

    @Test
    void aCommandProcessedAgainGetsTheSameAnswerEvenAfterLaterChanges() {
        SessionRecord requested = recordIn(SessionStatus.REQUESTED, PaymentMode.FREE);
        TransitionSession accept = TransitionSession.of(SESSION, HOST, SessionStatus.ACCEPTED, null);
        Verdict<SessionRecord, SessionEvent> first = decider.decide(accept, NOW, requested);
        TransitionSession guestAccept = TransitionSession.of(SESSION, GUEST, SessionStatus.ACCEPTED, null);
        SessionRecord afterRejection = decider.decide(
                        guestAccept, NOW, first.state().orElseThrow())
                .state()
                .orElseThrow();
        SessionRecord afterStart = stepped(GUEST, SessionStatus.IN_PROGRESS, NOW.plusSeconds(60), afterRejection);

        assertThat(decider.decide(accept, NOW, afterStart).events()).isEqualTo(first.events());
        assertThat(decider.decide(guestAccept, NOW, afterStart).events())
                .singleElement()
                .isInstanceOfSatisfying(SessionCommandRejected.class, rejected -> assertThat(rejected.code())
                        .isEqualTo(SessionRejectionCode.ILLEGAL_TRANSITION));
    }

    @Test
    void requestCreatesARequestedSessionAndARetryReEmitsIt() {
        RequestSession request = request(NOW.plusSeconds(3600), 30, Money.of(0, "usd"), PaymentMode.FREE);

        Verdict<SessionRecord, SessionEvent> verdict = decider.decide(request, NOW, null);

        SessionRequested requested = (SessionRequested) verdict.events().getFirst();
        assertThat(requested.session().status()).isEqualTo(SessionStatus.REQUESTED);
        assertThat(requested.session().guestUserId()).isEqualTo(GUEST);
        assertThat(requested.session().requestedAt()).isEqualTo(NOW);
        assertThat(requested.participantIds()).containsExactly(GUEST, HOST);
        assertThat(decider.decide(request, NOW, verdict.state().orElseThrow()).events())
                .isEqualTo(verdict.events());
    }

    @Test
    void anotherRequestForAnExistingSessionIsRejected() {
        SessionRecord existing = recordIn(SessionStatus.REQUESTED, PaymentMode.FREE);

        List<SessionEvent> events = decider.decide(
                        request(null, 30, Money.of(0, "usd"), PaymentMode.FREE), NOW, existing)
                .events();

        assertThat(((SessionCommandRejected) events.getFirst()).code()).isEqualTo(SessionRejectionCode.SESSION_EXISTS);
    }

    @Test
    void transitionOfAnUnknownSessionIsRejectedAndStoresNothing() {
        Verdict<SessionRecord, SessionEvent> verdict =
                decider.decide(TransitionSession.of(SESSION, HOST, SessionStatus.ACCEPTED, null), NOW, null);

        assertThat(((SessionCommandRejected) verdict.events().getFirst()).code())
                .isEqualTo(SessionRejectionCode.UNKNOWN_SESSION);
        assertThat(verdict.state()).isEmpty();
    }

    static Stream<Arguments> invalidRequests() {
        Money free = Money.of(0, "usd");
        return Stream.of(
                Arguments.of("too short", request(null, 4, free, PaymentMode.FREE)),
                Arguments.of("too long", request(null, 481, free, PaymentMode.FREE)),
                Arguments.of("free with a price", request(null, 30, Money.of(100, "usd"), PaymentMode.FREE)),
                Arguments.of("paid without a price", request(null, 30, free, PaymentMode.PAID)),
                Arguments.of("negative donation", request(null, 30, Money.of(-1, "usd"), PaymentMode.DONATION)),
                Arguments.of("bad currency", request(null, 30, Money.of(0, "dollars"), PaymentMode.FREE)),
                Arguments.of("no price", request(null, 30, null, PaymentMode.FREE)),
                Arguments.of("no mode", request(null, 30, free, null)),
                Arguments.of("start in the past", request(NOW.minusSeconds(1), 30, free, PaymentMode.FREE)),
                Arguments.of("start now", request(NOW, 30, free, PaymentMode.FREE)),
                Arguments.of(
                        "start beyond the booking horizon",
                        request(NOW.plus(Duration.ofDays(90)).plusSeconds(1), 30, free, PaymentMode.FREE)),
                Arguments.of(
                        "start in the year 9999",
                        request(Instant.parse("9999-01-01T10:00:00Z"), 30, free, PaymentMode.FREE)),
                Arguments.of(
                        "negative hold",
                        RequestSession.of(SESSION, GUEST, HOST, null, null, 30, free, PaymentMode.FREE, -1, null)),
                Arguments.of(
                        "host as guest",
                        RequestSession.of(SESSION, HOST, HOST, null, null, 30, free, PaymentMode.FREE, null, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void rejectsInvalidRequests(String why, RequestSession request) {
        Verdict<SessionRecord, SessionEvent> verdict = decider.decide(request, NOW, null);

        assertThat(verdict.events())
                .singleElement()
                .isInstanceOfSatisfying(SessionCommandRejected.class, rejected -> assertThat(rejected.code())
                        .isEqualTo(SessionRejectionCode.INVALID));
        assertThat(verdict.state()).isEmpty();
    }

    @Test
    void namesTheHorizonInPlainWords() {
        assertThat(SessionDecider.invalidRequest(
                        request(NOW.plus(Duration.ofDays(91)), 30, Money.of(0, "usd"), PaymentMode.FREE),
                        NOW,
                        BookingLimits.defaults()))
                .contains("startTime is too far ahead: sessions can be booked at most 90 days in advance");
    }

    static Stream<Arguments> stepsTimedByTheStart() {
        return Stream.of(
                argumentSet(
                        "a scheduled session starts only from ten minutes before its start",
                        GUEST,
                        SessionStatus.IN_PROGRESS,
                        Duration.ofMinutes(-10),
                        "can be started from 10 minutes before"),
                argumentSet(
                        "the participant who waited marks a no-show from fifteen minutes after the start",
                        HOST,
                        SessionStatus.NO_SHOW,
                        Duration.ofMinutes(15),
                        "from 15 minutes after the start"));
    }

    @ParameterizedTest
    @MethodSource("stepsTimedByTheStart")
    void aStepTimedByTheStartIsRefusedASecondEarlyAndTakenOnTime(
            UUID actor, SessionStatus to, Duration fromStart, String refusal) {
        Instant start = NOW.plus(Duration.ofHours(2));
        SessionRecord confirmed = recordIn(SessionStatus.CONFIRMED, PaymentMode.FREE, start);
        TransitionSession step = TransitionSession.of(SESSION, actor, to, null);

        Verdict<SessionRecord, SessionEvent> early =
                decider.decide(step, start.plus(fromStart).minusSeconds(1), confirmed);
        Verdict<SessionRecord, SessionEvent> onTime = decider.decide(step, start.plus(fromStart), confirmed);

        assertRefusedAsIllegal(early, refusal);
        assertThat(onTime.events()).singleElement().isInstanceOfSatisfying(SessionStatusChanged.class, changed -> {
            assertThat(changed.toStatus()).isEqualTo(to);
            assertThat(changed.actorId()).isEqualTo(actor);
        });
    }

    @Test
    void aNoShowIsFinalTheOtherSideCannotMarkItBack() {
        Instant start = NOW.plus(Duration.ofHours(2));
        SessionRecord confirmed = recordIn(SessionStatus.CONFIRMED, PaymentMode.FREE, start);
        SessionRecord markedByTheHost = stepped(HOST, SessionStatus.NO_SHOW, start.plusSeconds(900), confirmed);

        assertThat(decider.decide(
                                TransitionSession.of(SESSION, GUEST, SessionStatus.NO_SHOW, null),
                                start.plusSeconds(3600),
                                markedByTheHost)
                        .events())
                .singleElement()
                .isInstanceOf(SessionCommandRejected.class);
    }

    @Test
    void acceptsTheEdgesOfTheLimits() {
        assertThat(SessionDecider.invalidRequest(
                        request(NOW.plusSeconds(1), 5, Money.of(0, "eur"), PaymentMode.DONATION),
                        NOW,
                        BookingLimits.defaults()))
                .isEmpty();
        assertThat(SessionDecider.invalidRequest(
                        request(null, 480, Money.of(1, "USD"), PaymentMode.PAID), NOW, BookingLimits.defaults()))
                .isEmpty();
        assertThat(SessionDecider.invalidRequest(
                        request(NOW.plus(Duration.ofDays(90)), 30, Money.of(0, "usd"), PaymentMode.FREE),
                        NOW,
                        BookingLimits.defaults()))
                .as("exactly at the horizon")
                .isEmpty();
    }

    private static RequestSession request(Instant start, int minutes, Money price, PaymentMode mode) {
        return RequestSession.of(SESSION, GUEST, HOST, CONVERSATION, start, minutes, price, mode, null, null);
    }

    private static UUID actor(SessionRole role) {
        return switch (role) {
            case HOST -> HOST;
            case GUEST -> GUEST;
            case PLATFORM -> SystemActors.PLATFORM;
            case STRANGER -> STRANGER;
        };
    }

    /** The record after {@code actor}'s legal step to {@code to} at {@code at}. */
    private SessionRecord stepped(UUID actor, SessionStatus to, Instant at, SessionRecord record) {
        return decider.decide(TransitionSession.of(SESSION, actor, to, null), at, record)
                .state()
                .orElseThrow();
    }

    private static void assertRefusedAsIllegal(Verdict<SessionRecord, SessionEvent> verdict, String reasonPart) {
        assertThat(verdict.events()).singleElement().isInstanceOfSatisfying(SessionCommandRejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo(SessionRejectionCode.ILLEGAL_TRANSITION);
            assertThat(rejected.reason()).contains(reasonPart);
        });
    }

    private static SessionRejectionCode rejectionOf(Verdict<SessionRecord, SessionEvent> verdict) {
        assertThat(verdict.events()).singleElement().isInstanceOf(SessionCommandRejected.class);
        return ((SessionCommandRejected) verdict.events().getFirst()).code();
    }

    @Test
    void aReviewRatesOneToFiveWithAnOptionalTextOfAtMostTwoThousandCharacters() {
        SessionRecord completed = recordIn(SessionStatus.COMPLETED, PaymentMode.FREE);

        for (int rating : new int[] {0, 6}) {
            assertThat(rejectionOf(decider.decide(ReviewSession.of(SESSION, GUEST, rating, null), NOW, completed)))
                    .as("rating %d", rating)
                    .isEqualTo(SessionRejectionCode.INVALID);
        }
        assertThat(rejectionOf(decider.decide(ReviewSession.of(SESSION, GUEST, 3, " "), NOW, completed)))
                .isEqualTo(SessionRejectionCode.INVALID);
        assertThat(rejectionOf(decider.decide(ReviewSession.of(SESSION, GUEST, 3, "é".repeat(2001)), NOW, completed)))
                .isEqualTo(SessionRejectionCode.INVALID);
        assertThat(decider.decide(ReviewSession.of(SESSION, GUEST, 1, "é".repeat(2000)), NOW, completed)
                        .events())
                .singleElement()
                .isInstanceOf(SessionReviewed.class);
        assertThat(decider.decide(ReviewSession.of(SESSION, GUEST, 5, null), NOW, completed)
                        .events())
                .singleElement()
                .isInstanceOfSatisfying(SessionReviewed.class, reviewed -> {
                    assertThat(reviewed.guestUserId()).isEqualTo(GUEST);
                    assertThat(reviewed.hostUserId()).isEqualTo(HOST);
                    assertThat(reviewed.rating()).isEqualTo(5);
                    assertThat(reviewed.text()).isNull();
                    assertThat(reviewed.occurredAt()).isEqualTo(NOW);
                });
    }

    @Test
    void anAnswerNeedsTextAndAReviewAndCanBeGivenOnlyOnce() {
        SessionRecord completed = recordIn(SessionStatus.COMPLETED, PaymentMode.FREE);
        assertThat(rejectionOf(decider.decide(AnswerReview.of(SESSION, HOST, "Thanks"), NOW, completed)))
                .isEqualTo(SessionRejectionCode.NOT_REVIEWED);
        SessionRecord reviewed = decider.decide(ReviewSession.of(SESSION, GUEST, 4, "Good"), NOW, completed)
                .state()
                .orElseThrow();

        assertThat(rejectionOf(decider.decide(AnswerReview.of(SESSION, HOST, ""), NOW, reviewed)))
                .isEqualTo(SessionRejectionCode.INVALID);
        Verdict<SessionRecord, SessionEvent> answered =
                decider.decide(AnswerReview.of(SESSION, HOST, "Thanks"), NOW, reviewed);
        assertThat(answered.events()).singleElement().isInstanceOfSatisfying(ReviewAnswered.class, answer -> {
            assertThat(answer.hostUserId()).isEqualTo(HOST);
            assertThat(answer.text()).isEqualTo("Thanks");
        });
        assertThat(answered.state().orElseThrow().review()).isEqualTo(new SessionReview(4, true));
        assertThat(rejectionOf(decider.decide(
                        AnswerReview.of(SESSION, HOST, "Thanks again"),
                        NOW,
                        answered.state().orElseThrow())))
                .isEqualTo(SessionRejectionCode.ALREADY_ANSWERED);
    }

    @Test
    void aReviewProcessedAgainGetsItsOwnAnswerNotAlreadyReviewed() {
        ReviewSession review = ReviewSession.of(SESSION, GUEST, 4, null);
        Verdict<SessionRecord, SessionEvent> first =
                decider.decide(review, NOW, recordIn(SessionStatus.COMPLETED, PaymentMode.FREE));

        assertThat(decider.decide(review, NOW, first.state().orElseThrow()).events())
                .isEqualTo(first.events());
    }

    private static SessionRecord recordIn(SessionStatus status, PaymentMode mode) {
        return recordIn(status, mode, null);
    }

    private static SessionRecord recordIn(SessionStatus status, PaymentMode mode, Instant start) {
        Session session = new Session(
                SESSION,
                GUEST,
                HOST,
                CONVERSATION,
                start,
                30,
                Money.of(mode == PaymentMode.PAID ? 5000 : 0, "usd"),
                mode,
                status,
                NOW.minusSeconds(600),
                NOW.minusSeconds(600),
                null,
                null,
                null,
                null);
        return new SessionRecord(session, AnswerLog.empty(), null, null);
    }
}
