package com.humanchat.streams.topology;

import com.humanchat.schemas.Envelope;
import com.humanchat.schemas.chat.ChatCommand;
import com.humanchat.schemas.chat.CreateConversation;
import com.humanchat.streams.domain.InboundLedger;
import com.humanchat.streams.domain.SafetyRules;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each capped host's {@link InboundLedger} in {@code host-inbound-store} (key hostId): a stranger's new direct
 * conversation within the day's cap goes back to {@code chat.commands} keyed by its conversation and marked
 * {@value #ADMITTED_HEADER} (the conversation processor then decides it as any create), one past it is refused with
 * {@code command.rejected{inbound_limit}}. A retried create of an admitted conversation is admitted again, uncounted.
 */
final class InboundProcessor implements Processor<String, ChatCommand, String, Envelope> {

    /** Marks a create the host's inbound cap admitted: the conversation processor does not send it here again. */
    static final String ADMITTED_HEADER = "humanchat.inbound-admitted";

    private ProcessorContext<String, Envelope> context;
    private KeyValueStore<String, byte[]> store;
    private SafetyStore safety;

    @Override
    public void init(ProcessorContext<String, Envelope> context) {
        this.context = context;
        this.store = context.getStateStore(ConversationTopology.INBOUND_STORE);
        this.safety = SafetyStore.of(context);
    }

    @Override
    public void process(Record<String, ChatCommand> record) {
        if (!(record.value() instanceof CreateConversation create)) {
            throw new PoisonRecordException("only conversation.create is re-keyed by host");
        }
        String key = create.conversationId().toString();
        Instant at = Instant.ofEpochMilli(record.timestamp());
        Optional<Integer> cap =
                safety.inbound(UUID.fromString(record.key())).map(policy -> policy.maxNewConversationsPerDay());
        if (cap.isEmpty()) {
            // the cap was lifted meanwhile: nothing to count
            admitted(record, key);
            return;
        }
        InboundLedger ledger = Optional.ofNullable(store.get(record.key()))
                .map(bytes -> StoreJson.read(bytes, InboundLedger.class))
                .orElse(InboundLedger.empty());
        InboundLedger.Admission admission = ledger.admit(create.conversationId(), at, cap.get());
        store.put(record.key(), StoreJson.write(admission.ledger()));
        if (admission.admitted()) {
            admitted(record, key);
        } else {
            SafetyRules.overInboundLimit(create, at, cap.get())
                    .event()
                    .ifPresent(refusal ->
                            context.forward(new Record<>(key, refusal, record.timestamp(), record.headers())));
        }
    }

    private void admitted(Record<String, ChatCommand> record, String key) {
        Record<String, Envelope> admitted = new Record<>(key, record.value(), record.timestamp(), record.headers());
        admitted.headers().remove(ADMITTED_HEADER).add(ADMITTED_HEADER, "1".getBytes(StandardCharsets.UTF_8));
        context.forward(admitted);
    }
}
