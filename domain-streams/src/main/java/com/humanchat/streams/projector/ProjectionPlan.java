package com.humanchat.streams.projector;

import com.humanchat.schemas.Envelope;
import com.humanchat.schemas.availability.AvailabilityUpdated;
import com.humanchat.schemas.chat.ConversationCreated;
import com.humanchat.schemas.chat.MessageDeleted;
import com.humanchat.schemas.chat.MessageEdited;
import com.humanchat.schemas.chat.MessageReacted;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.chat.ReadAdvanced;
import com.humanchat.schemas.chat.UnreadChanged;
import com.humanchat.schemas.requests.ManagedRequest;
import com.humanchat.schemas.requests.RequestCreated;
import com.humanchat.schemas.requests.RequestStatus;
import com.humanchat.schemas.requests.RequestStatusChanged;
import com.humanchat.schemas.sessions.RescheduleDeclined;
import com.humanchat.schemas.sessions.RescheduleProposed;
import com.humanchat.schemas.sessions.ReviewAnswered;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.schemas.sessions.SessionRequested;
import com.humanchat.schemas.sessions.SessionRescheduled;
import com.humanchat.schemas.sessions.SessionReviewed;
import com.humanchat.schemas.sessions.SessionStatusChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The statements one batch needs, deduplicated by key so that a multi-row upsert never touches a row twice, and
 * participant rows in one global order so that concurrent projector threads lock them in the same order.
 */
