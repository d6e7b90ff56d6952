package com.humanchat.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.humanchat.schemas.SystemActors;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.chat.ChatCommand;
import com.humanchat.schemas.chat.SendMessage;
import com.humanchat.schemas.rtc.RtcSignal;
import com.humanchat.schemas.sessions.AnswerReschedule;
import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.PaymentMode;
import com.humanchat.schemas.sessions.ProposeReschedule;
import com.humanchat.schemas.sessions.RequestSession;
import com.humanchat.schemas.sessions.RescheduleDeclined;
import com.humanchat.schemas.sessions.RescheduleProposed;
import com.humanchat.schemas.sessions.SessionCommand;
import com.humanchat.schemas.sessions.SessionCommandRejected;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.schemas.sessions.SessionRejectionCode;
import com.humanchat.schemas.sessions.SessionReminder;
import com.humanchat.schemas.sessions.SessionRequested;
import com.humanchat.schemas.sessions.SessionRescheduled;
import com.humanchat.schemas.sessions.SessionStatus;
import com.humanchat.schemas.sessions.SessionStatusChanged;
import com.humanchat.schemas.sessions.TransitionSession;
import com.humanchat.streams.domain.BookingLimits;
import com.humanchat.streams.domain.HostCalendar;
import com.humanchat.streams.domain.SessionRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reschedules (decided in the host's calendar, then the session) and the session clock (reminders, no-shows,
 * completions by wall-clock punctuation), against the real session topology.
 */
class SessionScheduleTopologyTest {

    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant IN_TWO_DAYS = Instant.parse("2026-11-26T10:00:00Z");
    private static final Instant IN_THREE_DAYS = Instant.parse("2026-11-27T10:00:00Z");
    private static final Duration CLOCK = Duration.ofSeconds(30);
    private static final List<String> STORES =
            List.of(SessionTopology.SESSION_STORE, SessionTopology.CALENDAR_STORE, SessionTopology.CLOCK_STORE);

    @TempDir
    Path stateDir;

    private final UUID guest = UUID.randomUUID();
    private final UUID otherGuest = UUID.randomUUID();
    private final UUID host = UUID.randomUUID();
    private final UUID stranger = UUID.randomUUID();
    private final UUID conversationId = UUID.randomUUID();

    private TopologyTestDriver driver;
    private TestInputTopic<String, SessionCommand> commands;
    private TestInputTopic<String, RtcSignal> signals;
    private TestOutputTopic<String, SessionEvent> events;
    private TestOutputTopic<String, ChatCommand> chatCommands;
    private KeyValueStore<String, byte[]> sessionStore;
    private KeyValueStore<String, byte[]> calendarStore;
    private Instant now = START;

