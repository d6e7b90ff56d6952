package com.humanchat.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.schemas.Topics;
import com.humanchat.schemas.availability.Availability;
import com.humanchat.schemas.availability.AvailabilityEvent;
import com.humanchat.schemas.availability.AvailabilityUpdated;
import com.humanchat.schemas.availability.SetAvailability;
import com.humanchat.schemas.availability.SlotCalculator;
import com.humanchat.schemas.availability.TimeSlot;
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
import com.humanchat.schemas.sessions.SessionRequested;
import com.humanchat.schemas.sessions.SessionRescheduled;
import com.humanchat.schemas.sessions.SessionStatus;
import com.humanchat.schemas.sessions.TransitionSession;
import com.humanchat.streams.domain.BookingLimits;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host calendar books (and reschedules) a host with availability by it: hours across daylight-saving changes,
 * buffers, notice.
 */
class AvailabilityTopologyTest {

    private static final String DEAD_LETTERS = Topics.deadLetterOf(Topics.SESSIONS_COMMANDS.name());
    private static final Duration HOUR = Duration.ofHours(1);

    @TempDir
    Path stateDir;

    private final UUID host = UUID.randomUUID();
    private final UUID guest = UUID.randomUUID();
    private final UUID otherGuest = UUID.randomUUID();

    private TopologyTestDriver driver;
    private TestInputTopic<String, SessionCommand> commands;
    private TestInputTopic<String, com.humanchat.schemas.availability.AvailabilityCommand> availabilityCommands;
    private TestOutputTopic<String, SessionEvent> events;
    private TestOutputTopic<String, AvailabilityEvent> availabilityEvents;
    private TestOutputTopic<byte[], byte[]> deadLetters;
    private KeyValueStore<String, byte[]> availabilityStore;
    private Instant now;

