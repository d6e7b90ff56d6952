package com.humanchat.streams.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import com.humanchat.schemas.sessions.RescheduleDeclined;
import com.humanchat.schemas.sessions.RescheduleProposed;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.schemas.sessions.SessionReminder;
import com.humanchat.schemas.sessions.SessionRequested;
import com.humanchat.schemas.sessions.SessionRescheduled;
import com.humanchat.schemas.sessions.SessionStatus;
import com.humanchat.schemas.sessions.SessionStatusChanged;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The chat commands session and request events write into conversations: a {@code system} message per status change of
 * a session requested from a conversation (actor = the participant who acted, the host for platform steps), a quiet line
 * per reschedule step and per reminder (same {@code session} action, the session's current status), and on a
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
            case RescheduleProposed proposed ->
                line(
                        proposed,
                        proposed.session(),
                        proposed.actorId(),
                        "reschedule:" + proposed.commandId(),
                        "Reschedule proposed: move the session from " + proposed.fromStartTime() + " to "
                                + proposed.toStartTime());
            case RescheduleDeclined declined ->
                line(
                        declined,
                        declined.session(),
                        declined.actorId(),
                        "reschedule-declined:" + declined.commandId(),
                        "Reschedule to " + declined.toStartTime() + " declined: the session stays at "
                                + declined.session().startTime());
            case SessionRescheduled rescheduled ->
                line(
                        rescheduled,
                        rescheduled.session(),
                        rescheduled.actorId(),
                        "rescheduled:" + rescheduled.commandId(),
                        "Session rescheduled from " + rescheduled.fromStartTime() + " to "
                                + rescheduled.session().startTime() + " (the payment stays as it was)");
            case SessionReminder reminder ->
                line(
                        reminder,
                        reminder.session(),
                        reminder.session().hostUserId(),
                        "reminder:" + reminder.commandId(),
                        "Reminder: " + reminder.title());
            default -> Optional.empty();
        };
    }

    /** A quiet line about a session that does not change its status (a reschedule step, a reminder). */
    private static Optional<SendMessage> line(
            SessionEvent event, Session session, UUID actorId, String what, String content) {
        if (session.conversationId() == null) {
            return Optional.empty();
        }
        return Optional.of(systemMessage(
                event.eventId(),
                event.occurredAt(),
                session.conversationId(),
                actorId,
                "session:" + session.sessionId() + ":" + what,
                content,
                sessionAction(session, session.status())));
    }

    private static ObjectNode sessionAction(Session session, SessionStatus status) {
        return Json.mapper()
                .createObjectNode()
                .put("type", "session")
                .put("sessionId", session.sessionId().toString())
                .put("status", status.wire());
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
                sessionAction(session, status)));
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
