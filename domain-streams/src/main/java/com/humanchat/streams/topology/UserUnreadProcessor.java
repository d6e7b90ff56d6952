package com.humanchat.streams.topology;

import com.humanchat.schemas.chat.UnreadChanged;
import com.humanchat.schemas.chat.UnreadEvent;
import com.humanchat.streams.domain.DeterministicIds;
import com.humanchat.streams.domain.UnreadPosition;
import com.humanchat.streams.domain.UserUnreadTotal;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per user (store {@code unread-user-store}): the position in each conversation ({@code {userId}|{conversationId}})
 * and the running total ({@code {userId}}), which remembers the position of the conversation it counted last (see
 * {@link UserUnreadTotal}): that conversation's entry is written only when a later update moves the total to another
 * conversation, just before the total, so every changelog prefix stays consistent; emits
 * {@code unread.changed} with absolute values, its id derived from them.
 */
final class UserUnreadProcessor implements Processor<String, ConversationUnread, String, UnreadEvent> {

    private ProcessorContext<String, UnreadEvent> context;
    private KeyValueStore<String, byte[]> store;

    static String totalKey(UUID userId) {
        return userId.toString();
    }

    static String conversationKey(UUID userId, UUID conversationId) {
        return userId + "|" + conversationId;
    }

    /**
     * The user's position in a conversation: the stored entry, or the one the total remembers if that is further (the
     * entry of the conversation the total counted last is written only once the total moves on).
     */
    static UnreadPosition position(KeyValueStore<String, byte[]> store, UUID userId, UUID conversationId) {
        byte[] totalBytes = store.get(totalKey(userId));
        UserUnreadTotal total =
                totalBytes == null ? UserUnreadTotal.EMPTY : StoreJson.read(totalBytes, UserUnreadTotal.class);
        byte[] positionBytes = store.get(conversationKey(userId, conversationId));
        UnreadPosition stored =
                positionBytes == null ? UnreadPosition.ZERO : StoreJson.read(positionBytes, UnreadPosition.class);
        return conversationId.equals(total.lastConversationId())
                        && total.lastPosition().covers(stored)
                ? total.lastPosition()
                : stored;
    }

    private UnreadPosition storedPosition(UUID userId, UUID conversationId) {
        byte[] positionBytes = store.get(conversationKey(userId, conversationId));
        return positionBytes == null ? UnreadPosition.ZERO : StoreJson.read(positionBytes, UnreadPosition.class);
    }

    /** The position of the conversation {@code total} counted last, as the total remembers it or further. */
    private UnreadPosition effectivePosition(UUID userId, UserUnreadTotal total) {
        UnreadPosition stored = storedPosition(userId, total.lastConversationId());
        return total.lastPosition().covers(stored) ? total.lastPosition() : stored;
    }

    @Override
    public void init(ProcessorContext<String, UnreadEvent> context) {
        this.context = context;
        this.store = context.getStateStore(UnreadCountTopology.USER_STORE);
    }

    @Override
    public void process(Record<String, ConversationUnread> record) {
        ConversationUnread update = record.value();
        if (update == null || update.userId() == null || update.conversationId() == null) {
            throw new PoisonRecordException("unread update without a user or a conversation");
        }
        UUID userId = update.userId();
        UUID conversationId = update.conversationId();
        byte[] totalBytes = store.get(totalKey(userId));
        UserUnreadTotal total =
                totalBytes == null ? UserUnreadTotal.EMPTY : StoreJson.read(totalBytes, UserUnreadTotal.class);
        UnreadPosition stored = storedPosition(userId, conversationId);

        UserUnreadTotal.Applied applied =
                total.apply(conversationId, stored, new UnreadPosition(update.lastSeq(), update.lastReadSeq()));

        // The total remembers the position of the conversation it counted last, so that conversation's own entry is
        // written only when the total moves on to another one: first the one it leaves (a fact it already counts),
        // then the total. A user active in one conversation costs one write per update instead of two.
        if (total.lastConversationId() != null && !total.lastConversationId().equals(conversationId)) {
            store.put(
                    conversationKey(userId, total.lastConversationId()),
                    StoreJson.write(effectivePosition(userId, total)));
        }
        store.put(totalKey(userId), StoreJson.write(applied.total()));

        UnreadPosition position = applied.position();
        long totalUnread = applied.total().total();
        context.forward(new Record<>(
                userId.toString(),
                new UnreadChanged(
                        DeterministicIds.unreadEventId(userId, conversationId, position, totalUnread),
                        1,
                        Instant.ofEpochMilli(record.timestamp()),
                        userId,
                        conversationId,
                        position.unread(),
                        totalUnread,
                        position.lastSeq(),
                        position.lastReadSeq()),
                record.timestamp(),
                record.headers()));
    }
}
