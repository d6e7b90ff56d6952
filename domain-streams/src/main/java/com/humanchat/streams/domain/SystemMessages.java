package com.humanchat.streams.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.humanchat.schemas.Json;
import com.humanchat.schemas.SystemActors;
import com.humanchat.schemas.chat.ChatCommand;
import com.humanchat.schemas.chat.ConversationType;
import com.humanchat.schemas.chat.CreateConversation;
import com.humanchat.schemas.chat.MessageKind;
import com.humanchat.schemas.chat.SendMessage;
import com.humanchat.schemas.requests.ManagedRequest;
import com.humanchat.schemas.requests.RequestEvent;
import com.humanchat.schemas.requests.RequestStatus;
import com.humanchat.schemas.requests.RequestStatusChanged;
import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.PaymentMode;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.schemas.sessions.SessionRequested;
import com.humanchat.schemas.sessions.SessionStatus;
import com.humanchat.schemas.sessions.SessionStatusChanged;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The chat commands session and request events write into conversations: a {@code system} message per status change of
 * a session requested from a conversation (actor = the participant who acted, the host for platform steps), and on a
 * request's approval the direct conversation requester ↔ host plus a message quoting the request. Ids derive from the
 * event and {@code clientMessageId}s from the status, so re-emitting an event re-sends commands the conversation
 * topology deduplicates.
 */
public final class SystemMessages {

    private SystemMessages() {}

    /** The system message of a session event, if the session was requested from a conversation. */
    public static Optional<SendMessage> forSession(SessionEvent event) {
        return switch (event) {
            case SessionRequested requested ->
                notice(requested, requested.session(), requested.session().guestUserId(), SessionStatus.REQUESTED);
            case SessionStatusChanged changed ->
                notice(
                        changed,
                        changed.session(),
                        SystemActors.PLATFORM.equals(changed.actorId())
                                ? changed.session().hostUserId()
                                : changed.actorId(),
                        changed.toStatus());
            default -> Optional.empty();
        };
    }

    /** On approval: open the direct conversation (actor = host), then quote the request in it. Otherwise nothing. */
    public static List<ChatCommand> forRequest(RequestEvent event) {
        if (!(event instanceof RequestStatusChanged changed) || changed.toStatus() != RequestStatus.APPROVED) {
            return List.of();
        }
        ManagedRequest request = changed.request();
        UUID conversationId = request.conversationId();
        CreateConversation open = new CreateConversation(
                DeterministicIds.followUpCommandId("conversation", event.eventId()),
                1,
                event.occurredAt(),
                conversationId,
                request.hostUserId(),
                ConversationType.DIRECT,
                List.of(request.requesterId(), request.hostUserId()));
        String approvedBy = request.representativeName() == null ? "the host's manager" : request.representativeName();
        SendMessage quote = systemMessage(
                event.eventId(),
                event.occurredAt(),
                conversationId,
                request.hostUserId(),
                "request:" + request.requestId() + ":" + RequestStatus.APPROVED.wire(),
                "Request approved by " + approvedBy + ": \u201c" + request.message() + "\u201d",
                Json.mapper()
                        .createObjectNode()
                        .put("type", "request")
                        .put("requestId", request.requestId().toString())
                        .put("status", RequestStatus.APPROVED.wire()));
        return List.of(open, quote);
    }

    private static Optional<SendMessage> notice(
            SessionEvent event, Session session, UUID actorId, SessionStatus status) {
        if (session.conversationId() == null) {
            return Optional.empty();
        }
        String reason = event instanceof SessionStatusChanged changed ? changed.reason() : null;
        return Optional.of(systemMessage(
                event.eventId(),
                event.occurredAt(),
                session.conversationId(),
                actorId,
                "session:" + session.sessionId() + ":" + status.wire(),
                sentence(session, status) + (reason == null || reason.isBlank() ? "" : ": " + reason),
                Json.mapper()
                        .createObjectNode()
                        .put("type", "session")
                        .put("sessionId", session.sessionId().toString())
                        .put("status", status.wire())));
    }

    private static String sentence(Session session, SessionStatus status) {
        return switch (status) {
            case REQUESTED ->
                "Session requested: " + session.durationMinutes() + " min, " + price(session) + ", "
                        + (session.startTime() == null ? "instant" : "starts " + session.startTime());
            case ACCEPTED -> "Session accepted";
            case DECLINED -> "Session declined";
            case CANCELLED -> "Session cancelled";
            case AWAITING_PAYMENT -> "Session accepted, awaiting payment";
            case CONFIRMED -> "Session confirmed";
            case IN_PROGRESS -> "Session started";
            case NO_SHOW -> "Session marked as a no-show: the other participant never came";
            case COMPLETED ->
                session.actualDurationSeconds() == null
                        ? "Session completed"
                        : "Session completed after " + Math.max(1, Math.round(session.actualDurationSeconds() / 60.0))
                                + " min";
        };
    }

    private static String price(Session session) {
        Money price = session.agreedPrice();
        String amount = String.format(
                Locale.ROOT,
                "%d.%02d %s",
                price.amountCents() / 100,
                price.amountCents() % 100,
                price.currency().toUpperCase(Locale.ROOT));
        if (session.paymentMode() == PaymentMode.FREE) {
            return "free";
        }
        if (session.paymentMode() == PaymentMode.DONATION) {
            return price.amountCents() == 0 ? "donation" : "donation, " + amount + " suggested";
        }
        return amount + ", paid";
    }

    private static SendMessage systemMessage(
            UUID eventId,
            Instant at,
            UUID conversationId,
            UUID actorId,
            String clientMessageId,
            String content,
            JsonNode action) {
        return new SendMessage(
                DeterministicIds.followUpCommandId("system-message", eventId),
                1,
                at,
                conversationId,
                actorId,
                clientMessageId,
                content,
                MessageKind.SYSTEM,
                List.of(action));
    }
}
