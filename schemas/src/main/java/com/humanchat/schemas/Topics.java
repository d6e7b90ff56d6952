package com.humanchat.schemas;

import com.humanchat.schemas.admin.AnnouncementPublished;
import com.humanchat.schemas.admin.MetricsSnapshot;
import com.humanchat.schemas.availability.AvailabilityCommand;
import com.humanchat.schemas.availability.AvailabilityEvent;
import com.humanchat.schemas.chat.ChatCommand;
import com.humanchat.schemas.chat.ChatEvent;
import com.humanchat.schemas.chat.UnreadEvent;
import com.humanchat.schemas.payments.PaymentCommand;
import com.humanchat.schemas.payments.PaymentEvent;
import com.humanchat.schemas.payments.PaymentWebhook;
import com.humanchat.schemas.requests.RequestCommand;
import com.humanchat.schemas.requests.RequestEvent;
import com.humanchat.schemas.rtc.RtcSignal;
import com.humanchat.schemas.safety.SafetyEvent;
import com.humanchat.schemas.sam.SamActionEvent;
import com.humanchat.schemas.sam.SamRequest;
import com.humanchat.schemas.sessions.SessionCommand;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.schemas.users.UserEvent;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/** The typed topic registry: every topic of the platform, with its key and value serdes. */
public final class Topics {

    /** Commands about conversations and messages; key = conversationId. */
    public static final Topic<String, ChatCommand> CHAT_COMMANDS =
            new Topic<>("chat.commands", Serdes.String(), JsonSerde.of(ChatCommand.class));

    /** What the conversation topology decided; key = conversationId. */
    public static final Topic<String, ChatEvent> CHAT_EVENTS =
            new Topic<>("chat.events", Serdes.String(), JsonSerde.of(ChatEvent.class));

    /** Absolute unread counts per user and conversation; key = userId. */
    public static final Topic<String, UnreadEvent> CHAT_UNREAD =
            new Topic<>("chat.unread", Serdes.String(), JsonSerde.of(UnreadEvent.class));

    /**
     * Identity changes published through the edge's transactional outbox; key = userId. Compacted: an erased account's
     * tombstone (null value) is the last record of its key, and the cleaner drops everything before it.
     */
    public static final Topic<String, UserEvent> USERS_EVENTS =
            new Topic<>("users.events", Serdes.String(), JsonSerde.of(UserEvent.class));

    /** Session requests and transitions; key = sessionId. */
    public static final Topic<String, SessionCommand> SESSIONS_COMMANDS =
            new Topic<>("sessions.commands", Serdes.String(), JsonSerde.of(SessionCommand.class));

    /** What the session topology decided, each with the session's snapshot; key = sessionId. */
    public static final Topic<String, SessionEvent> SESSIONS_EVENTS =
            new Topic<>("sessions.events", Serdes.String(), JsonSerde.of(SessionEvent.class));

    /** Managed-request creations and decisions; key = requestId. */
    public static final Topic<String, RequestCommand> REQUESTS_COMMANDS =
            new Topic<>("requests.commands", Serdes.String(), JsonSerde.of(RequestCommand.class));

    /** What the request topology decided, each with the request's snapshot; key = requestId. */
    public static final Topic<String, RequestEvent> REQUESTS_EVENTS =
            new Topic<>("requests.events", Serdes.String(), JsonSerde.of(RequestEvent.class));

    /** WebRTC signalling between the participants of a session, relayed by the edge replicas; key = sessionId. */
    public static final Topic<String, RtcSignal> RTC_SIGNALS =
            new Topic<>("rtc.signals", Serdes.String(), JsonSerde.of(RtcSignal.class));

    /** Asks to the payments worker; key = sessionId (session payments), paymentId (donations) or hostUserId. */
    public static final Topic<String, PaymentCommand> PAYMENTS_COMMANDS =
            new Topic<>("payments.commands", Serdes.String(), JsonSerde.of(PaymentCommand.class));

    /** Stripe events whose signature the edge verified; key = our paymentId or the Stripe object's id. */
    public static final Topic<String, PaymentWebhook> PAYMENTS_WEBHOOKS =
            new Topic<>("payments.webhooks", Serdes.String(), JsonSerde.of(PaymentWebhook.class));

    /** Payment and connected-account changes recorded by the payments worker; key = paymentId or hostUserId. */
    public static final Topic<String, PaymentEvent> PAYMENTS_EVENTS =
            new Topic<>("payments.events", Serdes.String(), JsonSerde.of(PaymentEvent.class));

