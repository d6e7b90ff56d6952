package com.humanchat.streams.projector;

import com.humanchat.schemas.Envelope;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.availability.AvailabilityUpdated;
import com.humanchat.schemas.chat.CommandRejected;
import com.humanchat.schemas.chat.ConversationCreated;
import com.humanchat.schemas.chat.MessageDeleted;
import com.humanchat.schemas.chat.MessageEdited;
import com.humanchat.schemas.chat.MessageReacted;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.chat.ReadAdvanced;
import com.humanchat.schemas.chat.UnreadChanged;
import com.humanchat.schemas.requests.ManagedRequest;
import com.humanchat.schemas.requests.RequestCommandRejected;
import com.humanchat.schemas.requests.RequestCreated;
import com.humanchat.schemas.requests.RequestStatusChanged;
import com.humanchat.schemas.sessions.RescheduleDeclined;
import com.humanchat.schemas.sessions.RescheduleProposed;
import com.humanchat.schemas.sessions.ReviewAnswered;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionCommandRejected;
import com.humanchat.schemas.sessions.SessionReminder;
import com.humanchat.schemas.sessions.SessionRequested;
import com.humanchat.schemas.sessions.SessionRescheduled;
import com.humanchat.schemas.sessions.SessionReviewed;
import com.humanchat.schemas.sessions.SessionStatusChanged;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a raw record of {@code chat.events}, {@code chat.unread}, {@code sessions.events}, {@code requests.events} or
 * {@code availability.events}
 * into its event, or says why it cannot be projected
 * (the record then goes to the dead-letter topic): not JSON, an unknown type, or a field the read model needs missing.
 */
final class RecordDecoder {

    /** The deserializer of each consumed topic's family. */
    private final Map<String, Deserializer<? extends Envelope>> deserializers;

    RecordDecoder(ProjectorConfig config) {
        this.deserializers = Map.of(
                config.eventsTopic(), Topics.CHAT_EVENTS.valueSerde().deserializer(),
                config.unreadTopic(), Topics.CHAT_UNREAD.valueSerde().deserializer(),
                config.sessionsTopic(), Topics.SESSIONS_EVENTS.valueSerde().deserializer(),
                config.requestsTopic(), Topics.REQUESTS_EVENTS.valueSerde().deserializer(),
                Topics.AVAILABILITY_EVENTS.name(),
                        Topics.AVAILABILITY_EVENTS.valueSerde().deserializer());
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
        Deserializer<? extends Envelope> deserializer = deserializers.get(record.topic());
        if (deserializer == null) {
            throw new UnreadableRecordException("record of unexpected topic " + record.topic());
        }
        Envelope event;
        try {
            event = deserializer.deserialize(record.topic(), record.value());
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
            case MessageReacted ignored -> "message.reacted";
            case CommandRejected ignored -> "command.rejected";
            case UnreadChanged ignored -> "unread.changed";
            case SessionRequested ignored -> "session.requested";
            case SessionStatusChanged ignored -> "session.status-changed";
            case SessionReviewed ignored -> "session.reviewed";
            case ReviewAnswered ignored -> "session.review-answered";
            case RescheduleProposed ignored -> "session.reschedule-proposed";
            case RescheduleDeclined ignored -> "session.reschedule-declined";
            case SessionRescheduled ignored -> "session.rescheduled";
            case SessionReminder ignored -> "session.reminder";
            case SessionCommandRejected ignored -> "command.rejected";
            case RequestCreated ignored -> "request.created";
            case RequestStatusChanged ignored -> "request.status-changed";
            case RequestCommandRejected ignored -> "command.rejected";
            case AvailabilityUpdated ignored -> "availability.updated";
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
            case MessageReacted e -> {
                require(missing, e.conversationId() != null, "conversationId");
                require(missing, e.seq() >= 1, "seq");
                require(missing, e.emoji() != null, "emoji");
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
            case SessionRequested e -> requireSession(missing, e.session());
            case SessionStatusChanged e -> requireSession(missing, e.session());
            case RescheduleProposed e -> {
                require(missing, e.toStartTime() != null, "toStartTime");
                require(missing, e.actorId() != null, "actorId");
                requireSession(missing, e.session());
            }
            case SessionRescheduled e -> {
                require(missing, e.sequence() >= 1, "sequence");
                requireSession(missing, e.session());
                require(missing, e.session() == null || e.session().startTime() != null, "session.startTime");
            }
            case SessionReviewed e -> {
                require(missing, e.sessionId() != null, "sessionId");
                require(missing, e.guestUserId() != null, "guestUserId");
                require(missing, e.hostUserId() != null, "hostUserId");
                require(missing, e.rating() >= 1 && e.rating() <= 5, "rating");
            }
            case ReviewAnswered e -> {
                require(missing, e.sessionId() != null, "sessionId");
                require(missing, e.text() != null, "text");
            }
            case RequestCreated e -> requireRequest(missing, e.request());
            case AvailabilityUpdated e -> {
                require(missing, e.hostUserId() != null, "hostUserId");
                require(missing, e.commandId() != null, "commandId");
                require(
                        missing,
                        e.availability() != null && e.availability().problems().isEmpty(),
                        "availability");
            }
            case RequestStatusChanged e -> {
                require(missing, e.actorId() != null, "actorId");
                require(missing, e.fromStatus() != null, "fromStatus");
                require(missing, e.toStatus() != null, "toStatus");
                requireRequest(missing, e.request());
            }
            default -> {
                // command.rejected changes no read model: nothing it must carry.
            }
        }
        return missing;
    }

    private static void requireSession(List<String> missing, Session s) {
        require(missing, s != null, "session");
        if (s == null) {
            return;
        }
        require(missing, s.sessionId() != null, "session.sessionId");
        require(missing, s.guestUserId() != null, "session.guestUserId");
        require(missing, s.hostUserId() != null, "session.hostUserId");
        require(missing, s.agreedPrice() != null && s.agreedPrice().currency() != null, "session.agreedPrice");
        require(missing, s.paymentMode() != null, "session.paymentMode");
        require(missing, s.status() != null, "session.status");
        require(missing, s.requestedAt() != null, "session.requestedAt");
        require(missing, s.updatedAt() != null, "session.updatedAt");
    }

    private static void requireRequest(List<String> missing, ManagedRequest r) {
        require(missing, r != null, "request");
        if (r == null) {
            return;
        }
        require(missing, r.requestId() != null, "request.requestId");
        require(missing, r.requesterId() != null, "request.requesterId");
        require(missing, r.hostUserId() != null, "request.hostUserId");
        require(missing, r.managerId() != null, "request.managerId");
        require(missing, r.message() != null, "request.message");
        require(missing, r.status() != null, "request.status");
        require(missing, r.createdAt() != null, "request.createdAt");
    }

    private static void require(List<String> missing, boolean present, String field) {
        if (!present) {
            missing.add(field);
        }
    }
}
