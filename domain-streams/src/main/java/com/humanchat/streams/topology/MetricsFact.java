package com.humanchat.streams.topology;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.humanchat.schemas.chat.ChatEvent;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.payments.PaymentEvent;
import com.humanchat.schemas.payments.PaymentStatus;
import com.humanchat.schemas.payments.PaymentUpdated;
import com.humanchat.schemas.requests.RequestCreated;
import com.humanchat.schemas.requests.RequestEvent;
import com.humanchat.schemas.requests.RequestStatus;
import com.humanchat.schemas.requests.RequestStatusChanged;
import com.humanchat.schemas.sam.SamActionEvent;
import com.humanchat.schemas.sam.SamReplied;
import com.humanchat.schemas.sam.SamRequest;
import com.humanchat.schemas.sam.SamRequested;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.schemas.sessions.SessionRequested;
import com.humanchat.schemas.sessions.SessionStatus;
import com.humanchat.schemas.sessions.SessionStatusChanged;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The part of an input event the metrics topology needs, small enough to cross the {@code metrics-facts}
 * repartition topic (no message content, no snapshots): one per event that moves a figure, none for the others.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = MetricsFact.Message.class, name = "message"),
    @JsonSubTypes.Type(value = MetricsFact.SessionChange.class, name = "session"),
    @JsonSubTypes.Type(value = MetricsFact.RequestChange.class, name = "request"),
    @JsonSubTypes.Type(value = MetricsFact.SamAsked.class, name = "sam-asked"),
    @JsonSubTypes.Type(value = MetricsFact.SamAnswered.class, name = "sam-answered"),
    @JsonSubTypes.Type(value = MetricsFact.Payment.class, name = "payment")
})
sealed interface MetricsFact {

    record Message(UUID conversationId, long seq, Instant occurredAt) implements MetricsFact {}

    record SessionChange(UUID sessionId, SessionStatus status) implements MetricsFact {}

    record RequestChange(UUID requestId, RequestStatus status) implements MetricsFact {}

    record SamAsked(UUID requestId, Instant occurredAt) implements MetricsFact {}

    record SamAnswered(UUID requestId, Instant occurredAt) implements MetricsFact {}

    /** A payment that succeeded or was refunded; pending and failed ones move no figure. */
    record Payment(
            UUID paymentId,
            PaymentStatus status,
            String currency,
            long amountCents,
            long feeCents,
            long refundedCents,
            Instant occurredAt)
            implements MetricsFact {}

    static List<MetricsFact> of(ChatEvent event) {
        return event instanceof MessageSent sent
                ? List.of(new Message(sent.conversationId(), sent.seq(), sent.occurredAt()))
                : List.of();
    }

    static List<MetricsFact> of(SessionEvent event) {
        return switch (event) {
            case SessionRequested requested
            when requested.session() != null ->
                List.of(new SessionChange(
                        requested.sessionId(), requested.session().status()));
            case SessionStatusChanged changed -> List.of(new SessionChange(changed.sessionId(), changed.toStatus()));
            case null, default -> List.of();
        };
    }

    static List<MetricsFact> of(RequestEvent event) {
        return switch (event) {
            case RequestCreated created
            when created.request() != null ->
                List.of(new RequestChange(created.requestId(), created.request().status()));
            case RequestStatusChanged changed -> List.of(new RequestChange(changed.requestId(), changed.toStatus()));
            case null, default -> List.of();
        };
    }

    static List<MetricsFact> of(SamRequest request) {
        return request instanceof SamRequested asked
                ? List.of(new SamAsked(asked.requestId(), asked.occurredAt()))
                : List.of();
    }

    static List<MetricsFact> of(SamActionEvent event) {
        return event instanceof SamReplied replied
                ? List.of(new SamAnswered(replied.requestId(), replied.occurredAt()))
                : List.of();
    }

    static List<MetricsFact> of(PaymentEvent event) {
        return event instanceof PaymentUpdated updated
                        && (updated.status() == PaymentStatus.SUCCEEDED || updated.status() == PaymentStatus.REFUNDED)
                ? List.of(new Payment(
                        updated.paymentId(),
                        updated.status(),
                        updated.currency(),
                        updated.amountCents(),
                        updated.feeCents(),
                        updated.refundedCents(),
                        updated.occurredAt()))
                : List.of();
    }
}
