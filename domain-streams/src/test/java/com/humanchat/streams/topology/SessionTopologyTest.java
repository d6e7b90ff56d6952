package com.humanchat.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.humanchat.schemas.SystemActors;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.TraceParent;
import com.humanchat.schemas.chat.ChatCommand;
import com.humanchat.schemas.chat.MessageKind;
import com.humanchat.schemas.chat.SendMessage;
import com.humanchat.schemas.sessions.AnswerReview;
import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.PaymentMode;
import com.humanchat.schemas.sessions.RequestSession;
import com.humanchat.schemas.sessions.ReviewAnswered;
import com.humanchat.schemas.sessions.ReviewSession;
import com.humanchat.schemas.sessions.SessionCommand;
import com.humanchat.schemas.sessions.SessionCommandRejected;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.schemas.sessions.SessionRejectionCode;
import com.humanchat.schemas.sessions.SessionRequested;
import com.humanchat.schemas.sessions.SessionReviewed;
import com.humanchat.schemas.sessions.SessionStatus;
import com.humanchat.schemas.sessions.SessionStatusChanged;
import com.humanchat.schemas.sessions.TransitionSession;
import com.humanchat.streams.domain.BookingLimits;
import com.humanchat.streams.domain.HostCalendar;
import com.humanchat.streams.domain.SessionRecord;
import com.humanchat.streams.domain.SessionReview;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionTopologyTest {

    private static final String DEAD_LETTERS = Topics.deadLetterOf(Topics.SESSIONS_COMMANDS.name());
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant TOMORROW_TEN = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path stateDir;

    private final UUID guest = UUID.randomUUID();
    private final UUID otherGuest = UUID.randomUUID();
    private final UUID host = UUID.randomUUID();
    private final UUID stranger = UUID.randomUUID();
    private final UUID conversationId = UUID.randomUUID();

    private TopologyTestDriver driver;
    private TestInputTopic<String, SessionCommand> commands;
    private TestInputTopic<String, byte[]> rawCommands;
    private TestOutputTopic<String, SessionEvent> events;
    private TestOutputTopic<String, ChatCommand> chatCommands;
    private TestOutputTopic<byte[], byte[]> deadLetters;
    private KeyValueStore<String, byte[]> sessionStore;
    private KeyValueStore<String, byte[]> calendarStore;
    private Instant recordTime = START;

    @BeforeEach
    void setUp() {
        StreamsSettings settings = new StreamsSettings(
                "humanchat-sessions", "unused:9092", stateDir, 1, (short) 1, 0, Duration.ofSeconds(1), DEAD_LETTERS);
        driver =
                new TopologyTestDriver(SessionTopology.build(BookingLimits.defaults()), settings.toProperties(), START);
        commands = driver.createInputTopic(
                Topics.SESSIONS_COMMANDS.name(),
                Topics.SESSIONS_COMMANDS.keySerde().serializer(),
                Topics.SESSIONS_COMMANDS.valueSerde().serializer());
        rawCommands = driver.createInputTopic(
                Topics.SESSIONS_COMMANDS.name(), new StringSerializer(), new ByteArraySerializer());
        events = driver.createOutputTopic(
                Topics.SESSIONS_EVENTS.name(),
                Topics.SESSIONS_EVENTS.keySerde().deserializer(),
                Topics.SESSIONS_EVENTS.valueSerde().deserializer());
        chatCommands = driver.createOutputTopic(
                Topics.CHAT_COMMANDS.name(),
                Topics.CHAT_COMMANDS.keySerde().deserializer(),
                Topics.CHAT_COMMANDS.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(DEAD_LETTERS, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        sessionStore = driver.getKeyValueStore(SessionTopology.SESSION_STORE);
        calendarStore = driver.getKeyValueStore(SessionTopology.CALENDAR_STORE);
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private List<SessionEvent> handle(SessionCommand command) {
        recordTime = recordTime.plusMillis(10);
        commands.pipeInput(command.sessionId().toString(), command, recordTime);
        return events.readValuesToList();
    }

    private RequestSession scheduled(UUID guestId, Instant start, int minutes) {
        return holding(guestId, start, minutes, null);
    }

    private RequestSession paid(Instant start) {
        return paid(guest, start, 60);
    }

    private RequestSession paid(UUID guestId, Instant start, int minutes) {
        return request(guestId, start, minutes, Money.of(5000, "usd"), PaymentMode.PAID, null);
    }

    private RequestSession holding(UUID guestId, Instant start, int minutes, Integer holdMinutes) {
        return request(guestId, start, minutes, Money.of(0, "usd"), PaymentMode.FREE, holdMinutes);
    }

    private RequestSession request(
            UUID guestId, Instant start, int minutes, Money price, PaymentMode mode, Integer holdMinutes) {
        return RequestSession.of(
                UUID.randomUUID(), guestId, host, conversationId, start, minutes, price, mode, holdMinutes, null);
    }

    private SessionRecord stored(UUID sessionId) {
        byte[] bytes = sessionStore.get(sessionId.toString());
        return bytes == null ? null : StoreJson.read(bytes, SessionRecord.class);
    }

    private HostCalendar calendar() {
        return StoreJson.read(calendarStore.get(host.toString()), HostCalendar.class);
    }

    private static SessionRejectionCode rejection(List<SessionEvent> emitted) {
        assertThat(emitted).singleElement().isInstanceOf(SessionCommandRejected.class);
        return ((SessionCommandRejected) emitted.getFirst()).code();
    }

    @Test
    void keepsTheCommandsTraceThroughTheHostCalendarOnTheEventAndTheNotice() {
        RequestSession request = scheduled(guest, TOMORROW_TEN, 30);
        String traceId = TraceParent.newTraceId();
        RecordHeaders headers = new RecordHeaders();
        TraceParent.set(headers, traceId);

        commands.pipeInput(new TestRecord<>(request.sessionId().toString(), request, headers, START.plusMillis(10)));

        TestRecord<String, SessionEvent> event = events.readRecord();
        assertThat(event.value()).isInstanceOf(SessionRequested.class);
        assertThat(TraceParent.traceIdOf(event.headers())).contains(traceId);
        assertThat(TraceParent.traceIdOf(chatCommands.readRecord().headers())).contains(traceId);
    }

    @Test
    void admitsARequestAndStoresTheSessionAndTheHostsBooking() {
        RequestSession request = scheduled(guest, TOMORROW_TEN, 30);

        List<SessionEvent> emitted = handle(request);

        assertThat(emitted).singleElement().isInstanceOfSatisfying(SessionRequested.class, requested -> {
            assertThat(requested.commandId()).isEqualTo(request.eventId());
            assertThat(requested.session().status()).isEqualTo(SessionStatus.REQUESTED);
            assertThat(requested.session().hostUserId()).isEqualTo(host);
        });
        assertThat(stored(request.sessionId()).session().status()).isEqualTo(SessionStatus.REQUESTED);
        assertThat(calendar().bookings()).singleElement().satisfies(booking -> {
            assertThat(booking.sessionId()).isEqualTo(request.sessionId());
            assertThat(booking.end()).isEqualTo(TOMORROW_TEN.plusSeconds(1800));
        });
        TestRecord<String, ChatCommand> notice = chatCommands.readRecord();
        assertThat(notice.key()).isEqualTo(conversationId.toString());
        assertThat(notice.value()).isInstanceOfSatisfying(SendMessage.class, message -> {
            assertThat(message.messageType()).isEqualTo(MessageKind.SYSTEM);
            assertThat(message.actorId()).isEqualTo(guest);
            assertThat(message.clientMessageId()).isEqualTo("session:" + request.sessionId() + ":requested");
            assertThat(message.content()).isEqualTo("Session requested: 30 min, free, starts " + TOMORROW_TEN);
            JsonNode action = message.actions().getFirst();
            assertThat(action.get("type").asText()).isEqualTo("session");
            assertThat(action.get("sessionId").asText())
                    .isEqualTo(request.sessionId().toString());
            assertThat(action.get("status").asText()).isEqualTo("requested");
        });
    }

    @Test
    void rejectsAnOverlappingRequestForTheSameHostUntilTheSlotIsFreed() {
        RequestSession first = scheduled(guest, TOMORROW_TEN, 60);
        handle(first);
        chatCommands.readValuesToList();
        RequestSession overlapping = scheduled(otherGuest, TOMORROW_TEN.plusSeconds(1800), 60);

        assertThat(rejection(handle(overlapping))).isEqualTo(SessionRejectionCode.SCHEDULE_CONFLICT);
        assertThat(stored(overlapping.sessionId())).isNull();
        assertThat(chatCommands.isEmpty())
                .as("a rejected request writes no message")
                .isTrue();

        List<SessionEvent> declined =
                handle(TransitionSession.of(first.sessionId(), host, SessionStatus.DECLINED, "not that day"));
        assertThat(((SessionStatusChanged) declined.getFirst()).toStatus()).isEqualTo(SessionStatus.DECLINED);
        assertThat(calendar().bookings()).as("the decline released the slot").isEmpty();

        RequestSession retried = scheduled(otherGuest, TOMORROW_TEN.plusSeconds(1800), 60);
        assertThat(handle(retried)).singleElement().isInstanceOf(SessionRequested.class);
    }

    @Test
    void cancellingFreesTheSlotAndAdjacentSlotsNeverConflict() {
        RequestSession first = scheduled(guest, TOMORROW_TEN, 60);
        handle(first);
        assertThat(handle(scheduled(otherGuest, TOMORROW_TEN.plusSeconds(3600), 30)))
                .singleElement()
                .isInstanceOf(SessionRequested.class);

        handle(TransitionSession.of(first.sessionId(), guest, SessionStatus.CANCELLED, null));

        assertThat(handle(scheduled(otherGuest, TOMORROW_TEN, 60)))
                .singleElement()
                .isInstanceOf(SessionRequested.class);
    }

    @Test
    void instantRequestsAreNotCheckedAgainstTheCalendar() {
        handle(scheduled(guest, START.plusSeconds(60), 60));

        assertThat(handle(scheduled(otherGuest, null, 30))).singleElement().isInstanceOf(SessionRequested.class);
    }

    @Test
    void hostAcceptingAFreeSessionConfirmsItAndWritesBothNotices() {
        RequestSession request = scheduled(guest, TOMORROW_TEN, 30);
        handle(request);
        chatCommands.readValuesToList();

        List<SessionEvent> emitted =
                handle(TransitionSession.of(request.sessionId(), host, SessionStatus.ACCEPTED, null));

        assertThat(emitted)
                .extracting(event -> ((SessionStatusChanged) event).toStatus())
                .containsExactly(SessionStatus.ACCEPTED, SessionStatus.CONFIRMED);
        assertThat(stored(request.sessionId()).session().status()).isEqualTo(SessionStatus.CONFIRMED);
        List<TestRecord<String, ChatCommand>> notices = chatCommands.readRecordsToList();
        assertThat(notices).allSatisfy(notice -> assertThat(notice.key()).isEqualTo(conversationId.toString()));
        assertThat(notices)
                .extracting(notice -> ((SendMessage) notice.value()).clientMessageId())
                .containsExactly(
                        "session:" + request.sessionId() + ":accepted",
                        "session:" + request.sessionId() + ":confirmed");
        assertThat(notices)
                .extracting(notice -> notice.value().actorId())
                .as("the platform's step is written as the host's")
                .containsExactly(host, host);
    }

    @Test
    void paidSessionAwaitsPaymentUntilThePlatformConfirms() {
        RequestSession request = paid(TOMORROW_TEN);
        handle(request);

        List<SessionEvent> accepted =
                handle(TransitionSession.of(request.sessionId(), host, SessionStatus.ACCEPTED, null));
        assertThat(((SessionStatusChanged) accepted.getLast()).toStatus()).isEqualTo(SessionStatus.AWAITING_PAYMENT);

        assertThat(rejection(handle(TransitionSession.of(request.sessionId(), guest, SessionStatus.CONFIRMED, null))))
                .isEqualTo(SessionRejectionCode.ILLEGAL_TRANSITION);
        List<SessionEvent> confirmed = handle(
                TransitionSession.of(request.sessionId(), SystemActors.PLATFORM, SessionStatus.CONFIRMED, "paid"));

        assertThat(confirmed).singleElement().isInstanceOfSatisfying(SessionStatusChanged.class, changed -> {
            assertThat(changed.fromStatus()).isEqualTo(SessionStatus.AWAITING_PAYMENT);
            assertThat(changed.toStatus()).isEqualTo(SessionStatus.CONFIRMED);
            assertThat(changed.actorId()).isEqualTo(SystemActors.PLATFORM);
        });
        assertThat(stored(request.sessionId()).session().status()).isEqualTo(SessionStatus.CONFIRMED);
    }

    @Test
    void guestCannotAcceptAndAStrangerLearnsNothing() {
        RequestSession request = scheduled(guest, TOMORROW_TEN, 30);
        handle(request);

        assertThat(rejection(handle(TransitionSession.of(request.sessionId(), guest, SessionStatus.ACCEPTED, null))))
                .isEqualTo(SessionRejectionCode.ILLEGAL_TRANSITION);
        assertThat(rejection(
                        handle(TransitionSession.of(request.sessionId(), stranger, SessionStatus.CANCELLED, null))))
                .isEqualTo(SessionRejectionCode.NOT_A_PARTICIPANT);
        assertThat(rejection(handle(TransitionSession.of(UUID.randomUUID(), host, SessionStatus.ACCEPTED, null))))
                .isEqualTo(SessionRejectionCode.UNKNOWN_SESSION);
        assertThat(stored(request.sessionId()).session().status()).isEqualTo(SessionStatus.REQUESTED);
    }

    @Test
    void startAndCompleteRecordTheTimesAndTheActualDuration() {
        RequestSession request = scheduled(guest, TOMORROW_TEN, 30);
        handle(request);
        handle(TransitionSession.of(request.sessionId(), host, SessionStatus.ACCEPTED, null));
        recordTime = TOMORROW_TEN.minusSeconds(300);
        handle(TransitionSession.of(request.sessionId(), guest, SessionStatus.IN_PROGRESS, null));
        Instant startedAt = recordTime;
        recordTime = recordTime.plusSeconds(1500);

        List<SessionEvent> completed =
                handle(TransitionSession.of(request.sessionId(), host, SessionStatus.COMPLETED, null));

        SessionStatusChanged changed = (SessionStatusChanged) completed.getFirst();
        assertThat(changed.session().startedAt()).isEqualTo(startedAt);
        assertThat(changed.session().completedAt()).isEqualTo(recordTime);
        assertThat(changed.session().actualDurationSeconds()).isEqualTo(1500L);
        assertThat(stored(request.sessionId()).session()).isEqualTo(changed.session());
        assertThat(calendar().bookings())
                .as("completed sessions free their slot")
                .isEmpty();
        assertThat(chatCommands.readValuesToList())
                .extracting(command -> ((SendMessage) command).content())
                .contains("Session started", "Session completed after 25 min");
    }

    /** A free session of {@link #guest} with {@link #host}, tomorrow at ten, taken through to {@code completed}. */
    private UUID completedSession() {
        RequestSession request = scheduled(guest, TOMORROW_TEN, 30);
        handle(request);
        handle(TransitionSession.of(request.sessionId(), host, SessionStatus.ACCEPTED, null));
        recordTime = TOMORROW_TEN;
        handle(TransitionSession.of(request.sessionId(), guest, SessionStatus.IN_PROGRESS, null));
        recordTime = TOMORROW_TEN.plusSeconds(1800);
        assertThat(handle(TransitionSession.of(request.sessionId(), host, SessionStatus.COMPLETED, null)))
                .singleElement()
                .isInstanceOf(SessionStatusChanged.class);
        chatCommands.readValuesToList();
        return request.sessionId();
    }

    @Test
    void aReviewByAnyoneButTheCompletedSessionsGuestIsRejected() {
        UUID sessionId = completedSession();

        assertThat(rejection(handle(ReviewSession.of(sessionId, host, 5, "I was great"))))
                .isEqualTo(SessionRejectionCode.NOT_THE_GUEST);
        assertThat(rejection(handle(ReviewSession.of(sessionId, stranger, 1, "never met them"))))
                .isEqualTo(SessionRejectionCode.NOT_A_PARTICIPANT);
        assertThat(rejection(handle(ReviewSession.of(sessionId, SystemActors.PLATFORM, 3, null))))
                .isEqualTo(SessionRejectionCode.NOT_THE_GUEST);
        assertThat(rejection(handle(ReviewSession.of(UUID.randomUUID(), guest, 4, null))))
                .isEqualTo(SessionRejectionCode.UNKNOWN_SESSION);
        assertThat(stored(sessionId).review()).isNull();
        assertThat(chatCommands.isEmpty()).isTrue();
    }

    @Test
    void aReviewBeforeTheSessionCompletedIsRejected() {
        RequestSession request = scheduled(guest, TOMORROW_TEN, 30);
        handle(request);
        assertThat(rejection(handle(ReviewSession.of(request.sessionId(), guest, 4, null))))
                .isEqualTo(SessionRejectionCode.NOT_COMPLETED);
        handle(TransitionSession.of(request.sessionId(), host, SessionStatus.ACCEPTED, null));
        recordTime = TOMORROW_TEN;
        handle(TransitionSession.of(request.sessionId(), guest, SessionStatus.IN_PROGRESS, null));

        List<SessionEvent> emitted = handle(ReviewSession.of(request.sessionId(), guest, 4, null));

        assertThat(emitted).singleElement().isInstanceOfSatisfying(SessionCommandRejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo(SessionRejectionCode.NOT_COMPLETED);
            assertThat(rejected.commandType()).isEqualTo("session.review");
            assertThat(rejected.reason())
                    .isEqualTo("the session is in_progress: only a completed session can be reviewed");
        });
        assertThat(stored(request.sessionId()).review()).isNull();
    }

    @Test
    void theGuestReviewsACompletedSessionOnceAndASecondReviewIsRejected() {
        UUID sessionId = completedSession();
        ReviewSession review = ReviewSession.of(sessionId, guest, 4, "Clear answers about indexes.");

        List<SessionEvent> emitted = handle(review);

        assertThat(emitted).singleElement().isInstanceOfSatisfying(SessionReviewed.class, reviewed -> {
            assertThat(reviewed.commandId()).isEqualTo(review.eventId());
            assertThat(reviewed.guestUserId()).isEqualTo(guest);
            assertThat(reviewed.hostUserId()).isEqualTo(host);
            assertThat(reviewed.rating()).isEqualTo(4);
            assertThat(reviewed.text()).isEqualTo("Clear answers about indexes.");
        });
        assertThat(stored(sessionId).review()).isEqualTo(new SessionReview(4, false));
        assertThat(rejection(handle(ReviewSession.of(sessionId, guest, 1, "changed my mind"))))
                .isEqualTo(SessionRejectionCode.ALREADY_REVIEWED);
        assertThat(handle(review)).as("the same command again").isEqualTo(emitted);
        assertThat(stored(sessionId).review()).isEqualTo(new SessionReview(4, false));
        assertThat(stored(sessionId).session().status()).isEqualTo(SessionStatus.COMPLETED);
    }

    @Test
    void theHostAnswersTheReviewOnceAndOnlyAfterItAndTheGuestCannotAnswer() {
        UUID sessionId = completedSession();
        assertThat(rejection(handle(AnswerReview.of(sessionId, host, "Thanks!"))))
                .isEqualTo(SessionRejectionCode.NOT_REVIEWED);
        handle(ReviewSession.of(sessionId, guest, 5, null));

        assertThat(rejection(handle(AnswerReview.of(sessionId, guest, "Me again"))))
                .isEqualTo(SessionRejectionCode.NOT_THE_HOST);
        assertThat(rejection(handle(AnswerReview.of(sessionId, stranger, "Hi"))))
                .isEqualTo(SessionRejectionCode.NOT_A_PARTICIPANT);
        AnswerReview answer = AnswerReview.of(sessionId, host, "Thanks!");
        assertThat(handle(answer)).singleElement().isInstanceOfSatisfying(ReviewAnswered.class, answered -> {
            assertThat(answered.commandId()).isEqualTo(answer.eventId());
            assertThat(answered.hostUserId()).isEqualTo(host);
            assertThat(answered.text()).isEqualTo("Thanks!");
        });
        assertThat(rejection(handle(AnswerReview.of(sessionId, host, "Thanks again!"))))
                .isEqualTo(SessionRejectionCode.ALREADY_ANSWERED);
        assertThat(stored(sessionId).review()).isEqualTo(new SessionReview(5, true));
    }

    @Test
    void aRedeliveredCommandReEmitsTheSameOutcome() {
        RequestSession request = scheduled(guest, TOMORROW_TEN, 30);
        commands.pipeInput(request.sessionId().toString(), request, START.plusSeconds(1));
        List<SessionEvent> first = events.readValuesToList();
        List<ChatCommand> firstNotices = chatCommands.readValuesToList();
        TransitionSession accept = TransitionSession.of(request.sessionId(), host, SessionStatus.ACCEPTED, null);
        commands.pipeInput(accept.sessionId().toString(), accept, START.plusSeconds(2));
        List<SessionEvent> accepted = events.readValuesToList();
        chatCommands.readValuesToList();

        commands.pipeInput(request.sessionId().toString(), request, START.plusSeconds(1));
        commands.pipeInput(accept.sessionId().toString(), accept, START.plusSeconds(2));

        assertThat(events.readValuesToList()).containsExactlyElementsOf(concat(first, accepted));
        assertThat(chatCommands.readValuesToList()).startsWith(firstNotices.toArray(ChatCommand[]::new));
        assertThat(stored(request.sessionId()).session().status()).isEqualTo(SessionStatus.CONFIRMED);
        assertThat(calendar().bookings()).hasSize(1);
    }

    @Test
    void tenWholeDayRequestsFromOneGuestDoNotKeepAnotherGuestsPaidBookingOut() {
        Instant dayAfterTomorrow = TOMORROW_TEN.plus(Duration.ofDays(1));
        for (int i = 0; i < 10; i++) {
            handle(scheduled(guest, dayAfterTomorrow.plus(Duration.ofHours(8L * i)), 480));
        }
        RequestSession realBooking = paid(otherGuest, dayAfterTomorrow.plus(Duration.ofHours(8L * 4)), 60);

        assertThat(handle(realBooking)).singleElement().isInstanceOf(SessionRequested.class);
        handle(TransitionSession.of(realBooking.sessionId(), host, SessionStatus.ACCEPTED, null));
        List<SessionEvent> confirmed = handle(TransitionSession.of(
                realBooking.sessionId(), SystemActors.PLATFORM, SessionStatus.CONFIRMED, "payment succeeded"));

        assertThat(confirmed).singleElement().isInstanceOfSatisfying(SessionStatusChanged.class, changed -> assertThat(
                        changed.toStatus())
                .isEqualTo(SessionStatus.CONFIRMED));
    }

    @Test
    void theFourthUnansweredRequestOfOneGuestIsRefusedInPlainWords() {
        for (int day = 1; day <= 3; day++) {
            assertThat(handle(scheduled(guest, TOMORROW_TEN.plus(Duration.ofDays(day)), 60)))
                    .singleElement()
                    .isInstanceOf(SessionRequested.class);
        }

        List<SessionEvent> fourth = handle(scheduled(guest, TOMORROW_TEN.plus(Duration.ofDays(5)), 60));

        assertThat(fourth).singleElement().isInstanceOfSatisfying(SessionCommandRejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo(SessionRejectionCode.TOO_MANY_PENDING);
            assertThat(rejected.reason()).contains("wait for an answer or cancel one");
        });
    }

    @Test
    void anUnansweredRequestStopsHoldingItsSlotWhenItsHoldLapses() {
        Instant nextWeek = TOMORROW_TEN.plus(Duration.ofDays(6));
        RequestSession camping = holding(guest, nextWeek, 480, 120);
        handle(camping);

        assertThat(rejection(handle(holding(otherGuest, nextWeek, 60, null))))
                .isEqualTo(SessionRejectionCode.SCHEDULE_CONFLICT);
        recordTime = recordTime.plus(Duration.ofMinutes(120));
        RequestSession realBooking = paid(otherGuest, nextWeek, 60);

        assertThat(handle(realBooking)).singleElement().isInstanceOf(SessionRequested.class);
        assertThat(calendar().bookings()).hasSize(2);
    }

    @Test
    void theHostCannotAcceptALapsedRequestWhoseSlotWasTakenButCanAcceptOneStillFree() {
        Instant nextWeek = TOMORROW_TEN.plus(Duration.ofDays(6));
        RequestSession lapsed = holding(guest, nextWeek, 60, 0);
        RequestSession lapsedButFree = holding(guest, nextWeek.plus(Duration.ofDays(1)), 60, 0);
        handle(lapsed);
        handle(lapsedButFree);
        RequestSession taker = holding(otherGuest, nextWeek, 60, null);
        assertThat(handle(taker)).singleElement().isInstanceOf(SessionRequested.class);

        List<SessionEvent> refused =
                handle(TransitionSession.of(lapsed.sessionId(), host, SessionStatus.ACCEPTED, null));
        List<SessionEvent> accepted =
                handle(TransitionSession.of(lapsedButFree.sessionId(), host, SessionStatus.ACCEPTED, null));

        assertThat(rejection(refused)).isEqualTo(SessionRejectionCode.SCHEDULE_CONFLICT);
        assertThat(stored(lapsed.sessionId()).session().status()).isEqualTo(SessionStatus.REQUESTED);
        assertThat(accepted)
                .extracting(event -> ((SessionStatusChanged) event).toStatus())
                .containsExactly(SessionStatus.ACCEPTED, SessionStatus.CONFIRMED);
        assertThat(rejection(handle(holding(otherGuest, nextWeek.plus(Duration.ofDays(1)), 60, null))))
                .as("accepted, it holds its slot")
                .isEqualTo(SessionRejectionCode.SCHEDULE_CONFLICT);
    }

    @Test
    void aStartBeyondTheHorizonIsRefusedAsInvalid() {
        List<SessionEvent> farAway = handle(scheduled(guest, Instant.parse("9999-01-01T10:00:00Z"), 60));

        assertThat(farAway).singleElement().isInstanceOfSatisfying(SessionCommandRejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo(SessionRejectionCode.INVALID);
            assertThat(rejected.reason()).contains("at most 90 days in advance");
        });
        assertThat(calendarStore.get(host.toString())).isNull();
    }

    @Test
    void rejectsInvalidRequestsWithoutBookingAnything() {
        RequestSession tooShort = scheduled(guest, TOMORROW_TEN, 3);
        RequestSession inThePast = scheduled(guest, START.minusSeconds(60), 30);

        assertThat(rejection(handle(tooShort))).isEqualTo(SessionRejectionCode.INVALID);
        assertThat(rejection(handle(inThePast))).isEqualTo(SessionRejectionCode.INVALID);
        assertThat(calendarStore.get(host.toString())).isNull();
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopic() {
        RequestSession request = scheduled(guest, TOMORROW_TEN, 30);
        commands.pipeInput(UUID.randomUUID().toString(), request, START);
        rawCommands.pipeInput(
                UUID.randomUUID().toString(),
                "{\"type\":\"session.transition\"}".getBytes(StandardCharsets.UTF_8),
                START);

        List<TestRecord<byte[], byte[]>> letters = deadLetters.readRecordsToList();
        assertThat(letters).hasSize(2);
        Header reason = letters.getFirst().headers().lastHeader(DeadLetterProcessingExceptionHandler.HEADER_MESSAGE);
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("is not the command's sessionId");
        assertThat(events.isEmpty()).isTrue();
        assertThat(handle(scheduled(guest, TOMORROW_TEN, 30)))
                .as("still processing")
                .singleElement()
                .isInstanceOf(SessionRequested.class);
    }

    private static List<SessionEvent> concat(List<SessionEvent> a, List<SessionEvent> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
