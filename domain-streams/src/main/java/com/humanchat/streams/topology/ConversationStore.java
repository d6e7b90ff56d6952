package com.humanchat.streams.topology;

import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.streams.domain.ConversationState;
import com.humanchat.streams.domain.Decision;
import com.humanchat.streams.domain.MessageHistory;
import com.humanchat.streams.domain.MessageReactions;
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
 * consistent: the conversation's expiry index entry for the message's window (only if that window has none yet), the
 * message and its dedupe entry before the state that counts it; on expiry the dedupe entry, then the message, then
 * (once the conversation has nothing more due) the index entry.
 */
final class ConversationStore {

    private static final byte[] NO_KEYS = StoreJson.write(List.of());

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

            @Override
            public MessageReactions reactions(long seq) {
                byte[] bytes = store.get(ConversationStoreKeys.reactions(conversationId, seq));
                return bytes == null ? MessageReactions.NONE : StoreJson.read(bytes, MessageReactions.class);
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
            String bucketKey = ConversationStoreKeys.expiryBucket(expiresAtMillis, conversationId);
            if (store.get(bucketKey) == null) {
                store.put(bucketKey, NO_KEYS);
            }
            store.put(ConversationStoreKeys.message(conversationId, sent.seq()), StoreJson.write(message));
            store.put(
                    ConversationStoreKeys.dedupe(conversationId, sent.senderId(), sent.clientMessageId()),
                    StoreJson.write(sent.seq()));
        });
        decision.updatedMessage()
                .ifPresent(message -> store.put(
                        ConversationStoreKeys.message(
                                conversationId, message.sent().seq()),
                        StoreJson.write(message)));
        decision.reactions()
                .ifPresent(of -> store.put(
                        ConversationStoreKeys.reactions(conversationId, of.seq()), StoreJson.write(of.reactions())));
        decision.state()
                .ifPresent(state -> store.put(ConversationStoreKeys.state(conversationId), StoreJson.write(state)));
    }

    /**
     * Deletes the dedupe entries and recent messages whose time is up, oldest first, at most {@code limit} of them. A
     * message is due {@code retention} after its {@code occurredAt} (the command's record time), and is never deleted
     * before; each conversation's messages go in seq order, dedupe entry first, and stop at the first one not yet due,
     * whose window's index entry is then made sure of before the one that led here is deleted.
     *
     * @return how many messages were expired
     */
    int expire(long nowMillis, int limit, long retentionMillis) {
        List<KeyValue<String, byte[]>> due = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> entries =
                store.range(ConversationStoreKeys.expiryFrom(), ConversationStoreKeys.expiryUntil(nowMillis))) {
            while (entries.hasNext() && due.size() < limit) {
                due.add(entries.next());
            }
        }
        int expired = 0;
        for (KeyValue<String, byte[]> entry : due) {
            if (expired >= limit) {
                break;
            }
            UUID conversationId = ConversationStoreKeys.bucketConversation(entry.key);
            if (conversationId == null) { // the older layout: one entry per message, naming its keys
                for (String key : StoreJson.read(entry.value, String[].class)) {
                    store.delete(key);
                }
                store.delete(entry.key);
                expired++;
                continue;
            }
            Long notYetDue = null;
            List<KeyValue<String, byte[]>> messages = new ArrayList<>();
            try (KeyValueIterator<String, byte[]> recent = store.range(
                    ConversationStoreKeys.messagesFrom(conversationId),
                    ConversationStoreKeys.messagesUntil(conversationId))) {
                while (recent.hasNext() && expired + messages.size() < limit) {
                    KeyValue<String, byte[]> next = recent.next();
                    MessageSent sent =
                            StoreJson.read(next.value, RecentMessage.class).sent();
                    long dueAt = dueAt(sent, retentionMillis);
                    if (dueAt > nowMillis) {
                        notYetDue = dueAt;
                        break;
                    }
                    messages.add(next);
                }
            }
            for (KeyValue<String, byte[]> message : messages) {
                MessageSent sent =
                        StoreJson.read(message.value, RecentMessage.class).sent();
                store.delete(ConversationStoreKeys.dedupe(conversationId, sent.senderId(), sent.clientMessageId()));
                store.delete(message.key);
            }
            expired += messages.size();
            if (expired >= limit && notYetDue == null) {
                break; // the conversation may have more due messages: keep its entry for the next round
            }
            if (notYetDue != null) {
                String next = ConversationStoreKeys.expiryBucket(notYetDue, conversationId);
                if (store.get(next) == null) {
                    store.put(next, NO_KEYS);
                }
            }
            store.delete(entry.key);
        }
        return expired;
    }

    private static long dueAt(MessageSent sent, long retentionMillis) {
        long occurredAt = sent.occurredAt().toEpochMilli();
        return occurredAt > Long.MAX_VALUE - retentionMillis ? Long.MAX_VALUE : occurredAt + retentionMillis;
    }
}
