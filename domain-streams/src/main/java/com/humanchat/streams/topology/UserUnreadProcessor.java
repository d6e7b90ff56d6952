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
 * and the running total ({@code {userId}}), written total first (see {@link UserUnreadTotal}); emits
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
        byte[] positionBytes = store.get(conversationKey(userId, conversationId));
        UnreadPosition stored =
                positionBytes == null ? UnreadPosition.ZERO : StoreJson.read(positionBytes, UnreadPosition.class);

        UserUnreadTotal.Applied applied =
                total.apply(conversationId, stored, new UnreadPosition(update.lastSeq(), update.lastReadSeq()));

        store.put(totalKey(userId), StoreJson.write(applied.total()));
        store.put(conversationKey(userId, conversationId), StoreJson.write(applied.position()));

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
                record.timestamp()));
    }
}
