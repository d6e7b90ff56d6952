package com.humanchat.streams.topology;

import com.humanchat.schemas.Envelope;
import com.humanchat.schemas.sessions.RequestSession;
import com.humanchat.schemas.sessions.SessionRejectionCode;
import com.humanchat.streams.domain.HostCalendar;
import com.humanchat.streams.domain.SessionDecider;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each host's {@link HostCalendar} in {@code host-calendar-store} (key hostUserId): a valid request that fits
 * is forwarded (keyed by sessionId) to be created, an invalid or overlapping one is answered here with a
 * {@code command.rejected}; a release frees its slot.
 */
final class HostCalendarProcessor implements Processor<String, CalendarChange, String, Envelope> {

    private ProcessorContext<String, Envelope> context;
    private KeyValueStore<String, byte[]> store;

    @Override
    public void init(ProcessorContext<String, Envelope> context) {
        this.context = context;
        this.store = context.getStateStore(SessionTopology.CALENDAR_STORE);
    }

    @Override
    public void process(Record<String, CalendarChange> record) {
        CalendarChange change = record.value();
        if (change == null || (change.request() == null) == (change.releasedSessionId() == null)) {
            throw new PoisonRecordException("a calendar change is either a request or a release");
        }
        if (change.releasedSessionId() != null) {
            calendar(record.key())
                    .ifPresent(calendar ->
                            store.put(record.key(), StoreJson.write(calendar.release(change.releasedSessionId()))));
            return;
        }
        RequestSession request = change.request();
        Instant at = Instant.ofEpochMilli(record.timestamp());
        String sessionKey = request.sessionId().toString();
        Optional<String> invalid = SessionDecider.invalidRequest(request, at);
        if (invalid.isPresent()) {
            forward(
                    record,
                    sessionKey,
                    SessionDecider.rejection(request, at, SessionRejectionCode.INVALID, invalid.get()));
            return;
        }
        Instant end =
                request.startTime() == null ? null : request.startTime().plusSeconds(60L * request.durationMinutes());
        HostCalendar.Admission admission = calendar(record.key())
                .orElse(HostCalendar.empty())
                .admit(request.eventId(), request.sessionId(), request.startTime(), end, at);
        store.put(record.key(), StoreJson.write(admission.calendar()));
        forward(
                record,
                sessionKey,
                admission.admitted()
                        ? request
                        : SessionDecider.rejection(
                                request,
                                at,
                                SessionRejectionCode.SCHEDULE_CONFLICT,
                                "the host already has a session at that time"));
    }

    private Optional<HostCalendar> calendar(String hostId) {
        return Optional.ofNullable(store.get(hostId)).map(bytes -> StoreJson.read(bytes, HostCalendar.class));
    }

    private void forward(Record<String, CalendarChange> record, String key, Envelope value) {
        context.forward(new Record<>(key, value, record.timestamp(), record.headers()));
    }
}
