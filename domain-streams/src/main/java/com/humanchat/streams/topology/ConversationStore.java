package com.humanchat.streams.topology;

import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.streams.domain.ConversationState;
import com.humanchat.streams.domain.Decision;
import com.humanchat.streams.domain.MessageHistory;
import com.humanchat.streams.domain.RecentMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Typed access to {@code conversation-store}: one RocksDB store, hence one changelog partition per task written in
 * order, so a restored store is always a prefix of what was processed. Writes go in an order that keeps every prefix
 * consistent: a new message, its dedupe entry and its expiry entry before the state that counts it; on expiry the
 * dedupe entry, then the message, then the index entry.
 */
final class ConversationStore {

    private final KeyValueStore<String, byte[]> store;

    ConversationStore(KeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    Optional<ConversationState> state(UUID conversationId) {
        return Optional.ofNullable(store.get(ConversationStoreKeys.state(conversationId)))
                .map(bytes -> StoreJson.read(bytes, ConversationState.class));
    }

    MessageHistory history(UUID conversationId) {
        return new MessageHistory() {
            @Override
            public OptionalLong dedupedSeq(UUID senderId, String clientMessageId) {
                byte[] bytes = store.get(ConversationStoreKeys.dedupe(conversationId, senderId, clientMessageId));
                return bytes == null ? OptionalLong.empty() : OptionalLong.of(StoreJson.read(bytes, Long.class));
            }

            @Override
            public Optional<RecentMessage> recent(long seq) {
                return Optional.ofNullable(store.get(ConversationStoreKeys.message(conversationId, seq)))
                        .map(bytes -> StoreJson.read(bytes, RecentMessage.class));
            }
        };
    }

    /**
     * Stores what a decision changed.
     *
     * @param expiresAtMillis when a new message's dedupe entry and recent copy may be deleted
     */
    void apply(UUID conversationId, Decision decision, long expiresAtMillis) {
        decision.appendedMessage().ifPresent(message -> {
            MessageSent sent = message.sent();
            String messageKey = ConversationStoreKeys.message(conversationId, sent.seq());
            String dedupeKey = ConversationStoreKeys.dedupe(conversationId, sent.senderId(), sent.clientMessageId());
            store.put(messageKey, StoreJson.write(message));
            store.put(dedupeKey, StoreJson.write(sent.seq()));
            store.put(
                    ConversationStoreKeys.expiry(expiresAtMillis, conversationId, sent.seq()),
                    StoreJson.write(List.of(dedupeKey, messageKey)));
        });
        decision.updatedMessage()
                .ifPresent(message -> store.put(
                        ConversationStoreKeys.message(
                                conversationId, message.sent().seq()),
                        StoreJson.write(message)));
        decision.state()
                .ifPresent(state -> store.put(ConversationStoreKeys.state(conversationId), StoreJson.write(state)));
    }

    /**
     * Deletes the dedupe entries and recent messages whose time is up, oldest first, at most {@code limit} of them.
     *
     * @return how many messages were expired
     */
    int expire(long nowMillis, int limit) {
        List<KeyValue<String, byte[]>> due = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> entries =
                store.range(ConversationStoreKeys.expiryFrom(), ConversationStoreKeys.expiryUntil(nowMillis))) {
            while (entries.hasNext() && due.size() < limit) {
                due.add(entries.next());
            }
        }
        for (KeyValue<String, byte[]> entry : due) {
            for (String key : StoreJson.read(entry.value, String[].class)) {
                store.delete(key);
            }
            store.delete(entry.key);
        }
        return due.size();
    }
}