    @BeforeEach
    void setUp() {
        StreamsSettings settings = new StreamsSettings(
                "humanchat-sessions", "unused:9092", stateDir, 1, (short) 1, 0, Duration.ofSeconds(1), DEAD_LETTERS);
        driver = new TopologyTestDriver(
                SessionTopology.build(BookingLimits.defaults()),
                settings.toProperties(),
                Instant.parse("2026-01-01T00:00:00Z"));
        commands = driver.createInputTopic(
                Topics.SESSIONS_COMMANDS.name(),
                Topics.SESSIONS_COMMANDS.keySerde().serializer(),
                Topics.SESSIONS_COMMANDS.valueSerde().serializer());
        availabilityCommands = driver.createInputTopic(
                Topics.AVAILABILITY_COMMANDS.name(),
                Topics.AVAILABILITY_COMMANDS.keySerde().serializer(),
                Topics.AVAILABILITY_COMMANDS.valueSerde().serializer());
        events = driver.createOutputTopic(
                Topics.SESSIONS_EVENTS.name(),
                Topics.SESSIONS_EVENTS.keySerde().deserializer(),
                Topics.SESSIONS_EVENTS.valueSerde().deserializer());
        availabilityEvents = driver.createOutputTopic(
                Topics.AVAILABILITY_EVENTS.name(),
                Topics.AVAILABILITY_EVENTS.keySerde().deserializer(),
                Topics.AVAILABILITY_EVENTS.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(DEAD_LETTERS, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        availabilityStore = driver.getKeyValueStore(SessionTopology.AVAILABILITY_STORE);
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private static Availability everyDay(String zone, String start, String end, int before, int after, int notice) {
        List<Availability.Range> ranges = List.of(new Availability.Range(start, end));
        Map<String, List<Availability.Range>> weekly = Arrays.stream(DayOfWeek.values())
                .collect(Collectors.toMap(
                        Availability::dayKey, Function.identity().andThen(day -> ranges)));
        return new Availability(zone, weekly, List.of(), before, after, notice, 60, List.of(60, 30));
    }

    private void publish(Availability availability, Instant at) {
        now = at;
        availabilityCommands.pipeInput(host.toString(), SetAvailability.of(host, availability), at);
    }

    /** What the calendar decides for a new guest's 60-minute request at {@code start}: null = admitted. */
    private SessionRejectionCode book(Instant start) {
        now = now.plusMillis(10);
        RequestSession request = RequestSession.of(
                UUID.randomUUID(),
                UUID.randomUUID(),
                host,
                null,
                start,
                60,
                Money.of(0, "usd"),
                PaymentMode.FREE,
                null,
                null);
        commands.pipeInput(request.sessionId().toString(), request, now);
        SessionEvent answer = events.readValuesToList().getFirst();
        return answer instanceof SessionCommandRejected rejected ? rejected.code() : null;
    }

    /** The slots the same rule offers from the availability the calendar stored (as the edge computes them). */
    private List<Instant> slots(Instant from, Instant to) {
        Availability stored = StoreJson.read(availabilityStore.get(host.toString()), Availability.class);
        return new SlotCalculator(stored, List.of(), now)
                .slots(from, to, HOUR).stream().map(TimeSlot::start).toList();
    }

    @Test
    void berlinNightHoursLastTwoRealHoursWhenClocksSpringForwardAndFourWhenTheyFallBack() {
        publish(everyDay("Europe/Berlin", "01:00", "04:00", 0, 0, 0), Instant.parse("2026-03-20T00:00:00Z"));

        // 29 March 2026: 02:00 CET jumps to 03:00 CEST, so 01:00–04:00 local is 00:00Z–02:00Z
        assertThat(slots(Instant.parse("2026-03-28T22:00:00Z"), Instant.parse("2026-03-29T12:00:00Z")))
                .containsExactly(Instant.parse("2026-03-29T00:00:00Z"), Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(book(Instant.parse("2026-03-29T00:00:00Z"))).isNull();
        assertThat(book(Instant.parse("2026-03-29T01:00:00Z"))).isNull();
        assertThat(book(Instant.parse("2026-03-29T02:00:00Z"))).isEqualTo(SessionRejectionCode.OUTSIDE_AVAILABILITY);

        publish(everyDay("Europe/Berlin", "01:00", "04:00", 0, 0, 0), Instant.parse("2026-10-20T00:00:00Z"));
        // 25 October 2026: 03:00 CEST falls back to 02:00 CET, so 01:00–04:00 local is 23:00Z–03:00Z
        List<Instant> fallBack = slots(Instant.parse("2026-10-24T22:00:00Z"), Instant.parse("2026-10-25T12:00:00Z"));
        assertThat(fallBack)
                .containsExactly(
                        Instant.parse("2026-10-24T23:00:00Z"),
                        Instant.parse("2026-10-25T00:00:00Z"),
                        Instant.parse("2026-10-25T01:00:00Z"),
                        Instant.parse("2026-10-25T02:00:00Z"));
        assertThat(fallBack).allSatisfy(start -> assertThat(book(start)).isNull());
        assertThat(book(Instant.parse("2026-10-25T03:00:00Z"))).isEqualTo(SessionRejectionCode.OUTSIDE_AVAILABILITY);
    }

    @Test
    void newYorkWorkingHoursMoveAnHourInUtcAcrossBothChanges() {
        publish(everyDay("America/New_York", "09:00", "17:00", 0, 0, 0), Instant.parse("2026-03-01T00:00:00Z"));

        // 7 March 2026 is EST (UTC−5): 09:00 is 14:00Z; 9 March is EDT (UTC−4): 09:00 is 13:00Z
        assertThat(slots(Instant.parse("2026-03-07T00:00:00Z"), Instant.parse("2026-03-08T00:00:00Z")))
                .startsWith(Instant.parse("2026-03-07T14:00:00Z"))
                .endsWith(Instant.parse("2026-03-07T21:00:00Z"))
                .hasSize(8);
        assertThat(slots(Instant.parse("2026-03-09T00:00:00Z"), Instant.parse("2026-03-10T00:00:00Z")))
                .startsWith(Instant.parse("2026-03-09T13:00:00Z"))
                .endsWith(Instant.parse("2026-03-09T20:00:00Z"))
                .hasSize(8);
        assertThat(book(Instant.parse("2026-03-07T13:00:00Z"))).isEqualTo(SessionRejectionCode.OUTSIDE_AVAILABILITY);
        assertThat(book(Instant.parse("2026-03-09T13:00:00Z"))).isNull();
        assertThat(book(Instant.parse("2026-03-09T20:00:00Z"))).isNull();
        assertThat(book(Instant.parse("2026-03-09T21:00:00Z"))).isEqualTo(SessionRejectionCode.OUTSIDE_AVAILABILITY);

        // 1 November 2026 falls back: on 2 November 09:00 is 14:00Z again
        publish(everyDay("America/New_York", "09:00", "17:00", 0, 0, 0), Instant.parse("2026-10-30T00:00:00Z"));
        assertThat(book(Instant.parse("2026-11-02T13:00:00Z"))).isEqualTo(SessionRejectionCode.OUTSIDE_AVAILABILITY);
        assertThat(book(Instant.parse("2026-11-02T14:00:00Z"))).isNull();
        assertThat(slots(Instant.parse("2026-11-02T00:00:00Z"), Instant.parse("2026-11-03T00:00:00Z")))
                .startsWith(Instant.parse("2026-11-02T14:00:00Z"))
                .hasSize(8);
    }

    @Test
    void buffersKeepTimeFreeAroundEverySessionAndTheNoticeRefusesSoonerStarts() {
        // 15 minutes before and after every session, two hours' notice; it is just before 10:00Z
        publish(everyDay("UTC", "09:00", "17:00", 15, 15, 120), Instant.parse("2026-11-24T09:59:00Z"));

        assertThat(book(Instant.parse("2026-11-24T11:00:00Z"))).isEqualTo(SessionRejectionCode.OUTSIDE_AVAILABILITY);
        assertThat(book(Instant.parse("2026-11-24T12:00:00Z"))).isNull();
        // 12:00–13:00 keeps 13:00–13:15 free, and a session at 13:15 needs 13:00–13:15 free before it
        assertThat(book(Instant.parse("2026-11-24T13:00:00Z"))).isEqualTo(SessionRejectionCode.SCHEDULE_CONFLICT);
        assertThat(book(Instant.parse("2026-11-24T13:15:00Z"))).isEqualTo(SessionRejectionCode.SCHEDULE_CONFLICT);
        assertThat(book(Instant.parse("2026-11-24T13:30:00Z"))).isNull();
        assertThat(book(Instant.parse("2026-11-24T10:30:00Z"))).isEqualTo(SessionRejectionCode.OUTSIDE_AVAILABILITY);
        // beyond the 60 days' horizon
        assertThat(book(Instant.parse("2027-01-25T12:00:00Z"))).isEqualTo(SessionRejectionCode.OUTSIDE_AVAILABILITY);
    }

    @Test
    void twoConcurrentBookingsOfOneSlotAdmitExactlyOne() {
        publish(everyDay("UTC", "09:00", "17:00", 0, 0, 0), Instant.parse("2026-11-24T08:00:00Z"));
        Instant slot = Instant.parse("2026-11-25T10:00:00Z");
        RequestSession first = RequestSession.of(
                UUID.randomUUID(), guest, host, null, slot, 60, Money.of(0, "usd"), PaymentMode.FREE, null, null);
        RequestSession second = RequestSession.of(
                UUID.randomUUID(), otherGuest, host, null, slot, 60, Money.of(0, "usd"), PaymentMode.FREE, null, null);
        Instant same = Instant.parse("2026-11-24T09:00:00Z");

        // two sessions, two keys (two partitions of sessions.commands, two edge replicas): the host's calendar sees
        // both
        commands.pipeInput(first.sessionId().toString(), first, same);
        commands.pipeInput(second.sessionId().toString(), second, same);

        List<SessionEvent> answers = events.readValuesToList();
        assertThat(answers).hasSize(2);
        assertThat(answers).filteredOn(SessionRequested.class::isInstance).hasSize(1);
        assertThat(answers)
                .filteredOn(SessionCommandRejected.class::isInstance)
                .singleElement()
                .satisfies(rejected -> assertThat(((SessionCommandRejected) rejected).code())
                        .isEqualTo(SessionRejectionCode.SCHEDULE_CONFLICT));
    }

    @Test
    void publishingEmitsTheUpdateOnceAndALengthNotOfferedIsRefused() {
        Availability availability = everyDay("UTC", "09:00", "17:00", 0, 0, 0);
        SetAvailability set = SetAvailability.of(host, availability);
        now = Instant.parse("2026-11-24T08:00:00Z");
        availabilityCommands.pipeInput(host.toString(), set, now);

        assertThat(availabilityEvents.readKeyValuesToList()).singleElement().satisfies(update -> {
            assertThat(update.key).isEqualTo(host.toString());
            assertThat(update.value).isInstanceOfSatisfying(AvailabilityUpdated.class, updated -> {
                assertThat(updated.commandId()).isEqualTo(set.eventId());
                assertThat(updated.availability()).isEqualTo(availability);
            });
        });
        RequestSession ninety = RequestSession.of(
                UUID.randomUUID(),
                guest,
                host,
                null,
                Instant.parse("2026-11-25T10:00:00Z"),
                90,
                Money.of(0, "usd"),
                PaymentMode.FREE,
                null,
                null);
        commands.pipeInput(ninety.sessionId().toString(), ninety, now.plusSeconds(1));
        assertThat(events.readValuesToList())
                .singleElement()
                .isInstanceOfSatisfying(SessionCommandRejected.class, rejected -> assertThat(rejected.reason())
                        .isEqualTo("this host offers sessions of 30 or 60 minutes, not 90"));
    }

    @Test
    void anAvailabilityWithProblemsOrOfAnotherHostIsPoison() {
        Availability broken = everyDay("Nowhere/Land", "09:00", "17:00", 0, 0, 0);
        availabilityCommands.pipeInput(
                host.toString(), SetAvailability.of(host, broken), Instant.parse("2026-11-24T08:00:00Z"));
        availabilityCommands.pipeInput(
                UUID.randomUUID().toString(),
                SetAvailability.of(host, everyDay("UTC", "09:00", "17:00", 0, 0, 0)),
                Instant.parse("2026-11-24T08:00:01Z"));

        assertThat(availabilityEvents.isEmpty()).isTrue();
        assertThat(availabilityStore.get(host.toString())).isNull();
        assertThat(deadLetters.isEmpty()).isFalse();
    }

    @Test
    void aRescheduleOutsideTheHostsAvailabilityIsRefusedAtTheProposalAndAgainAtTheAccept() {
        publish(everyDay("UTC", "09:00", "17:00", 0, 0, 0), Instant.parse("2026-11-24T08:00:00Z"));
        Instant booked = Instant.parse("2026-11-25T10:00:00Z");
        RequestSession request = RequestSession.of(
                UUID.randomUUID(), guest, host, null, booked, 60, Money.of(0, "usd"), PaymentMode.FREE, null, null);
        assertThat(decide(request)).isInstanceOf(SessionRequested.class);
        decide(TransitionSession.of(request.sessionId(), host, SessionStatus.ACCEPTED, null));

        assertThat(decide(
                        ProposeReschedule.of(request.sessionId(), guest, host, Instant.parse("2026-11-26T20:00:00Z"))))
                .as("20:00 is after the host's hours")
                .isInstanceOfSatisfying(SessionCommandRejected.class, rejected -> assertThat(rejected.code())
                        .isEqualTo(SessionRejectionCode.OUTSIDE_AVAILABILITY));
        Instant inside = Instant.parse("2026-11-26T15:00:00Z");
        assertThat(decide(ProposeReschedule.of(request.sessionId(), guest, host, inside)))
                .isInstanceOf(RescheduleProposed.class);

        // the host narrows their hours before answering: the accept asks the new slot again
        publish(everyDay("UTC", "09:00", "12:00", 0, 0, 0), now.plusSeconds(1));
        assertThat(decide(AnswerReschedule.of(request.sessionId(), host, host, inside, true)))
                .isInstanceOfSatisfying(SessionCommandRejected.class, rejected -> assertThat(rejected.code())
                        .isEqualTo(SessionRejectionCode.OUTSIDE_AVAILABILITY));
        assertThat(decide(AnswerReschedule.of(request.sessionId(), host, host, inside, false)))
                .as("a decline needs no free slot")
                .isInstanceOf(RescheduleDeclined.class);
        Instant morning = Instant.parse("2026-11-26T11:00:00Z");
        decide(ProposeReschedule.of(request.sessionId(), guest, host, morning));
        assertThat(decide(AnswerReschedule.of(request.sessionId(), host, host, morning, true)))
                .isInstanceOfSatisfying(
                        SessionRescheduled.class,
                        moved -> assertThat(moved.session().startTime()).isEqualTo(morning));
    }

    /** The one event the topology answers {@code command} with, a second later. */
    private SessionEvent decide(SessionCommand command) {
        now = now.plusSeconds(1);
        commands.pipeInput(command.sessionId().toString(), command, now);
        return events.readValuesToList().getFirst();
    }
}