    @BeforeEach
    void setUp() {
        open();
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    /** A driver on {@link #stateDir} whose wall clock starts at {@link #now}. */
    private void open() {
        StreamsSettings settings = new StreamsSettings(
                "humanchat-sessions",
                "unused:9092",
                stateDir,
                1,
                (short) 1,
                0,
                Duration.ofSeconds(1),
                Topics.deadLetterOf(Topics.SESSIONS_COMMANDS.name()));
        driver = new TopologyTestDriver(
                SessionTopology.build(BookingLimits.defaults(), CLOCK), settings.toProperties(), now);
        commands = driver.createInputTopic(
                Topics.SESSIONS_COMMANDS.name(),
                Topics.SESSIONS_COMMANDS.keySerde().serializer(),
                Topics.SESSIONS_COMMANDS.valueSerde().serializer());
        signals = driver.createInputTopic(
                Topics.RTC_SIGNALS.name(),
                Topics.RTC_SIGNALS.keySerde().serializer(),
                Topics.RTC_SIGNALS.valueSerde().serializer());
        events = driver.createOutputTopic(
                Topics.SESSIONS_EVENTS.name(),
                Topics.SESSIONS_EVENTS.keySerde().deserializer(),
                Topics.SESSIONS_EVENTS.valueSerde().deserializer());
        chatCommands = driver.createOutputTopic(
                Topics.CHAT_COMMANDS.name(),
                Topics.CHAT_COMMANDS.keySerde().deserializer(),
                Topics.CHAT_COMMANDS.valueSerde().deserializer());
        sessionStore = driver.getKeyValueStore(SessionTopology.SESSION_STORE);
        calendarStore = driver.getKeyValueStore(SessionTopology.CALENDAR_STORE);
    }

    /**
     * Closes the driver and opens a new one on the same state directory, its stores restored from their changelog
     * topics as a restarted instance restores them (a closed {@code TopologyTestDriver} wipes its state directory, so
     * the changelog is what carries the state over, as on a new machine).
     */
    private void restart() {
        Map<String, List<KeyValue<String, byte[]>>> changelogs = new LinkedHashMap<>();
        for (String store : STORES) {
            changelogs.put(store, changelog(store).readKeyValuesToList());
        }
        driver.close();
        open();
        changelogs.forEach((store, entries) -> {
            KeyValueStore<String, byte[]> restored = driver.getKeyValueStore(store);
            entries.forEach(entry -> {
                if (entry.value == null) {
                    restored.delete(entry.key);
                } else {
                    restored.put(entry.key, entry.value);
                }
            });
            // the restore is logged again, so a later restart restores all of it
        });
    }

    private TestOutputTopic<String, byte[]> changelog(String store) {
        return driver.createOutputTopic(
                "humanchat-sessions-" + store + "-changelog", new StringDeserializer(), new ByteArrayDeserializer());
    }

    private List<SessionEvent> handle(SessionCommand command) {
        now = now.plusMillis(10);
        commands.pipeInput(command.sessionId().toString(), command, now);
        return events.readValuesToList();
    }

    /** Lets the wall clock run to {@code until} in punctuation steps; what the topology emitted meanwhile. */
    private List<SessionEvent> clockTo(Instant until) {
        List<SessionEvent> emitted = new ArrayList<>();
        while (now.isBefore(until)) {
            Duration step = Duration.between(now, until).compareTo(CLOCK) < 0 ? Duration.between(now, until) : CLOCK;
            driver.advanceWallClockTime(step);
            now = now.plus(step);
            emitted.addAll(events.readValuesToList());
        }
        return emitted;
    }

    private RequestSession book(UUID guestId, Instant start, PaymentMode mode) {
        Money price = mode == PaymentMode.PAID ? Money.of(5000, "usd") : Money.of(0, "usd");
        RequestSession request =
                RequestSession.of(UUID.randomUUID(), guestId, host, conversationId, start, 60, price, mode, null, null);
        assertThat(handle(request)).singleElement().isInstanceOf(SessionRequested.class);
        handle(TransitionSession.of(request.sessionId(), host, SessionStatus.ACCEPTED, null));
        if (mode == PaymentMode.PAID) {
            handle(TransitionSession.of(
                    request.sessionId(), SystemActors.PLATFORM, SessionStatus.CONFIRMED, "payment succeeded"));
        }
        assertThat(stored(request.sessionId()).session().status()).isEqualTo(SessionStatus.CONFIRMED);
        chatCommands.readValuesToList();
        return request;
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

    private List<SessionEvent> propose(UUID sessionId, UUID actor, Instant start) {
        return handle(ProposeReschedule.of(sessionId, actor, host, start));
    }

    private List<SessionEvent> answer(UUID sessionId, UUID actor, Instant start, boolean accept) {
        return handle(AnswerReschedule.of(sessionId, actor, host, start, accept));
    }

    @Test
    void rescheduleKeepsThePayment() {
        RequestSession paid = book(guest, IN_TWO_DAYS, PaymentMode.PAID);

        assertThat(propose(paid.sessionId(), host, IN_THREE_DAYS))
                .singleElement()
                .isInstanceOfSatisfying(RescheduleProposed.class, proposed -> {
                    assertThat(proposed.fromStartTime()).isEqualTo(IN_TWO_DAYS);
                    assertThat(proposed.toStartTime()).isEqualTo(IN_THREE_DAYS);
                    assertThat(proposed.session().startTime())
                            .as("a proposal moves nothing yet")
                            .isEqualTo(IN_TWO_DAYS);
                });
        List<SessionEvent> accepted = answer(paid.sessionId(), guest, IN_THREE_DAYS, true);

        assertThat(accepted)
                .as("no status change: the payments worker refunds or charges only on status changes")
                .noneMatch(SessionStatusChanged.class::isInstance)
                .singleElement()
                .isInstanceOfSatisfying(SessionRescheduled.class, moved -> {
                    assertThat(moved.fromStartTime()).isEqualTo(IN_TWO_DAYS);
                    assertThat(moved.sequence()).isEqualTo(1);
                    assertThat(moved.proposedBy()).isEqualTo(host);
                    assertThat(moved.session().startTime()).isEqualTo(IN_THREE_DAYS);
                    assertThat(moved.session().status()).isEqualTo(SessionStatus.CONFIRMED);
                    assertThat(moved.session().paymentMode()).isEqualTo(PaymentMode.PAID);
                    assertThat(moved.session().agreedPrice()).isEqualTo(Money.of(5000, "usd"));
                });
        SessionRecord after = stored(paid.sessionId());
        assertThat(after.session().status()).isEqualTo(SessionStatus.CONFIRMED);
        assertThat(after.session().startTime()).isEqualTo(IN_THREE_DAYS);
        assertThat(after.schedule().proposal()).isNull();
        assertThat(calendar().bookings()).singleElement().satisfies(booking -> {
            assertThat(booking.start()).isEqualTo(IN_THREE_DAYS);
            assertThat(booking.end()).isEqualTo(IN_THREE_DAYS.plusSeconds(3600));
        });
        assertThat(chatCommands.readValuesToList())
                .map(command -> ((SendMessage) command).content())
                .containsExactly(
                        "Reschedule proposed: move the session from " + IN_TWO_DAYS + " to " + IN_THREE_DAYS,
                        "Session rescheduled from " + IN_TWO_DAYS + " to " + IN_THREE_DAYS
                                + " (the payment stays as it was)");
    }

    @Test
    void onlyTheOtherParticipantAnswersAndADeclineKeepsTheTime() {
        RequestSession session = book(guest, IN_TWO_DAYS, PaymentMode.FREE);
        propose(session.sessionId(), guest, IN_THREE_DAYS);

        assertThat(rejection(answer(session.sessionId(), guest, IN_THREE_DAYS, true)))
                .as("the proposer cannot accept their own proposal")
                .isEqualTo(SessionRejectionCode.NO_PROPOSAL);
        assertThat(rejection(answer(session.sessionId(), stranger, IN_THREE_DAYS, true)))
                .isEqualTo(SessionRejectionCode.NOT_A_PARTICIPANT);
        assertThat(rejection(answer(session.sessionId(), host, IN_THREE_DAYS.plusSeconds(3600), true)))
                .as("an answer names the proposal's time")
                .isEqualTo(SessionRejectionCode.NO_PROPOSAL);

        assertThat(answer(session.sessionId(), host, IN_THREE_DAYS, false))
                .singleElement()
                .isInstanceOfSatisfying(
                        RescheduleDeclined.class,
                        declined -> assertThat(declined.session().startTime()).isEqualTo(IN_TWO_DAYS));
        assertThat(stored(session.sessionId()).session().startTime()).isEqualTo(IN_TWO_DAYS);
        assertThat(calendar().bookings()).singleElement().satisfies(booking -> {
            assertThat(booking.start()).isEqualTo(IN_TWO_DAYS);
            assertThat(booking.proposal()).isNull();
        });
        assertThat(rejection(answer(session.sessionId(), host, IN_THREE_DAYS, true)))
                .as("a declined proposal cannot be accepted after")
                .isEqualTo(SessionRejectionCode.NO_PROPOSAL);
    }

    @Test
    void theNewSlotMustBeFreeAndTheOldOneIsReleasedOnlyOnAccept() {
        RequestSession moving = book(guest, IN_TWO_DAYS, PaymentMode.FREE);
        book(otherGuest, IN_THREE_DAYS, PaymentMode.FREE);

        assertThat(rejection(propose(moving.sessionId(), guest, IN_THREE_DAYS.plusSeconds(1800))))
                .as("the new slot overlaps the host's other session")
                .isEqualTo(SessionRejectionCode.SCHEDULE_CONFLICT);

        Instant free = IN_THREE_DAYS.plus(Duration.ofHours(2));
        propose(moving.sessionId(), guest, free);
        RequestSession intoOldSlot = RequestSession.of(
                UUID.randomUUID(),
                stranger,
                host,
                null,
                IN_TWO_DAYS,
                60,
                Money.of(0, "usd"),
                PaymentMode.FREE,
                null,
                null);
        assertThat(rejection(handle(intoOldSlot)))
                .as("before the accept the old slot is still held")
                .isEqualTo(SessionRejectionCode.SCHEDULE_CONFLICT);

        assertThat(answer(moving.sessionId(), host, free, true)).singleElement().isInstanceOf(SessionRescheduled.class);
        RequestSession retried = RequestSession.of(
                UUID.randomUUID(),
                stranger,
                host,
                null,
                IN_TWO_DAYS,
                60,
                Money.of(0, "usd"),
                PaymentMode.FREE,
                null,
                null);
        assertThat(handle(retried))
                .as("after the accept the old slot is free")
                .singleElement()
                .isInstanceOf(SessionRequested.class);
    }

    @Test
    void twoAcceptedProposalsForOneSlotOnlyOneWins() {
        RequestSession first = book(guest, IN_TWO_DAYS, PaymentMode.FREE);
        RequestSession second = book(otherGuest, IN_TWO_DAYS.plus(Duration.ofHours(2)), PaymentMode.FREE);
        Instant contested = IN_THREE_DAYS;
        propose(first.sessionId(), host, contested);
        propose(second.sessionId(), host, contested.plusSeconds(1800));

        List<SessionEvent> firstAccept = answer(first.sessionId(), guest, contested, true);
        List<SessionEvent> secondAccept = answer(second.sessionId(), otherGuest, contested.plusSeconds(1800), true);

        assertThat(firstAccept).singleElement().isInstanceOf(SessionRescheduled.class);
        assertThat(rejection(secondAccept)).isEqualTo(SessionRejectionCode.SCHEDULE_CONFLICT);
        assertThat(stored(second.sessionId()).session().startTime()).isEqualTo(IN_TWO_DAYS.plus(Duration.ofHours(2)));
        assertThat(calendar().bookings())
                .extracting(HostCalendar.Booking::start)
                .containsExactlyInAnyOrder(contested, IN_TWO_DAYS.plus(Duration.ofHours(2)));
    }

    @Test
    void aLateRescheduleIsRefusedInPlainWords() {
        RequestSession soon = book(guest, START.plus(Duration.ofMinutes(90)), PaymentMode.FREE);

        List<SessionEvent> refused = propose(soon.sessionId(), guest, IN_TWO_DAYS);

        assertThat(rejection(refused)).isEqualTo(SessionRejectionCode.RESCHEDULE_TOO_LATE);
        assertThat(((SessionCommandRejected) refused.getFirst()).reason())
                .isEqualTo("it is too late to reschedule: a session can be moved until 120 minutes before it starts ("
                        + START.plus(Duration.ofMinutes(90)) + "); cancel it instead");
    }

    @Test
    void remindersGoOutOnceEachAt24HoursAnd15MinutesEvenAcrossARestart() {
        RequestSession session = book(guest, IN_TWO_DAYS, PaymentMode.FREE);

        List<SessionEvent> dayBefore =
                clockTo(IN_TWO_DAYS.minus(Duration.ofHours(24)).plusSeconds(30));
        assertThat(dayBefore).singleElement().isInstanceOfSatisfying(SessionReminder.class, reminder -> {
            assertThat(reminder.lead()).isEqualTo(SessionReminder.Lead.DAY);
            assertThat(reminder.recipientIds()).containsExactlyInAnyOrder(guest, host);
            assertThat(reminder.startTime()).isEqualTo(IN_TWO_DAYS);
            assertThat(reminder.occurredAt()).isEqualTo(IN_TWO_DAYS.minus(Duration.ofHours(24)));
            assertThat(reminder.title()).isEqualTo("Your 60-minute session starts in 24 hours, at " + IN_TWO_DAYS);
        });
        assertThat(chatCommands.readValuesToList()).singleElement().satisfies(notice -> assertThat(
                        ((SendMessage) notice).content())
                .startsWith("Reminder: Your 60-minute session starts in 24 hours"));

        restart();
        assertThat(clockTo(IN_TWO_DAYS.minus(Duration.ofMinutes(20))))
                .as("nothing is reminded twice after a restart")
                .isEmpty();
        List<SessionEvent> quarterHour = clockTo(IN_TWO_DAYS.minus(Duration.ofMinutes(10)));
        restart();
        quarterHour.addAll(clockTo(IN_TWO_DAYS.minus(Duration.ofMinutes(5))));
        assertThat(quarterHour).singleElement().isInstanceOfSatisfying(SessionReminder.class, reminder -> assertThat(
                        reminder.lead())
                .isEqualTo(SessionReminder.Lead.QUARTER_HOUR));
        assertThat(stored(session.sessionId()).schedule().reminded())
                .containsExactly("24h@" + IN_TWO_DAYS, "15m@" + IN_TWO_DAYS);
    }

    @Test
    void aConfirmedSessionNobodyStartedEndsAsANoShowOnceAcrossARestartNamingWhoWaited() {
        RequestSession session = book(guest, START.plus(Duration.ofHours(3)), PaymentMode.PAID);
        clockTo(START.plus(Duration.ofHours(3)).plusSeconds(60));
        signals.pipeInput(
                session.sessionId().toString(),
                RtcSignal.of(session.sessionId(), guest, host, JsonNodeFactory.instance.objectNode()),
                now);
        assertThat(events.readValuesToList()).isEmpty();

        restart();
        Instant end = START.plus(Duration.ofHours(4));
        List<SessionEvent> emitted = clockTo(end.plusSeconds(45));
        restart();
        emitted.addAll(clockTo(end.plus(Duration.ofMinutes(10))));

        assertThat(emitted).singleElement().isInstanceOfSatisfying(SessionStatusChanged.class, noShow -> {
            assertThat(noShow.toStatus()).isEqualTo(SessionStatus.NO_SHOW);
            assertThat(noShow.fromStatus()).isEqualTo(SessionStatus.CONFIRMED);
            assertThat(noShow.actorId()).as("the guest waited in the call").isEqualTo(guest);
            assertThat(noShow.reason()).isEqualTo("the guest waited; nobody started it before its scheduled end");
            assertThat(noShow.occurredAt()).isEqualTo(end);
        });
        assertThat(stored(session.sessionId()).session().status()).isEqualTo(SessionStatus.NO_SHOW);
        assertThat(calendar().bookings()).as("the no-show released the slot").isEmpty();
    }

    @Test
    void aSessionInProgressCompletesByItselfAtItsEndPlusGraceOnceAcrossARestart() {
        RequestSession session = book(guest, START.plus(Duration.ofHours(3)), PaymentMode.FREE);
        clockTo(START.plus(Duration.ofHours(3)));
        assertThat(handle(TransitionSession.of(session.sessionId(), host, SessionStatus.IN_PROGRESS, null)))
                .singleElement()
                .isInstanceOf(SessionStatusChanged.class);
        Instant startedAt = now;

        Instant due = START.plus(Duration.ofHours(4)).plus(BookingLimits.DEFAULT_COMPLETE_GRACE);
        assertThat(clockTo(due.minusSeconds(1))).isEmpty();
        restart();
        List<SessionEvent> emitted = clockTo(due.plusSeconds(30));
        restart();
        emitted.addAll(clockTo(due.plus(Duration.ofMinutes(30))));

        assertThat(emitted).singleElement().isInstanceOfSatisfying(SessionStatusChanged.class, completed -> {
            assertThat(completed.toStatus()).isEqualTo(SessionStatus.COMPLETED);
            assertThat(completed.actorId()).isEqualTo(SystemActors.PLATFORM);
            assertThat(completed.occurredAt()).isEqualTo(due);
            assertThat(completed.session().actualDurationSeconds())
                    .isEqualTo(Duration.between(startedAt, due).toSeconds());
        });
        assertThat(stored(session.sessionId()).session().status()).isEqualTo(SessionStatus.COMPLETED);
    }
}