    /** Admin broadcasts, written through the edge's outbox and pushed to every connected client; key = announcementId. */
    public static final Topic<String, AnnouncementPublished> ADMIN_ANNOUNCEMENTS =
            new Topic<>("admin.announcements", Serdes.String(), JsonSerde.of(AnnouncementPublished.class));

    /** Questions for Sam, from the edge to the sam-worker; key = the user's Sam conversationId. */
    public static final Topic<String, SamRequest> SAM_REQUESTS =
            new Topic<>("sam.requests", Serdes.String(), JsonSerde.of(SamRequest.class));

    /** Sam's answers with their validated proposed actions; key = conversationId. */
    public static final Topic<String, SamActionEvent> SAM_ACTIONS =
            new Topic<>("sam.actions", Serdes.String(), JsonSerde.of(SamActionEvent.class));

    /** Hosts' availability changes, decided by the session topology's host calendar; key = hostUserId. */
    public static final Topic<String, AvailabilityCommand> AVAILABILITY_COMMANDS =
            new Topic<>("availability.commands", Serdes.String(), JsonSerde.of(AvailabilityCommand.class));

    /** The availability each host calendar books by, projected for the slots read; key = hostUserId. */
    public static final Topic<String, AvailabilityEvent> AVAILABILITY_EVENTS =
            new Topic<>("availability.events", Serdes.String(), JsonSerde.of(AvailabilityEvent.class));

    /**
     * The platform's live figures, emitted every few seconds by the metrics topology and kept by every edge replica;
     * key = {@value MetricsSnapshot#KEY}. One partition, compacted: the latest snapshot is all there is to read.
     */
    public static final Topic<String, MetricsSnapshot> ADMIN_METRICS =
            new Topic<>("admin.metrics", Serdes.String(), JsonSerde.of(MetricsSnapshot.class));

    /**
     * Blocks and hosts' inbound policies, through the edge's outbox; key = {@code block:<blocker>:<blocked>} or
     * {@code inbound:<host>}. One partition, compacted: the latest event per key is the setting, read whole into a
     * global store by the conversation, session and request topologies.
     */
    public static final Topic<String, SafetyEvent> USERS_SAFETY =
            new Topic<>("users.safety", Serdes.String(), JsonSerde.of(SafetyEvent.class));

    /** Every topic the platform provisions at start. */
    public static List<Topic<String, ?>> all() {
        return List.of(
                CHAT_COMMANDS,
                CHAT_EVENTS,
                CHAT_UNREAD,
                USERS_EVENTS,
                USERS_SAFETY,
                SESSIONS_COMMANDS,
                SESSIONS_EVENTS,
                AVAILABILITY_COMMANDS,
                AVAILABILITY_EVENTS,
                REQUESTS_COMMANDS,
                REQUESTS_EVENTS,
                RTC_SIGNALS,
                SAM_REQUESTS,
                SAM_ACTIONS,
                PAYMENTS_COMMANDS,
                PAYMENTS_WEBHOOKS,
                PAYMENTS_EVENTS,
                ADMIN_ANNOUNCEMENTS,
                ADMIN_METRICS);
    }

    /**
     * True for the topics that hold the latest value per key rather than a history ({@link #ADMIN_METRICS}): they are
     * provisioned with one partition and compaction.
     */
    public static boolean holdsLatestValueOnly(Topic<?, ?> topic) {
        return topic == ADMIN_METRICS || topic == USERS_SAFETY;
    }

    /**
     * True for the topics compacted per key: those holding only the latest value, and {@link #USERS_EVENTS}, whose
     * tombstones erase a deleted account from the topic and from every copy that follows it.
     */
    public static boolean compacted(Topic<?, ?> topic) {
        return topic == USERS_EVENTS || holdsLatestValueOnly(topic);
    }

    /** The dead-letter topic of a topic: poison records land there with the reason in headers. */
    /**
     * Notification e-mails (and later pushes) the notifier gave up on after its last attempt: {@code {notificationId,
     * channel, userId, reason}}, key userId. A dead-letter topic of its own: no topic's records, but deliveries.
     */
    public static final String NOTIFICATIONS_DEAD_LETTERS = "notifications.dlq";

    public static String deadLetterOf(String topicName) {
        return topicName + ".dlq";
    }

    private Topics() {}
}
