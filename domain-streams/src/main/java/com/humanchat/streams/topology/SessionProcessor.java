package com.humanchat.streams.topology;

import com.humanchat.schemas.Envelope;
import com.humanchat.schemas.rtc.RtcSignal;
import com.humanchat.schemas.sessions.SessionCommand;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.streams.domain.BookingLimits;
import com.humanchat.streams.domain.SessionClock;
import com.humanchat.streams.domain.SessionDecider;
import com.humanchat.streams.domain.SessionRecord;
import com.humanchat.streams.domain.SystemMessages;
import com.humanchat.streams.domain.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Loads a session from {@code session-store} (key sessionId), lets {@link SessionDecider} decide an admitted request,
 * a transition or a reschedule, stores the outcome, then emits each event (keyed by sessionId) followed by its system
 * message (keyed by conversationId), all with the command record's timestamp. A WebRTC signal only records who showed
 * up in a confirmed session's call.
 *
 * <p>The clock: every stored session keeps its pending {@link SessionClock.Due steps} in {@code session-clock-store}
 * under {@code <due epoch millis, 19 digits>|<sessionId>|<kind>}, so a wall-clock punctuation finds what fell due with
 * one range scan. A fired step is removed (only after it fired: one that failed is tried again) and the session's
 * steps re-indexed in the same task, so after a restart nothing is fired twice; and should a step be fired again
 * anyway, it finds itself no longer due and emits nothing.
 */
final class SessionProcessor implements Processor<String, Envelope, String, Envelope> {

    /** The value of a clock entry: not empty, so that its changelog record is never read as a deletion. */
    private static final byte[] PRESENT = {1};

    private final BookingLimits limits;
    private final Duration clockInterval;
    private final SessionDecider decider;
    private ProcessorContext<String, Envelope> context;
    private KeyValueStore<String, byte[]> store;
    private KeyValueStore<String, byte[]> clock;

    SessionProcessor(BookingLimits limits, Duration clockInterval) {
        this.limits = limits;
        this.clockInterval = clockInterval;
        this.decider = new SessionDecider(limits);
    }

    @Override
    public void init(ProcessorContext<String, Envelope> context) {
        this.context = context;
        this.store = context.getStateStore(SessionTopology.SESSION_STORE);
        this.clock = context.getStateStore(SessionTopology.CLOCK_STORE);
        context.schedule(clockInterval, PunctuationType.WALL_CLOCK_TIME, this::tick);
    }

    @Override
    public void process(Record<String, Envelope> record) {
        if (record.value() instanceof RtcSignal signal) {
            SessionRecord stored = load(record.key());
            if (stored != null) {
                SessionClock.joined(stored, signal.fromUserId())
                        .ifPresent(joined -> save(record.key(), stored, joined));
            }
            return;
        }
        SessionCommand command = (SessionCommand) record.value();
        String key = command.sessionId().toString();
        SessionRecord stored = load(key);
        Verdict<SessionRecord, SessionEvent> verdict =
                decider.decide(command, Instant.ofEpochMilli(record.timestamp()), stored);
        verdict.state().ifPresent(state -> save(key, stored, state));
        emit(key, verdict.events(), record.timestamp(), record);
    }

    /** Fires every step due by {@code now} (wall-clock millis), oldest first. */
    private void tick(long now) {
        List<String> due = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> steps = clock.range(indexKey(0, ""), indexKey(now, "~"))) {
            steps.forEachRemaining(entry -> due.add(entry.key));
        }
        for (String indexKey : due) {
            SessionClock.Due step = parse(indexKey);
            String key = step.sessionId().toString();
            SessionRecord stored = load(key);
            if (stored != null) {
                SessionClock.fire(step, stored, Instant.ofEpochMilli(now), limits)
                        .ifPresent(verdict -> {
                            verdict.state().ifPresent(state -> save(key, stored, state));
                            emit(key, verdict.events(), step.at().toEpochMilli(), null);
                        });
            }
            // only once it fired: a step that failed is tried again at the next tick
            clock.delete(indexKey);
        }
    }

    private void emit(String key, List<SessionEvent> events, long timestamp, Record<String, Envelope> cause) {
        for (SessionEvent event : events) {
            context.forward(new Record<>(key, event, timestamp, headersOf(cause)));
            SystemMessages.forSession(event)
                    .ifPresent(message -> context.forward(
                            new Record<>(message.conversationId().toString(), message, timestamp, headersOf(cause))));
        }
    }

    private static Headers headersOf(Record<String, Envelope> cause) {
        return cause == null ? new RecordHeaders() : cause.headers();
    }

    private SessionRecord load(String key) {
        byte[] bytes = store.get(key);
        return bytes == null ? null : StoreJson.read(bytes, SessionRecord.class);
    }

    /** Stores {@code after} and moves the session's clock entries from those of {@code before} to its own. */
    private void save(String key, SessionRecord before, SessionRecord after) {
        store.put(key, StoreJson.write(after));
        if (before != null) {
            SessionClock.dues(before, limits).forEach(step -> clock.delete(indexKey(step)));
        }
        List<KeyValue<String, byte[]>> entries = new ArrayList<>();
        SessionClock.dues(after, limits).forEach(step -> entries.add(KeyValue.pair(indexKey(step), PRESENT)));
        clock.putAll(entries);
    }

    private static String indexKey(SessionClock.Due step) {
        return indexKey(
                step.at().toEpochMilli(), step.sessionId() + "|" + step.kind().name());
    }

    private static String indexKey(long dueMillis, String rest) {
        return String.format(Locale.ROOT, "%019d|%s", Math.max(0, dueMillis), rest);
    }

    private static SessionClock.Due parse(String indexKey) {
        String[] parts = indexKey.split("\\|", 3);
        return new SessionClock.Due(
                UUID.fromString(parts[1]),
                SessionClock.Kind.valueOf(parts[2]),
                Instant.ofEpochMilli(Long.parseLong(parts[0])));
    }
}
