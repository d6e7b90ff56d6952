package com.humanchat.streams.topology;

import com.humanchat.schemas.Envelope;
import com.humanchat.schemas.chat.ChatCommand;
import com.humanchat.streams.domain.ConversationDecider;
import com.humanchat.streams.domain.ConversationState;
import com.humanchat.streams.domain.Decision;
import com.humanchat.streams.domain.SafetyRules;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a conversation, lets {@link ConversationDecider} decide the command, stores the outcome, then emits the event
 * with the command record's key and timestamp. A stranger's new direct conversation with a host who caps them goes to
 * the host's inbound ledger first (keyed by the host); a wall-clock punctuator expires old dedupe entries.
 */
final class ConversationProcessor implements Processor<String, ChatCommand, String, Envelope> {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationProcessor.class);

    private final ConversationTopologyConfig config;
    private final ConversationDecider decider = new ConversationDecider();
    private ProcessorContext<String, Envelope> context;
    private ConversationStore store;
    private SafetyStore safety;

    ConversationProcessor(ConversationTopologyConfig config) {
        this.config = config;
    }

    @Override
    public void init(ProcessorContext<String, Envelope> context) {
        this.context = context;
        this.store = new ConversationStore(context.getStateStore(ConversationTopology.STORE));
        this.safety = SafetyStore.of(context);
        context.schedule(config.expiryInterval(), PunctuationType.WALL_CLOCK_TIME, this::expire);
    }

    @Override
    public void process(Record<String, ChatCommand> record) {
        ChatCommand command = record.value();
        if (command == null) {
            throw new PoisonRecordException("command record without a value");
        }
        ConversationDecider.unanswerable(command).ifPresent(reason -> {
            throw new PoisonRecordException(reason);
        });
        UUID conversationId = command.conversationId();
        if (!conversationId.toString().equals(record.key())) {
            throw new PoisonRecordException(
                    "record key " + record.key() + " is not the command's conversationId " + conversationId);
        }
        ConversationState state = store.state(conversationId).orElse(null);
        Instant at = Instant.ofEpochMilli(record.timestamp());
        Optional<UUID> cappedHost = record.headers().lastHeader(InboundProcessor.ADMITTED_HEADER) == null
                ? SafetyRules.cappedHost(command, state, safety)
                : Optional.empty();
        if (cappedHost.isPresent()
                && SafetyRules.refuse(command, at, state, safety).isEmpty()) {
            // the host's daily cap decides first, in their own task
            context.forward(new Record<String, Envelope>(
                    cappedHost.get().toString(), command, record.timestamp(), record.headers()));
            return;
        }
        Decision decision = SafetyRules.refuse(command, at, state, safety)
                .orElseGet(() -> decider.decide(command, at, state, store.history(conversationId)));
        store.apply(conversationId, decision, expiresAt(record.timestamp()));
        decision.event().ifPresent(event -> context.forward(record.<Envelope>withValue(event)));
    }

    private long expiresAt(long timestamp) {
        long retention = config.dedupeRetention().toMillis();
        return timestamp > Long.MAX_VALUE - retention ? Long.MAX_VALUE : timestamp + retention;
    }

    private void expire(long wallClockMillis) {
        int expired = store.expire(
                wallClockMillis,
                config.expiryBatchLimit(),
                config.dedupeRetention().toMillis());
        if (expired > 0) {
            LOG.debug("Expired {} messages from the dedupe window", expired);
        }
    }
}
