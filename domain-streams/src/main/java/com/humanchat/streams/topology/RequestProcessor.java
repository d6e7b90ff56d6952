package com.humanchat.streams.topology;

import com.humanchat.schemas.Envelope;
import com.humanchat.schemas.chat.ChatCommand;
import com.humanchat.schemas.requests.CreateRequest;
import com.humanchat.schemas.requests.RequestCommand;
import com.humanchat.schemas.requests.RequestEvent;
import com.humanchat.streams.domain.RequestDecider;
import com.humanchat.streams.domain.RequestRecord;
import com.humanchat.streams.domain.SafetyRules;
import com.humanchat.streams.domain.SystemMessages;
import com.humanchat.streams.domain.Verdict;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Loads a managed request from {@code request-store} (key requestId), lets {@link RequestDecider} decide the command,
 * stores the outcome, then emits each event to {@code requests.events} and, on approval, the conversation and its first
 * message to {@code chat.commands} (keyed by conversationId), all with the command record's timestamp.
 */
final class RequestProcessor implements Processor<String, RequestCommand, String, Envelope> {

    private final RequestDecider decider = new RequestDecider();
    private ProcessorContext<String, Envelope> context;
    private KeyValueStore<String, byte[]> store;
    private SafetyStore safety;

    @Override
    public void init(ProcessorContext<String, Envelope> context) {
        this.context = context;
        this.store = context.getStateStore(RequestTopology.STORE);
        this.safety = SafetyStore.of(context);
    }

    @Override
    public void process(Record<String, RequestCommand> record) {
        RequestCommand command = record.value();
        if (command == null) {
            throw new PoisonRecordException("command record without a value");
        }
        RequestDecider.unanswerable(command).ifPresent(reason -> {
            throw new PoisonRecordException(reason);
        });
        String key = command.requestId().toString();
        if (!key.equals(record.key())) {
            throw new PoisonRecordException("record key " + record.key() + " is not the command's requestId " + key);
        }
        byte[] stored = store.get(key);
        Instant at = Instant.ofEpochMilli(record.timestamp());
        Verdict<RequestRecord, RequestEvent> verdict =
                command instanceof CreateRequest create && stored == null && SafetyRules.refuses(create, safety)
                        ? RequestDecider.notAccepting(create, at)
                        : decider.decide(
                                command, at, stored == null ? null : StoreJson.read(stored, RequestRecord.class));
        verdict.state().ifPresent(state -> store.put(key, StoreJson.write(state)));
        for (RequestEvent event : verdict.events()) {
            context.forward(
                    new Record<String, Envelope>(key, event, record.timestamp(), record.headers()),
                    RequestTopology.EVENTS_SINK);
            for (ChatCommand chat : SystemMessages.forRequest(event)) {
                context.forward(
                        new Record<String, Envelope>(chat.key(), chat, record.timestamp(), record.headers()),
                        RequestTopology.CHAT_SINK);
            }
        }
    }
}
