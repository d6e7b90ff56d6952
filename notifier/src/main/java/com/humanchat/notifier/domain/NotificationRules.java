package com.humanchat.notifier.domain;

import com.humanchat.schemas.Envelope;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.payments.PaymentKind;
import com.humanchat.schemas.payments.PaymentStatus;
import com.humanchat.schemas.payments.PaymentUpdated;
import com.humanchat.schemas.requests.ManagedRequest;
import com.humanchat.schemas.requests.RequestCreated;
import com.humanchat.schemas.requests.RequestStatus;
import com.humanchat.schemas.requests.RequestStatusChanged;
import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionReminder;
import com.humanchat.schemas.sessions.SessionRequested;
import com.humanchat.schemas.sessions.SessionStatusChanged;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which notifications an event of the session, request and payment topics causes, and for whom — a pure function of
 * the event (and people's display names). Unread messages are not here: they wait for the unread delay
 * ({@code Digests}); a message that mentions members notifies each of them at once. A new kind of event is one more
 * case in {@link #derive}.
 */
public final class NotificationRules {

    /** How a message's content names a mentioned user (the web client writes it, the topology keeps members only). */
    private static final Pattern MENTION_TOKEN = Pattern.compile("<@([0-9a-fA-F-]{36})>");

    private static final int MENTION_BODY_CODE_POINTS = 200;

    private final Function<UUID, String> names;

    /** @param names a user's display name (the notifier reads it from the users table) */
    public NotificationRules(Function<UUID, String> names) {
        this.names = names;
    }

    public List<Notification> derive(Envelope event) {
        return switch (event) {
            case SessionRequested requested -> List.of(sessionRequested(requested));
            case SessionStatusChanged changed -> sessionChanged(changed);
            case SessionReminder reminder -> sessionReminder(reminder);
            case RequestCreated created -> List.of(requestWaiting(created));
            case RequestStatusChanged changed -> requestDecided(changed);
            case PaymentUpdated payment -> paymentChanged(payment);
            case MessageSent message -> mentioned(message);
            default -> List.of();
        };
    }

    /** One per member the message mentions, quoting it with every mention written as {@code @name}. */
    private List<Notification> mentioned(MessageSent message) {
        String sender = names.apply(message.senderId());
        String body = readable(message.content());
        return message.mentionedUserIds().stream()
                .map(user -> notification(
                        NotificationKind.MESSAGE_MENTION,
                        message,
                        user,
                        sender + " mentioned you",
                        body,
                        "/#/c/" + message.conversationId(),
                        message.conversationId()))
                .toList();
    }

    private String readable(String content) {
        Matcher tokens = MENTION_TOKEN.matcher(content);
        String text = tokens.replaceAll(
                token -> Matcher.quoteReplacement("@" + names.apply(UUID.fromString(token.group(1)))));
        return text.codePointCount(0, text.length()) <= MENTION_BODY_CODE_POINTS
                ? text
                : text.substring(0, text.offsetByCodePoints(0, MENTION_BODY_CODE_POINTS)) + "…";
    }

    private Notification sessionRequested(SessionRequested event) {
        Session session = event.session();
        return notification(
                NotificationKind.SESSION_REQUESTED,
                event,
                session.hostUserId(),
                names.apply(session.guestUserId()) + " requested a session",
                session.durationMinutes() + " minutes, "
                        + (session.startTime() == null ? "now" : "at " + session.startTime()),
                "/#/sessions",
                session.conversationId());
    }

    private List<Notification> sessionChanged(SessionStatusChanged event) {
        Session session = event.session();
        UUID other = event.actorId().equals(session.hostUserId()) ? session.guestUserId() : session.hostUserId();
        String actor = names.apply(event.actorId());
        return switch (event.toStatus()) {
            case ACCEPTED ->
                List.of(sessionNotice(
                        NotificationKind.SESSION_ACCEPTED,
                        event,
                        session.guestUserId(),
                        actor + " accepted your session"));
            case DECLINED ->
                List.of(sessionNotice(
                        NotificationKind.SESSION_DECLINED,
                        event,
                        session.guestUserId(),
                        actor + " declined your session"));
            // confirmed by a payment (the platform) or at once for a free session: both sides learn it
            case CONFIRMED ->
                session.participantIds().stream()
                        .map(user -> sessionNotice(
                                NotificationKind.SESSION_CONFIRMED, event, user, "Your session is confirmed"))
                        .toList();
            case CANCELLED ->
                session.participantIds().contains(event.actorId())
                        ? List.of(sessionNotice(
                                NotificationKind.SESSION_CANCELLED, event, other, actor + " cancelled the session"))
                        : session.participantIds().stream()
                                .map(user -> sessionNotice(
                                        NotificationKind.SESSION_CANCELLED, event, user, "Your session was cancelled"))
                                .toList();
            default -> List.of();
        };
    }

    private Notification sessionNotice(NotificationKind kind, SessionStatusChanged event, UUID user, String title) {
        Session session = event.session();
        String when = session.startTime() == null ? "an instant session" : "the session at " + session.startTime();
        String body = event.reason() == null || event.reason().isBlank() ? when : when + ": " + event.reason();
        return notification(kind, event, user, title, body, "/#/sessions", session.conversationId());
    }

    /** One per recipient (both sides), naming the other one; the body is the clock's own sentence. */
    private List<Notification> sessionReminder(SessionReminder event) {
        Session session = event.session();
        String in =
                switch (event.lead()) {
                    case DAY -> "24 hours";
                    case QUARTER_HOUR -> "15 minutes";
                };
        return event.recipientIds().stream()
                .map(user -> {
                    UUID other = user.equals(session.hostUserId()) ? session.guestUserId() : session.hostUserId();
                    return notification(
                            NotificationKind.SESSION_REMINDER,
                            event,
                            user,
                            "Your session with " + names.apply(other) + " starts in " + in,
                            event.title(),
                            "/#/sessions",
                            session.conversationId());
                })
                .toList();
    }

    private Notification requestWaiting(RequestCreated event) {
        ManagedRequest request = event.request();
        return notification(
                NotificationKind.REQUEST_WAITING,
                event,
                request.managerId(),
                request.requesterName() + " asks to talk to " + request.hostName(),
                request.message() == null ? "" : request.message(),
                "/#/sessions",
                null);
    }

    private List<Notification> requestDecided(RequestStatusChanged event) {
        ManagedRequest request = event.request();
        if (event.toStatus() != RequestStatus.APPROVED && event.toStatus() != RequestStatus.DECLINED) {
            return List.of();
        }
        String verdict = event.toStatus() == RequestStatus.APPROVED ? "approved" : "declined";
        return List.of(notification(
                NotificationKind.REQUEST_DECIDED,
                event,
                request.requesterId(),
                "Your request to " + request.hostName() + " was " + verdict,
                event.reason() == null ? "" : event.reason(),
                request.conversationId() == null ? "/#/sessions" : "/#/c/" + request.conversationId(),
                request.conversationId()));
    }

    private List<Notification> paymentChanged(PaymentUpdated payment) {
        String amount = money(payment.amountCents(), payment.currency());
        if (payment.status() == PaymentStatus.SUCCEEDED && payment.kind() == PaymentKind.DONATION) {
            return List.of(
                    notification(
                            NotificationKind.TIP_RECEIVED,
                            payment,
                            payment.payeeUserId(),
                            names.apply(payment.payerUserId()) + " tipped you " + amount,
                            "Thank you notes go a long way.",
                            payment.conversationId() == null ? "/#/settings" : "/#/c/" + payment.conversationId(),
                            payment.conversationId()),
                    receipt(payment, "Receipt: your tip of " + amount));
        }
        if (payment.status() == PaymentStatus.SUCCEEDED) {
            return List.of(receipt(payment, "Receipt: " + amount + " paid"));
        }
        if (payment.status() == PaymentStatus.REFUNDED) {
            return List.of(notification(
                    NotificationKind.SESSION_REFUNDED,
                    payment,
                    payment.payerUserId(),
                    "Refunded " + money(payment.refundedCents(), payment.currency()),
                    "Your payment of " + amount + " was refunded.",
                    "/#/sessions",
                    payment.conversationId()));
        }
        return List.of();
    }

    private Notification receipt(PaymentUpdated payment, String title) {
        return notification(
                NotificationKind.PAYMENT_RECEIPT,
                payment,
                payment.payerUserId(),
                title,
                "Paid to " + names.apply(payment.payeeUserId()) + ". Payment " + payment.paymentId() + ".",
                "/#/sessions",
                payment.conversationId());
    }

    private static Notification notification(
            NotificationKind kind,
            Envelope event,
            UUID user,
            String title,
            String body,
            String link,
            UUID conversation) {
        return new Notification(
                Notification.idOf(kind, event.eventId(), user),
                user,
                kind,
                title,
                body,
                link,
                conversation,
                event.eventId(),
                event.occurredAt());
    }

    private static String money(long cents, String currency) {
        return Money.of(cents, currency).display();
    }
}
