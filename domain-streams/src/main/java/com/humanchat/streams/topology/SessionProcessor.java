package com.humanchat.streams.topology;

import com.humanchat.schemas.Envelope;
import com.humanchat.schemas.sessions.SessionCommand;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.streams.domain.BookingLimits;
import com.humanchat.streams.domain.SessionDecider;
import com.humanchat.streams.domain.SessionRecord;
import com.humanchat.streams.domain.SystemMessages;
import com.humanchat.streams.domain.Verdict;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Loads a session from {@code session-store} (key sessionId), lets {@link SessionDecider} decide an admitted request
 * or a transition, stores the outcome, then emits each event (keyed by sessionId) followed by its system message (keyed
 * by conversationId), all with the command record's timestamp.
 */
final class SessionProcessor implements Processor<String, SessionCommand, String, Envelope> {

    private final SessionDecider decider;
    private ProcessorContext<String, Envelope> context;
    private KeyValueStore<String, byte[]> store;

    SessionProcessor(BookingLimits limits) {
        this.decider = new SessionDecider(limits);
    }

    @Override
    public void init(ProcessorContext<String, Envelope> context) {
        this.context = context;
        this.store = context.getStateStore(SessionTopology.SESSION_STORE);
    }

    @Override
    public void process(Record<String, SessionCommand> record) {
        SessionCommand command = record.value();
        String key = command.sessionId().toString();
        byte[] stored = store.get(key);
        Verdict<SessionRecord, SessionEvent> verdict = decider.decide(
                command,
                Instant.ofEpochMilli(record.timestamp()),
                stored == null ? null : StoreJson.read(stored, SessionRecord.class));
        verdict.state().ifPresent(state -> store.put(key, StoreJson.write(state)));
        for (SessionEvent event : verdict.events()) {
            context.forward(new Record<>(key, event, record.timestamp(), record.headers()));
            SystemMessages.forSession(event)
                    .ifPresent(message -> context.forward(new Record<>(
                            message.conversationId().toString(), message, record.timestamp(), record.headers())));
        }
    }
}