record ProjectionPlan(
        Map<UUID, ConversationCreated> conversations,
        SortedMap<ParticipantKey, Instant> members,
        Map<MessageKey, MessageSent> messages,
        SortedSet<UUID> touchedConversations,
        List<MessageEdited> edits,
        List<MessageDeleted> deletes,
        Map<ReactionKey, MessageReacted> reactions,
        SortedMap<ParticipantKey, Long> reads,
        SortedMap<ParticipantKey, Long> receipts,
        SortedMap<ParticipantKey, UnreadChanged> unreadCounts,
        Map<UUID, Long> unreadTotals,
        SortedMap<UUID, Session> sessions,
        SortedSet<UUID> linkedSessions,
        SortedMap<UUID, ManagedRequest> requests,
        Map<UUID, RequestStatusChanged> decisions,
        Map<UUID, SessionReviewed> reviews,
        Map<UUID, ReviewAnswered> reviewAnswers,
        Map<UUID, AvailabilityUpdated> availabilities,
        List<SessionEvent> reschedules) {

    static ProjectionPlan of(List<? extends Envelope> events) {
        ProjectionPlan plan = new ProjectionPlan(
                new LinkedHashMap<>(),
                new TreeMap<>(),
                new LinkedHashMap<>(),
                new TreeSet<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new LinkedHashMap<>(),
                new TreeMap<>(),
                new TreeMap<>(),
                new TreeMap<>(),
                new TreeMap<>(),
                new TreeMap<>(),
                new TreeSet<>(),
                new TreeMap<>(),
                new LinkedHashMap<>(),
                new LinkedHashMap<>(),
                new LinkedHashMap<>(),
                new TreeMap<>(),
                new ArrayList<>());
        for (Envelope event : events) {
            plan.add(event);
        }
        return plan;
    }

    private void add(Envelope event) {
        switch (event) {
            case ConversationCreated e -> {
                conversations.putIfAbsent(e.conversationId(), e);
                for (UUID user : e.participantIds()) {
                    members.putIfAbsent(new ParticipantKey(e.conversationId(), user), e.occurredAt());
                }
                // Repairs last_seq should messages of it have been projected first.
                touchedConversations.add(e.conversationId());
            }
            case MessageSent e -> {
                messages.putIfAbsent(new MessageKey(e.conversationId(), e.seq()), e);
                touchedConversations.add(e.conversationId());
            }
            case MessageEdited e -> edits.add(e);
            case MessageDeleted e -> deletes.add(e);
            // Each carries the absolute users of its emoji: the last one of a message and emoji in the batch wins.
            case MessageReacted e -> reactions.put(new ReactionKey(e.conversationId(), e.seq(), e.emoji()), e);
            case ReadAdvanced e -> {
                ParticipantKey key = new ParticipantKey(e.conversationId(), e.userId());
                reads.merge(key, e.lastReadSeq(), Math::max);
                if (e.receipt()) {
                    receipts.merge(key, e.lastReadSeq(), Math::max);
                }
            }
            case UnreadChanged e -> {
                // As applying them one by one would: a count older than one before it in the batch changes
                // neither its row nor the user's total; otherwise it replaces both (the database guard then
                // compares it with what is stored).
                ParticipantKey key = new ParticipantKey(e.conversationId(), e.userId());
                UnreadChanged before = unreadCounts.get(key);
                if (before == null || !isOlder(e, before)) {
                    unreadCounts.put(key, e);
                    unreadTotals.put(e.userId(), e.totalUnread());
                }
            }
            case SessionRequested e -> {
                addSession(e.session());
                if (e.session().conversationId() != null) {
                    linkedSessions.add(e.sessionId());
                }
            }
            case SessionStatusChanged e -> addSession(e.session());
            // A session has one review and one answer: the first of each (the topology emits no other) wins.
            case SessionReviewed e -> reviews.putIfAbsent(e.sessionId(), e);
            case ReviewAnswered e -> reviewAnswers.putIfAbsent(e.sessionId(), e);
            // A host's latest availability replaces the earlier ones (the database guard compares the times).
            case AvailabilityUpdated e -> availabilities.put(e.hostUserId(), e);
            // Applied one by one in order, after the sessions: each guards itself against older steps.
            case RescheduleProposed e -> reschedules.add(e);
            case RescheduleDeclined e -> reschedules.add(e);
            case SessionRescheduled e -> reschedules.add(e);
            case RequestCreated e -> addRequest(e.request());
            case RequestStatusChanged e -> {
                addRequest(e.request());
                decisions.putIfAbsent(e.eventId(), e);
            }
            default -> {
                // command.rejected and anything else changes no read model.
            }
        }
    }

    /** As the database guard would: the snapshot furthest along the state machine wins. */
    private void addSession(Session session) {
        sessions.merge(
                session.sessionId(),
                session,
                (kept, next) -> next.status().lifecycleRank() > kept.status().lifecycleRank() ? next : kept);
    }

    /** As the database guard would: the first decided snapshot wins over pending and over later ones. */
    private void addRequest(ManagedRequest request) {
        requests.merge(
                request.requestId(),
                request,
                (kept, next) ->
                        kept.status() == RequestStatus.PENDING && next.status() != RequestStatus.PENDING ? next : kept);
    }

    /** True if {@code candidate}'s (lastSeq, lastReadSeq) is below {@code current}'s. */
    private static boolean isOlder(UnreadChanged candidate, UnreadChanged current) {
        int order = Long.compare(candidate.lastSeq(), current.lastSeq());
        if (order == 0) {
            order = Long.compare(candidate.lastReadSeq(), current.lastReadSeq());
        }
        return order < 0;
    }

    boolean isEmpty() {
        return conversations.isEmpty()
                && messages.isEmpty()
                && edits.isEmpty()
                && deletes.isEmpty()
                && reactions.isEmpty()
                && reads.isEmpty()
                && unreadCounts.isEmpty()
                && sessions.isEmpty()
                && requests.isEmpty()
                && reviews.isEmpty()
                && reviewAnswers.isEmpty()
                && availabilities.isEmpty()
                && reschedules.isEmpty();
    }

    /** Ordered by conversation, then user: the order participant rows are locked in. */
    record ParticipantKey(UUID conversationId, UUID userId) implements Comparable<ParticipantKey> {
        private static final Comparator<ParticipantKey> ORDER =
                Comparator.comparing(ParticipantKey::conversationId).thenComparing(ParticipantKey::userId);

        @Override
        public int compareTo(ParticipantKey other) {
            return ORDER.compare(this, other);
        }
    }

    record MessageKey(UUID conversationId, long seq) {}

    record ReactionKey(UUID conversationId, long seq, String emoji) {}
}
