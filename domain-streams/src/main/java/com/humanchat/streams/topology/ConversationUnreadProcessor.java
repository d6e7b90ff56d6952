package com.humanchat.streams.topology;

import com.humanchat.schemas.chat.ChatEvent;
import com.humanchat.schemas.chat.ConversationCreated;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.chat.ReadAdvanced;
import com.humanchat.streams.domain.MemberUnread;
import com.humanchat.streams.domain.UnreadLedger;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each conversation's {@link UnreadLedger} in {@code unread-conversation-store} (key conversationId) and emits the
 * members' positions the event touched, keyed by userId. Events that do not move positions are ignored.
 */
final class ConversationUnreadProcessor implements Processor<String, ChatEvent, String, ConversationUnread> {

    private ProcessorContext<String, ConversationUnread> context;
    private KeyValueStore<String, byte[]> store;

    @Override
    public void init(ProcessorContext<String, ConversationUnread> context) {
        this.context = context;
        this.store = context.getStateStore(UnreadCountTopology.CONVERSATION_STORE);
    }

    @Override
    public void process(Record<String, ChatEvent> record) {
        ChatEvent event = record.value();
        if (event == null || event.conversationId() == null) {
            throw new PoisonRecordException("event record without a value or a conversationId");
        }
        UUID conversationId = event.conversationId();
        if (!conversationId.toString().equals(record.key())) {
            throw new PoisonRecordException(
                    "record key " + record.key() + " is not the event's conversationId " + conversationId);
        }
        Optional<UnreadLedger.Outcome> outcome =
                switch (event) {
                    case ConversationCreated created ->
                        Optional.of(ledger(conversationId).onConversationCreated(created.participantIds()));
                    case MessageSent sent ->
                        Optional.of(ledger(conversationId)
                                .onMessageSent(sent.seq(), sent.senderId(), sent.participantIds()));
                    case ReadAdvanced read ->
                        Optional.of(ledger(conversationId).onReadAdvanced(read.userId(), read.lastReadSeq()));
                    default -> Optional.empty();
                };
        outcome.ifPresent(applied -> {
            store.put(conversationId.toString(), StoreJson.write(applied.ledger()));
            for (MemberUnread member : applied.updates()) {
                context.forward(new Record<>(
                        member.userId().toString(),
                        new ConversationUnread(
                                member.userId(),
                                conversationId,
                                member.position().lastSeq(),
                                member.position().lastReadSeq()),
                        record.timestamp(),
                        record.headers()));
            }
        });
    }

    private UnreadLedger ledger(UUID conversationId) {
        byte[] bytes = store.get(conversationId.toString());
        return bytes == null ? UnreadLedger.empty() : StoreJson.read(bytes, UnreadLedger.class);
    }
}
