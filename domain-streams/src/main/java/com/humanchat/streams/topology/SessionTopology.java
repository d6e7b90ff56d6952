package com.humanchat.streams.topology;

import com.humanchat.schemas.Envelope;
import com.humanchat.schemas.JsonSerde;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.availability.AvailabilityEvent;
import com.humanchat.schemas.availability.SetAvailability;
import com.humanchat.schemas.chat.ChatCommand;
import com.humanchat.schemas.sessions.AnswerReschedule;
import com.humanchat.schemas.sessions.ProposeReschedule;
import com.humanchat.schemas.sessions.RequestSession;
import com.humanchat.schemas.sessions.SessionCommand;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.schemas.sessions.SessionStatus;
import com.humanchat.schemas.sessions.SessionStatusChanged;
import com.humanchat.schemas.sessions.TransitionSession;
import com.humanchat.streams.domain.BookingLimits;
import com.humanchat.streams.domain.HostCalendar;
import com.humanchat.streams.domain.SessionDecider;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * {@code sessions.commands} → requests re-keyed by host through the named repartition {@code sessions-by-host} →
 * {@code host-calendar-store} admits or rejects → admitted requests re-keyed by session through
 * {@code sessions-admitted} → {@code session-store}, with the transitions → {@code sessions.events} and system
 * messages to {@code chat.commands} (application id {@code humanchat-sessions}). A transition to {@code accepted} goes
 * through the calendar of its actor first (only the host can accept, so that is the session's host), which lets a
 * request whose hold lapsed be accepted only while its slot is still free. A host's {@code availability.set} on
 * {@code availability.commands} (key hostUserId) joins the calendar's changes: the calendar books that host's
 * scheduled requests by it from then on and emits {@code availability.updated} to {@code availability.events}.
 *
 * <p>A reschedule proposal or answer goes through the calendar of the host it names first ({@code sessions-by-host}):
 * the new slot must be free there, and an accepted one moves the booking, before the session moves. The session
 * decider also reads {@code rtc.signals} (who showed up in a call) and, on wall-clock punctuation every
 * {@link #CLOCK_INTERVAL}, fires what fell due in {@code session-clock-store} (reminders, no-shows, completions; see
 * {@link com.humanchat.streams.domain.SessionClock}).
 *
 * <p>A slot is released by the topology's own output: a {@code session.status-changed} on {@code sessions.events} to a
 * status that holds no slot goes back through {@code sessions-by-host} to its host's calendar. Ids and times derive
 * from the command, and each store remembers its latest answers, so processing a command again emits the same events.
 */
public final class SessionTopology {

    public static final String SESSION_STORE = "session-store";
    public static final String CALENDAR_STORE = "host-calendar-store";
    public static final String AVAILABILITY_STORE = "host-availability-store";
    public static final String BY_HOST = "sessions-by-host";
    public static final String ADMITTED = "sessions-admitted";
    public static final String CLOCK_STORE = "session-clock-store";

    /** How often the session clock looks for steps that fell due (wall-clock time). */
    public static final Duration CLOCK_INTERVAL = Duration.ofSeconds(30);

    static final Serde<CalendarChange> CALENDAR_CHANGE_SERDE = JsonSerde.of(CalendarChange.class);

    private SessionTopology() {}

    public static Topology build(BookingLimits limits) {
        return build(limits, CLOCK_INTERVAL);
    }

    /** @param clockInterval how often the session clock fires the steps that fell due */
    public static Topology build(BookingLimits limits, Duration clockInterval) {
        StreamsBuilder builder = new StreamsBuilder(StreamsSettings.namingEnforced());
        builder.addStateStore(StateStores.persistent(CALENDAR_STORE));
        builder.addStateStore(StateStores.persistent(AVAILABILITY_STORE));
        builder.addStateStore(StateStores.persistent(SESSION_STORE));
        SafetyStore.addTo(builder);
        builder.addStateStore(StateStores.persistent(CLOCK_STORE));

        Map<String, KStream<String, SessionCommand>> commands = builder.stream(
                        Topics.SESSIONS_COMMANDS.name(),
                        Consumed.with(Topics.SESSIONS_COMMANDS.keySerde(), Topics.SESSIONS_COMMANDS.valueSerde())
                                .withName("sessions-commands-source"))
                .mapValues(SessionTopology::answerable, Named.as("session-commands-check"))
                .split(Named.as("session-commands-"))
                .branch((key, command) -> command instanceof RequestSession, Branched.as("requests"))
                .branch(
                        (key, command) -> command instanceof TransitionSession transition
                                && transition.toStatus() == SessionStatus.ACCEPTED,
                        Branched.as("accepts"))
                .branch(
                        (key, command) -> command instanceof ProposeReschedule || command instanceof AnswerReschedule,
                        Branched.as("reschedules"))
                .defaultBranch(Branched.as("transitions"));

        KStream<String, CalendarChange> requestsByHost = commands.get("session-commands-requests")
                .selectKey(
                        (key, command) -> {
                            RequestSession request = (RequestSession) command;
                            // without a host the request is only rejected, by the calendar of no one
                            return request.hostUserId() == null
                                    ? key
                                    : request.hostUserId().toString();
                        },
                        Named.as("session-requests-by-host"))
                .mapValues(command -> CalendarChange.admit((RequestSession) command), Named.as("session-requests"));

        KStream<String, CalendarChange> acceptsByActor = commands.get("session-commands-accepts")
                .selectKey((key, command) -> command.actorId().toString(), Named.as("session-accepts-by-actor"))
                .mapValues(command -> CalendarChange.accept((TransitionSession) command), Named.as("session-accepts"));

        KStream<String, CalendarChange> reschedulesByHost = commands.get("session-commands-reschedules")
                .selectKey((key, command) -> rescheduleHost(command), Named.as("session-reschedules-by-host"))
                .mapValues(CalendarChange::reschedule, Named.as("session-reschedules"));

        KStream<String, CalendarChange> releases = builder.stream(
                        Topics.SESSIONS_EVENTS.name(),
                        Consumed.with(Topics.SESSIONS_EVENTS.keySerde(), Topics.SESSIONS_EVENTS.valueSerde())
                                .withName("sessions-events-source"))
                .filter(
                        (key, event) -> event instanceof SessionStatusChanged changed
                                && changed.session() != null
                                && changed.session().startTime() != null
                                && !HostCalendar.holdsSlot(changed.toStatus()),
                        Named.as("sessions-leaving-their-slot"))
                .selectKey(
                        (key, event) -> ((SessionStatusChanged) event)
                                .session()
                                .hostUserId()
                                .toString(),
                        Named.as("sessions-released-by-host"))
                .mapValues(event -> CalendarChange.release(event.sessionId()), Named.as("session-releases"));

        KStream<String, CalendarChange> availabilities = builder.stream(
                        Topics.AVAILABILITY_COMMANDS.name(),
                        Consumed.with(
                                        Topics.AVAILABILITY_COMMANDS.keySerde(),
                                        Topics.AVAILABILITY_COMMANDS.valueSerde())
                                .withName("availability-commands-source"))
                .mapValues(
                        command -> CalendarChange.publish((SetAvailability) command), Named.as("availability-changes"));

        Map<String, KStream<String, Envelope>> calendar = requestsByHost
                .merge(acceptsByActor, Named.as("calendar-requests-and-accepts"))
                .merge(reschedulesByHost, Named.as("calendar-requests-accepts-and-reschedules"))
                .merge(releases, Named.as("calendar-changes"))
                .merge(availabilities, Named.as("calendar-changes-and-availabilities"))
                .repartition(Repartitioned.<String, CalendarChange>as(BY_HOST)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(CALENDAR_CHANGE_SERDE))
                .process(
                        () -> new HostCalendarProcessor(limits),
                        Named.as("host-calendar"),
                        CALENDAR_STORE,
                        AVAILABILITY_STORE)
                .split(Named.as("calendar-"))
                .branch((key, outcome) -> outcome instanceof AvailabilityEvent, Branched.as("availabilities"))
                .branch((key, outcome) -> outcome instanceof SessionEvent, Branched.as("rejections"))
                .defaultBranch(Branched.as("admissions"));
        calendar.get("calendar-availabilities")
                .mapValues(outcome -> (AvailabilityEvent) outcome, Named.as("calendar-availability-events"))
                .to(
                        Topics.AVAILABILITY_EVENTS.name(),
                        Produced.with(Topics.AVAILABILITY_EVENTS.keySerde(), Topics.AVAILABILITY_EVENTS.valueSerde())
                                .withName("availability-events-sink"));
        calendar.get("calendar-rejections")
                .mapValues(outcome -> (SessionEvent) outcome, Named.as("calendar-rejection-events"))
                .to(
                        Topics.SESSIONS_EVENTS.name(),
                        Produced.with(Topics.SESSIONS_EVENTS.keySerde(), Topics.SESSIONS_EVENTS.valueSerde())
                                .withName("calendar-rejections-sink"));

        KStream<String, Envelope> signals = builder.stream(
                        Topics.RTC_SIGNALS.name(),
                        Consumed.with(Topics.RTC_SIGNALS.keySerde(), Topics.RTC_SIGNALS.valueSerde())
                                .withName("rtc-signals-source"))
                .filter((key, signal) -> signal != null && signal.fromUserId() != null, Named.as("rtc-signals-from"))
                .mapValues(signal -> (Envelope) signal, Named.as("rtc-signals-seen"));

        Map<String, KStream<String, Envelope>> decided = calendar.get("calendar-admissions")
                .mapValues(outcome -> (SessionCommand) outcome, Named.as("admitted-requests"))
                .repartition(Repartitioned.<String, SessionCommand>as(ADMITTED)
                        .withKeySerde(Topics.SESSIONS_COMMANDS.keySerde())
                        .withValueSerde(Topics.SESSIONS_COMMANDS.valueSerde()))
                .merge(commands.get("session-commands-transitions"), Named.as("admitted-requests-and-transitions"))
                .mapValues(command -> (Envelope) command, Named.as("session-commands-decided"))
                .merge(signals, Named.as("session-commands-and-signals"))
                .process(
                        () -> new SessionProcessor(limits, clockInterval),
                        Named.as("session-decider"),
                        SESSION_STORE,
                        CLOCK_STORE)
                .split(Named.as("session-outputs-"))
                .branch((key, output) -> output instanceof SessionEvent, Branched.as("events"))
                .defaultBranch(Branched.as("chat-commands"));
        decided.get("session-outputs-events")
                .mapValues(output -> (SessionEvent) output, Named.as("session-events"))
                .to(
                        Topics.SESSIONS_EVENTS.name(),
                        Produced.with(Topics.SESSIONS_EVENTS.keySerde(), Topics.SESSIONS_EVENTS.valueSerde())
                                .withName("sessions-events-sink"));
        decided.get("session-outputs-chat-commands")
                .mapValues(output -> (ChatCommand) output, Named.as("session-system-messages"))
                .to(
                        Topics.CHAT_COMMANDS.name(),
                        Produced.with(Topics.CHAT_COMMANDS.keySerde(), Topics.CHAT_COMMANDS.valueSerde())
                                .withName("session-chat-commands-sink"));
        return builder.build();
    }

    /** The host a reschedule names: its calendar decides first (without one, the calendar of no one rejects it). */
    private static String rescheduleHost(SessionCommand command) {
        UUID host =
                switch (command) {
                    case ProposeReschedule propose -> propose.hostUserId();
                    case AnswerReschedule answer -> answer.hostUserId();
                    default -> null;
                };
        return host == null ? command.sessionId().toString() : host.toString();
    }

    /** The command if it can be answered at all; a record without one, or keyed by another session, is poison. */
    private static SessionCommand answerable(String key, SessionCommand command) {
        if (command == null) {
            throw new PoisonRecordException("command record without a value");
        }
        SessionDecider.unanswerable(command).ifPresent(reason -> {
            throw new PoisonRecordException(reason);
        });
        if (!command.sessionId().toString().equals(key)) {
            throw new PoisonRecordException(
                    "record key " + key + " is not the command's sessionId " + command.sessionId());
        }
        return command;
    }
}
