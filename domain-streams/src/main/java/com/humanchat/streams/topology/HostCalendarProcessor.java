package com.humanchat.streams.topology;

import com.humanchat.schemas.Envelope;
import com.humanchat.schemas.availability.Availability;
import com.humanchat.schemas.availability.AvailabilityUpdated;
import com.humanchat.schemas.availability.SetAvailability;
import com.humanchat.schemas.sessions.AnswerReschedule;
import com.humanchat.schemas.sessions.ProposeReschedule;
import com.humanchat.schemas.sessions.RequestSession;
import com.humanchat.schemas.sessions.SessionCommand;
import com.humanchat.schemas.sessions.SessionRejectionCode;
import com.humanchat.streams.domain.BookingLimits;
import com.humanchat.streams.domain.DeterministicIds;
import com.humanchat.streams.domain.HostCalendar;
import com.humanchat.streams.domain.SafetyRules;
import com.humanchat.streams.domain.SessionDecider;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each host's {@link HostCalendar} in {@code host-calendar-store} (key hostUserId): a valid request that fits
 * (and an accept of a request whose slot is still free) is forwarded (keyed by sessionId) to the session, an invalid,
 * overlapping or over-the-limit one is answered here with a {@code command.rejected}; so is a reschedule whose new
 * slot is taken or outside the host's availability (an admitted accept moves the slot before the session hears of it); a release frees its slot. The
 * host's availability, kept in {@code host-availability-store} (key hostUserId), is what a host's scheduled requests
 * must fit once set ({@link HostCalendar#unbookable}); setting it emits {@code availability.updated}.
 */
final class HostCalendarProcessor implements Processor<String, CalendarChange, String, Envelope> {

    private final BookingLimits limits;
    private ProcessorContext<String, Envelope> context;
    private KeyValueStore<String, byte[]> store;
    private SafetyStore safety;
    private KeyValueStore<String, byte[]> availabilities;

    HostCalendarProcessor(BookingLimits limits) {
        this.limits = limits;
    }

    @Override
    public void init(ProcessorContext<String, Envelope> context) {
        this.context = context;
        this.store = context.getStateStore(SessionTopology.CALENDAR_STORE);
        this.safety = SafetyStore.of(context);
        this.availabilities = context.getStateStore(SessionTopology.AVAILABILITY_STORE);
    }

    @Override
    public void process(Record<String, CalendarChange> record) {
        CalendarChange change = record.value();
        if (change == null || !change.wellFormed()) {
            throw new PoisonRecordException(
                    "a calendar change is either a request, an accept, a reschedule, a release or an availability");
        }
        if (change.availability() != null) {
            publish(record, change.availability());
            return;
        }
        if (change.releasedSessionId() != null) {
            calendar(record.key())
                    .ifPresent(calendar ->
                            store.put(record.key(), StoreJson.write(calendar.release(change.releasedSessionId()))));
            return;
        }
        Instant at = Instant.ofEpochMilli(record.timestamp());
        HostCalendar calendar = calendar(record.key()).orElse(HostCalendar.empty());
        if (change.accept() != null) {
            SessionCommand accept = change.accept();
            decided(record, accept, at, calendar.accept(accept.eventId(), accept.sessionId(), at));
            return;
        }
        if (change.reschedule() != null) {
            SessionCommand reschedule = change.reschedule();
            decided(
                    record,
                    reschedule,
                    at,
                    calendar.reschedule(
                            UUID.fromString(record.key()),
                            move(reschedule),
                            at,
                            limits,
                            availability(record.key()).orElse(null)));
            return;
        }
        RequestSession request = change.request();
        if (SafetyRules.refuses(request, safety)) {
            // a blocked guest: refused like any other refusal, and nothing is held or remembered
            forward(
                    record,
                    request.sessionId().toString(),
                    SessionDecider.rejection(
                            request, at, SessionRejectionCode.NOT_ACCEPTING, SafetyRules.NOT_ACCEPTING));
            return;
        }
        Optional<String> invalid = SessionDecider.invalidRequest(request, at, limits);
        if (invalid.isPresent()) {
            forward(
                    record,
                    request.sessionId().toString(),
                    SessionDecider.rejection(request, at, SessionRejectionCode.INVALID, invalid.get()));
            return;
        }
        HostCalendar.Ask ask = new HostCalendar.Ask(
                request.eventId(),
                request.sessionId(),
                request.actorId(),
                request.startTime(),
                Duration.ofMinutes(request.durationMinutes()),
                request.holdMinutes());
        decided(
                record,
                request,
                at,
                calendar.admit(ask, at, limits, availability(record.key()).orElse(null)));
    }

    /** Stores the host's new availability (the calendar books by it from now on) and tells the projector. */
    private void publish(Record<String, CalendarChange> record, SetAvailability set) {
        if (!set.hostUserId().toString().equals(record.key())
                || set.availability() == null
                || !set.availability().problems().isEmpty()) {
            throw new PoisonRecordException("an availability of another host, or one with problems");
        }
        availabilities.put(record.key(), StoreJson.write(set.availability()));
        forward(
                record,
                record.key(),
                new AvailabilityUpdated(
                        DeterministicIds.eventId(set.eventId()),
                        1,
                        set.occurredAt(),
                        set.hostUserId(),
                        set.eventId(),
                        set.availability()));
    }

    private Optional<Availability> availability(String hostId) {
        return Optional.ofNullable(availabilities.get(hostId)).map(bytes -> StoreJson.read(bytes, Availability.class));
    }

    /** Stores the calendar and forwards the command to its session, or its rejection. */
    private void decided(
            Record<String, CalendarChange> record,
            SessionCommand command,
            Instant at,
            HostCalendar.Admission admission) {
        store.put(record.key(), StoreJson.write(admission.calendar()));
        forward(
                record,
                command.sessionId().toString(),
                admission
                        .refusal()
                        .<Envelope>map(
                                refusal -> SessionDecider.rejection(command, at, refusal.code(), refusal.reason()))
                        .orElse(command));
    }

    /** The calendar's view of a reschedule proposal or answer. */
    private static HostCalendar.Move move(SessionCommand command) {
        return switch (command) {
            case ProposeReschedule propose ->
                new HostCalendar.Move(
                        propose.eventId(), propose.sessionId(), propose.actorId(), propose.startTime(), null);
            case AnswerReschedule answer ->
                new HostCalendar.Move(
                        answer.eventId(), answer.sessionId(), answer.actorId(), answer.startTime(), answer.accept());
            default ->
                throw new PoisonRecordException(
                        "not a reschedule: " + command.getClass().getSimpleName());
        };
    }

    private Optional<HostCalendar> calendar(String hostId) {
        return Optional.ofNullable(store.get(hostId)).map(bytes -> StoreJson.read(bytes, HostCalendar.class));
    }

    private void forward(Record<String, CalendarChange> record, String key, Envelope value) {
        context.forward(new Record<>(key, value, record.timestamp(), record.headers()));
    }
}
