package com.humanchat.streams.projector;

import com.humanchat.schemas.Envelope;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.chat.ChatEvent;
import com.humanchat.schemas.chat.CommandRejected;
import com.humanchat.schemas.chat.ConversationCreated;
import com.humanchat.schemas.chat.MessageDeleted;
import com.humanchat.schemas.chat.MessageEdited;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.chat.ReadAdvanced;
import com.humanchat.schemas.chat.UnreadChanged;
import com.humanchat.schemas.chat.UnreadEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a raw record of {@code chat.events} or {@code chat.unread} into its event, or says why it cannot be projected
 * (the record then goes to the dead-letter topic): not JSON, an unknown type, or a field the read model needs missing.
 */
final class RecordDecoder {

    private final String eventsTopic;
    private final String unreadTopic;
    private final Deserializer<ChatEvent> chatEvents =
            Topics.CHAT_EVENTS.valueSerde().deserializer();
    private final Deserializer<UnreadEvent> unreadEvents =
            Topics.CHAT_UNREAD.valueSerde().deserializer();

    RecordDecoder(String eventsTopic, String unreadTopic) {
        this.eventsTopic = eventsTopic;
        this.unreadTopic = unreadTopic;
    }

    /** Thrown for a record the projector cannot read; {@link #getMessage()} is the reason put in the DLQ headers. */
    static final class UnreadableRecordException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableRecordException(String reason, Throwable cause) {
            super(reason, cause);
        }

        UnreadableRecordException(String reason) {
            super(reason);
        }
    }

    Envelope decode(ConsumerRecord<byte[], byte[]> record) throws UnreadableRecordException {
        if (record.value() == null) {
            throw new UnreadableRecordException("null value (tombstone) on a topic of events");
        }
        Envelope event;
        try {
            if (record.topic().equals(eventsTopic)) {
                event = chatEvents.deserialize(record.topic(), record.value());
            } else if (record.topic().equals(unreadTopic)) {
                event = unreadEvents.deserialize(record.topic(), record.value());
            } else {
                throw new UnreadableRecordException("record of unexpected topic " + record.topic());
            }
        } catch (SerializationException e) {
            throw new UnreadableRecordException(e.getMessage(), e);
        }
        List<String> missing = missingFields(event);
        if (!missing.isEmpty()) {
            throw new UnreadableRecordException(typeOf(event) + " lacks or has invalid " + String.join(", ", missing));
        }
        return event;
    }

    /** The wire name of the event's type ({@code message.sent}), for metrics and logs. */
    static String typeOf(Envelope event) {
        return switch (event) {
            case ConversationCreated ignored -> "conversation.created";
            case MessageSent ignored -> "message.sent";
            case MessageEdited ignored -> "message.edited";
            case MessageDeleted ignored -> "message.deleted";
            case ReadAdvanced ignored -> "conversation.read-advanced";
            case CommandRejected ignored -> "command.rejected";
            case UnreadChanged ignored -> "unread.changed";
            default -> event.getClass().getSimpleName();
        };
    }

    /** Fields a NOT NULL column or a guard needs; JSON that omits them deserialises to null or 0. */
    private static List<String> missingFields(Envelope event) {
        List<String> missing = new ArrayList<>();
        require(missing, event.eventId() != null, "eventId");
        require(missing, event.occurredAt() != null, "occurredAt");
        switch (event) {
            case ConversationCreated e -> {
                require(missing, e.conversationId() != null, "conversationId");
                require(missing, e.createdBy() != null, "createdBy");
                require(missing, e.conversationType() != null, "conversationType");
            }
            case MessageSent e -> {
                require(missing, e.conversationId() != null, "conversationId");
                require(missing, e.messageId() != null, "messageId");
                require(missing, e.seq() >= 1, "seq");
                require(missing, e.senderId() != null, "senderId");
                require(missing, e.clientMessageId() != null, "clientMessageId");
            }
            case MessageEdited e -> {
                require(missing, e.conversationId() != null, "conversationId");
                require(missing, e.seq() >= 1, "seq");
                require(missing, e.content() != null, "content");
            }
            case MessageDeleted e -> {
                require(missing, e.conversationId() != null, "conversationId");
                require(missing, e.seq() >= 1, "seq");
            }
            case ReadAdvanced e -> {
                require(missing, e.conversationId() != null, "conversationId");
                require(missing, e.userId() != null, "userId");
                require(missing, e.lastReadSeq() >= 0, "lastReadSeq");
            }
            case UnreadChanged e -> {
                require(missing, e.userId() != null, "userId");
                require(missing, e.conversationId() != null, "conversationId");
                require(missing, e.unreadCount() >= 0, "unreadCount");
                require(missing, e.totalUnread() >= 0, "totalUnread");
                require(missing, e.lastSeq() >= 0, "lastSeq");
                require(missing, e.lastReadSeq() >= 0, "lastReadSeq");
            }
            default -> {
                // command.rejected changes no read model: nothing it must carry.
            }
        }
        return missing;
    }

    private static void require(List<String> missing, boolean present, String field) {
        if (!present) {
            missing.add(field);
        }
    }
}
