package com.humanchat.notifier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.humanchat.schemas.chat.MessageKind;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.payments.PaymentKind;
import com.humanchat.schemas.payments.PaymentStatus;
import com.humanchat.schemas.payments.PaymentUpdated;
import com.humanchat.schemas.requests.ManagedRequest;
import com.humanchat.schemas.requests.RequestCreated;
import com.humanchat.schemas.requests.RequestStatus;
import com.humanchat.schemas.requests.RequestStatusChanged;
import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.PaymentMode;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionReminder;
import com.humanchat.schemas.sessions.SessionRequested;
import com.humanchat.schemas.sessions.SessionStatus;
import com.humanchat.schemas.sessions.SessionStatusChanged;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotificationRulesTest {

    private static final UUID GUEST = UUID.randomUUID();
    private static final UUID HOST = UUID.randomUUID();
    private static final UUID MANAGER = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2027-03-04T10:00:00Z");
    private static final Map<UUID, String> NAMES = Map.of(GUEST, "Gus Guest", HOST, "Hana Host", MANAGER, "Max");
    private final NotificationRules rules = new NotificationRules(NAMES::get);

    private static Session session(SessionStatus status) {
        return new Session(
                UUID.randomUUID(),
                GUEST,
                HOST,
                UUID.randomUUID(),
                null,
                30,
                Money.of(5000, "usd"),
                PaymentMode.PAID,
                status,
                NOW,
                NOW,
                null,
                null,
                null,
                null);
    }

    private static SessionStatusChanged changed(UUID actor, SessionStatus from, SessionStatus to) {
        Session session = session(to);
        return new SessionStatusChanged(
                UUID.randomUUID(), 1, NOW, session.sessionId(), UUID.randomUUID(), actor, from, to, null, session);
    }

    @Test
    void aMentionNotifiesEachMentionedMemberWithTheMessageInNamesAndAPlainMessageNobody() {
        UUID conversation = UUID.randomUUID();
        MessageSent mention = new MessageSent(
                UUID.randomUUID(),
                1,
                NOW,
                conversation,
                UUID.randomUUID(),
                UUID.randomUUID(),
                3,
                GUEST,
                "c-3",
                "<@" + HOST + "> and <@" + MANAGER + ">: can we move it?",
                MessageKind.TEXT,
                List.of(),
                List.of(GUEST, HOST, MANAGER),
                List.of(),
                null,
                List.of(HOST, MANAGER));
        MessageSent plain = new MessageSent(
                UUID.randomUUID(),
                1,
                NOW,
                conversation,
                UUID.randomUUID(),
                UUID.randomUUID(),
                4,
                GUEST,
                "c-4",
                "thanks",
                MessageKind.TEXT,
                List.of(),
                List.of(GUEST, HOST, MANAGER));

        List<Notification> derived = rules.derive(mention);

        assertThat(derived)
                .extracting(Notification::userId, Notification::kind, Notification::title, Notification::body)
                .containsExactly(
                        tuple(
                                HOST,
                                NotificationKind.MESSAGE_MENTION,
                                "Gus Guest mentioned you",
                                "@Hana Host and @Max: can we move it?"),
                        tuple(
                                MANAGER,
                                NotificationKind.MESSAGE_MENTION,
                                "Gus Guest mentioned you",
                                "@Hana Host and @Max: can we move it?"));
        assertThat(derived.getFirst().link()).isEqualTo("/#/c/" + conversation);
        assertThat(rules.derive(plain)).isEmpty();
    }

    @Test
    void aRequestedSessionNotifiesTheHostWithAnIdDerivedFromTheEvent() {
        Session session = session(SessionStatus.REQUESTED);
        SessionRequested event =
                new SessionRequested(UUID.randomUUID(), 1, NOW, session.sessionId(), UUID.randomUUID(), session);

        List<Notification> derived = rules.derive(event);

        assertThat(derived).singleElement().satisfies(n -> {
            assertThat(n.userId()).isEqualTo(HOST);
            assertThat(n.kind()).isEqualTo(NotificationKind.SESSION_REQUESTED);
            assertThat(n.title()).isEqualTo("Gus Guest requested a session");
            assertThat(n.id()).isEqualTo(Notification.idOf(NotificationKind.SESSION_REQUESTED, event.eventId(), HOST));
        });
        assertThat(rules.derive(event)).isEqualTo(derived); // derived again: the same ids
    }

    @Test
    void sessionTransitionsNotifyTheOtherSide() {
        assertThat(rules.derive(changed(HOST, SessionStatus.REQUESTED, SessionStatus.ACCEPTED)))
                .extracting(Notification::userId, Notification::title)
                .containsExactly(tuple(GUEST, "Hana Host accepted your session"));
        assertThat(rules.derive(changed(GUEST, SessionStatus.CONFIRMED, SessionStatus.CANCELLED)))
                .extracting(Notification::userId)
                .containsExactly(HOST);
        assertThat(rules.derive(changed(UUID.randomUUID(), SessionStatus.AWAITING_PAYMENT, SessionStatus.CONFIRMED)))
                .extracting(Notification::userId)
                .containsExactlyInAnyOrder(GUEST, HOST);
        assertThat(rules.derive(changed(HOST, SessionStatus.CONFIRMED, SessionStatus.IN_PROGRESS)))
                .isEmpty();
    }

    private static SessionReminder reminder(Session session, SessionReminder.Lead lead) {
        Instant start = NOW.plusSeconds(60L * lead.minutes());
        return new SessionReminder(
                UUID.randomUUID(),
                1,
                NOW,
                session.sessionId(),
                UUID.randomUUID(),
                lead,
                start,
                session.participantIds(),
                "Your 30-minute session starts in " + lead.wire() + ", at " + start,
                session);
    }

    @Test
    void aReminderNotifiesBothSidesOncePerLeadNamingTheOtherOne() {
        Session session = session(SessionStatus.CONFIRMED);
        SessionReminder day = reminder(session, SessionReminder.Lead.DAY);
        SessionReminder quarter = reminder(session, SessionReminder.Lead.QUARTER_HOUR);

        List<Notification> derived = rules.derive(quarter);

        assertThat(derived)
                .extracting(Notification::userId, Notification::kind, Notification::title, Notification::body)
                .containsExactlyInAnyOrder(
                        tuple(
                                GUEST,
                                NotificationKind.SESSION_REMINDER,
                                "Your session with Hana Host starts in 15 minutes",
                                quarter.title()),
                        tuple(
                                HOST,
                                NotificationKind.SESSION_REMINDER,
                                "Your session with Gus Guest starts in 15 minutes",
                                quarter.title()));
        assertThat(derived).allSatisfy(n -> {
            assertThat(n.id())
                    .isEqualTo(Notification.idOf(NotificationKind.SESSION_REMINDER, quarter.eventId(), n.userId()));
            assertThat(n.link()).isEqualTo("/#/sessions");
            assertThat(n.conversationId()).isEqualTo(session.conversationId());
            assertThat(n.sourceEventId()).isEqualTo(quarter.eventId());
        });
        assertThat(rules.derive(quarter)).isEqualTo(derived); // processed twice: the same ids, nothing new

        List<Notification> dayBefore = rules.derive(day);
        assertThat(dayBefore)
                .extracting(Notification::userId, Notification::title)
                .containsExactlyInAnyOrder(
                        tuple(GUEST, "Your session with Hana Host starts in 24 hours"),
                        tuple(HOST, "Your session with Gus Guest starts in 24 hours"));
        // one per lead: the day-before and the quarter-hour reminders are distinct notifications
        assertThat(dayBefore)
                .extracting(Notification::id)
                .doesNotContainAnyElementsOf(
                        derived.stream().map(Notification::id).toList());
    }

    @Test
    void managedRequestsNotifyTheManagerThenTheRequester() {
        ManagedRequest request = new ManagedRequest(
                UUID.randomUUID(),
                GUEST,
                HOST,
                MANAGER,
                "Max",
                "hi",
                RequestStatus.PENDING,
                null,
                NOW,
                null,
                null,
                null,
                null,
                "Gus Guest",
                "Hana Host");
        assertThat(rules.derive(
                        new RequestCreated(UUID.randomUUID(), 1, NOW, request.requestId(), UUID.randomUUID(), request)))
                .extracting(Notification::userId, Notification::kind)
                .containsExactly(tuple(MANAGER, NotificationKind.REQUEST_WAITING));
        assertThat(rules.derive(new RequestStatusChanged(
                        UUID.randomUUID(),
                        1,
                        NOW,
                        request.requestId(),
                        UUID.randomUUID(),
                        MANAGER,
                        RequestStatus.PENDING,
                        RequestStatus.APPROVED,
                        null,
                        request)))
                .extracting(Notification::userId, Notification::title)
                .containsExactly(tuple(GUEST, "Your request to Hana Host was approved"));
    }

    @Test
    void aTipNotifiesThePayeeAndGivesThePayerAReceipt() {
        PaymentUpdated tip = new PaymentUpdated(
                UUID.randomUUID(),
                1,
                NOW,
                UUID.randomUUID(),
                UUID.randomUUID(),
                PaymentKind.DONATION,
                null,
                UUID.randomUUID(),
                GUEST,
                HOST,
                PaymentStatus.SUCCEEDED,
                500,
                "usd",
                50,
                0,
                null,
                null);

        assertThat(rules.derive(tip))
                .extracting(Notification::userId, Notification::kind, Notification::title)
                .containsExactly(
                        tuple(HOST, NotificationKind.TIP_RECEIVED, "Gus Guest tipped you 5.00 USD"),
                        tuple(GUEST, NotificationKind.PAYMENT_RECEIPT, "Receipt: your tip of 5.00 USD"));
    }
}
