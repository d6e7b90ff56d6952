package com.humanchat.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.humanchat.schemas.admin.AnnouncementPublished;
import com.humanchat.schemas.admin.MetricsSnapshot;
import com.humanchat.schemas.availability.AvailabilityCommand;
import com.humanchat.schemas.availability.AvailabilityEvent;
import com.humanchat.schemas.availability.AvailabilitySamples;
import com.humanchat.schemas.availability.AvailabilityUpdated;
import com.humanchat.schemas.availability.SetAvailability;
import com.humanchat.schemas.chat.ChatCommand;
import com.humanchat.schemas.chat.ChatEvent;
import com.humanchat.schemas.chat.CommandRejected;
import com.humanchat.schemas.chat.ConversationCreated;
import com.humanchat.schemas.chat.ConversationIds;
import com.humanchat.schemas.chat.ConversationType;
import com.humanchat.schemas.chat.CreateConversation;
import com.humanchat.schemas.chat.DeleteMessage;
import com.humanchat.schemas.chat.EditMessage;
import com.humanchat.schemas.chat.MarkRead;
import com.humanchat.schemas.chat.MessageDeleted;
import com.humanchat.schemas.chat.MessageEdited;
import com.humanchat.schemas.chat.MessageKind;
import com.humanchat.schemas.chat.MessageReacted;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.chat.ReactToMessage;
import com.humanchat.schemas.chat.ReadAdvanced;
import com.humanchat.schemas.chat.RejectionCode;
import com.humanchat.schemas.chat.SendMessage;
import com.humanchat.schemas.chat.UnreadChanged;
import com.humanchat.schemas.chat.UnreadEvent;
import com.humanchat.schemas.payments.AccountUpdated;
import com.humanchat.schemas.payments.CreateDonation;
import com.humanchat.schemas.payments.CreatePaymentIntent;
import com.humanchat.schemas.payments.OnboardHost;
import com.humanchat.schemas.payments.PaymentCommand;
import com.humanchat.schemas.payments.PaymentEvent;
import com.humanchat.schemas.payments.PaymentKind;
import com.humanchat.schemas.payments.PaymentStatus;
import com.humanchat.schemas.payments.PaymentUpdated;
import com.humanchat.schemas.payments.StripeEventReceived;
import com.humanchat.schemas.requests.CreateRequest;
import com.humanchat.schemas.requests.DecideRequest;
import com.humanchat.schemas.requests.ManagedRequest;
import com.humanchat.schemas.requests.RequestCommand;
import com.humanchat.schemas.requests.RequestCommandRejected;
import com.humanchat.schemas.requests.RequestCreated;
import com.humanchat.schemas.requests.RequestDecision;
import com.humanchat.schemas.requests.RequestEvent;
import com.humanchat.schemas.requests.RequestRejectionCode;
import com.humanchat.schemas.requests.RequestStatus;
import com.humanchat.schemas.requests.RequestStatusChanged;
import com.humanchat.schemas.rtc.RtcSignal;
import com.humanchat.schemas.safety.InboundPolicySet;
import com.humanchat.schemas.safety.ReportResolved;
import com.humanchat.schemas.safety.SafetyEvent;
import com.humanchat.schemas.safety.UserBlocked;
import com.humanchat.schemas.safety.UserUnblocked;
import com.humanchat.schemas.sam.SamActionEvent;
import com.humanchat.schemas.sam.SamOutcome;
import com.humanchat.schemas.sam.SamReplied;
import com.humanchat.schemas.sam.SamRequest;
import com.humanchat.schemas.sam.SamRequested;
import com.humanchat.schemas.sessions.AnswerReschedule;
import com.humanchat.schemas.sessions.AnswerReview;
import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.PaymentMode;
import com.humanchat.schemas.sessions.ProposeReschedule;
import com.humanchat.schemas.sessions.RequestSession;
import com.humanchat.schemas.sessions.RescheduleDeclined;
import com.humanchat.schemas.sessions.RescheduleProposed;
import com.humanchat.schemas.sessions.ReviewAnswered;
import com.humanchat.schemas.sessions.ReviewSession;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionCommand;
import com.humanchat.schemas.sessions.SessionCommandRejected;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.schemas.sessions.SessionRejectionCode;
import com.humanchat.schemas.sessions.SessionReminder;
import com.humanchat.schemas.sessions.SessionRequested;
import com.humanchat.schemas.sessions.SessionRescheduled;
import com.humanchat.schemas.sessions.SessionReviewed;
import com.humanchat.schemas.sessions.SessionStatus;
import com.humanchat.schemas.sessions.SessionStatusChanged;
import com.humanchat.schemas.sessions.TransitionSession;
import com.humanchat.schemas.users.UserCredentialsRevoked;
import com.humanchat.schemas.users.UserEvent;
import com.humanchat.schemas.users.UserProfileUpdated;
import com.humanchat.schemas.users.UserRegistered;
import com.humanchat.schemas.users.UserSuspended;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RecordContractTest {

    private static final UUID CONVERSATION = UUID.randomUUID();
    private static final UUID ALICE = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();
    private static final UUID CAROL = UUID.randomUUID();
    private static final UUID SESSION = UUID.randomUUID();
    private static final UUID REQUEST = UUID.randomUUID();
    private static final UUID PAYMENT = UUID.randomUUID();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    /** The sample managed request's representative and message, as its command and its events carry them. */
    private static final String REPRESENTATIVE = "Carol for Bob";

    private static final String QUESTION = "May I ask Bob about indexes?";

    /** One sample of every record type, with the topic it travels on. */
    static Stream<Map.Entry<Topic<String, ?>, Envelope>> samples() {
        UUID command = UUID.randomUUID();
        ObjectNode action = Json.mapper().createObjectNode().put("type", "show_hosts");
        return Stream.of(
                Map.entry(
                        Topics.CHAT_COMMANDS,
                        CreateConversation.of(CONVERSATION, ALICE, ConversationType.DIRECT, List.of(ALICE, BOB))),
                Map.entry(
                        Topics.CHAT_COMMANDS,
                        SendMessage.of(CONVERSATION, ALICE, "c-1", "hi <@" + BOB + ">", List.of(), 6L, List.of(BOB))),
                Map.entry(Topics.CHAT_COMMANDS, EditMessage.of(CONVERSATION, ALICE, 1, "hello")),
                Map.entry(Topics.CHAT_COMMANDS, DeleteMessage.of(CONVERSATION, ALICE, 1)),
                Map.entry(Topics.CHAT_COMMANDS, MarkRead.of(CONVERSATION, BOB, 1, false)),
                Map.entry(Topics.CHAT_COMMANDS, ReactToMessage.of(CONVERSATION, BOB, 1, "👍", true)),
                Map.entry(
                        Topics.CHAT_EVENTS,
                        new ConversationCreated(
                                UUID.randomUUID(),
                                1,
                                NOW,
                                CONVERSATION,
                                command,
                                ALICE,
                                ConversationType.GROUP,
                                List.of(ALICE, BOB))),
                Map.entry(
                        Topics.CHAT_EVENTS,
                        new MessageSent(
                                UUID.randomUUID(),
                                1,
                                NOW,
                                CONVERSATION,
                                command,
                                UUID.randomUUID(),
                                7,
                                ALICE,
                                "c-1",
                                "hi <@" + BOB + ">",
                                MessageKind.SAM,
                                List.of(action),
                                List.of(ALICE, BOB),
                                List.of(),
                                6L,
                                List.of(BOB))),
                Map.entry(
                        Topics.CHAT_EVENTS,
                        new MessageReacted(
                                UUID.randomUUID(),
                                1,
                                NOW,
                                CONVERSATION,
                                command,
                                7,
                                BOB,
                                "🎉",
                                true,
                                List.of(ALICE, BOB),
                                List.of(ALICE, BOB))),
                Map.entry(
                        Topics.CHAT_EVENTS,
                        new MessageEdited(
                                UUID.randomUUID(),
                                1,
                                NOW,
                                CONVERSATION,
                                command,
                                7,
                                ALICE,
                                "hello",
                                List.of(ALICE, BOB))),
                Map.entry(
                        Topics.CHAT_EVENTS,
                        new MessageDeleted(
                                UUID.randomUUID(), 1, NOW, CONVERSATION, command, 7, ALICE, List.of(ALICE, BOB))),
                Map.entry(
                        Topics.CHAT_EVENTS,
                        new ReadAdvanced(UUID.randomUUID(), 1, NOW, CONVERSATION, command, BOB, 7, false)),
                Map.entry(
                        Topics.CHAT_EVENTS,
                        new CommandRejected(
                                UUID.randomUUID(),
                                1,
                                NOW,
                                CONVERSATION,
                                command,
                                "message.send",
                                BOB,
                                "c-2",
                                RejectionCode.NOT_A_MEMBER,
                                "not a member")),
                Map.entry(Topics.AVAILABILITY_COMMANDS, SetAvailability.of(BOB, AvailabilitySamples.weekdays())),
                Map.entry(
                        Topics.AVAILABILITY_EVENTS,
                        new AvailabilityUpdated(
                                UUID.randomUUID(), 1, NOW, BOB, command, AvailabilitySamples.weekdays())),
                Map.entry(
                        Topics.CHAT_UNREAD,
                        new UnreadChanged(UUID.randomUUID(), 1, NOW, BOB, CONVERSATION, 3, 5, 7, 4)),
                Map.entry(
                        Topics.USERS_EVENTS,
                        new UserRegistered(UUID.randomUUID(), 1, NOW, ALICE, "Alice", List.of("user", "host"))),
                Map.entry(
                        Topics.USERS_EVENTS,
                        new UserProfileUpdated(
                                UUID.randomUUID(),
                                1,
                                NOW,
                                ALICE,
                                "Alice",
                                "Postgres at scale",
                                List.of("postgres"),
                                5000L,
                                "usd",
                                true,
                                BOB,
                                "Bob's agency")),
                Map.entry(Topics.USERS_EVENTS, new UserSuspended(UUID.randomUUID(), 1, NOW, ALICE, true, "spam")),
                Map.entry(Topics.USERS_SAFETY, UserBlocked.of(ALICE, BOB, NOW)),
                Map.entry(Topics.USERS_SAFETY, UserUnblocked.of(ALICE, BOB, NOW)),
                Map.entry(Topics.USERS_SAFETY, InboundPolicySet.of(BOB, true, 20, NOW)),
                Map.entry(
                        Topics.USERS_SAFETY,
                        ReportResolved.of(UUID.randomUUID(), ALICE, "message", ReportResolved.ACTION_TAKEN, NOW)),
                Map.entry(
                        Topics.USERS_EVENTS,
                        new UserCredentialsRevoked(
                                UUID.randomUUID(),
                                1,
                                NOW,
                                ALICE,
                                UUID.randomUUID(),
                                UserCredentialsRevoked.SIGNED_OUT)),
                Map.entry(
                        Topics.SESSIONS_COMMANDS,
                        RequestSession.of(
                                SESSION,
                                ALICE,
                                BOB,
                                CONVERSATION,
                                NOW.plusSeconds(3600),
                                30,
                                Money.of(5000, "USD"),
                                PaymentMode.PAID,
                                60,
                                null)),
                Map.entry(
                        Topics.SESSIONS_COMMANDS,
                        TransitionSession.of(SESSION, BOB, SessionStatus.DECLINED, "busy that day")),
                Map.entry(Topics.SESSIONS_COMMANDS, ReviewSession.of(SESSION, ALICE, 4, "Clear and kind.")),
                Map.entry(Topics.SESSIONS_COMMANDS, AnswerReview.of(SESSION, BOB, "Thank you!")),
                Map.entry(Topics.SESSIONS_COMMANDS, ProposeReschedule.of(SESSION, ALICE, BOB, NOW.plusSeconds(86_400))),
                Map.entry(
                        Topics.SESSIONS_COMMANDS,
                        AnswerReschedule.of(SESSION, BOB, BOB, NOW.plusSeconds(86_400), true)),
                Map.entry(
                        Topics.SESSIONS_EVENTS,
                        new RescheduleProposed(
                                UUID.randomUUID(),
                                1,
                                NOW,
                                SESSION,
                                command,
                                ALICE,
                                NOW.plusSeconds(3600),
                                NOW.plusSeconds(86_400),
                                session(SessionStatus.CONFIRMED))),
                Map.entry(
                        Topics.SESSIONS_EVENTS,
                        new RescheduleDeclined(
                                UUID.randomUUID(),
                                1,
                                NOW,
                                SESSION,
                                command,
                                BOB,
                                ALICE,
                                NOW.plusSeconds(86_400),
                                session(SessionStatus.CONFIRMED))),
                Map.entry(
                        Topics.SESSIONS_EVENTS,
                        new SessionRescheduled(
                                UUID.randomUUID(),
                                1,
                                NOW,
                                SESSION,
                                command,
                                BOB,
                                ALICE,
                                NOW.plusSeconds(3600),
                                1,
                                session(SessionStatus.CONFIRMED))),
                Map.entry(
                        Topics.SESSIONS_EVENTS,
                        new SessionReminder(
                                UUID.randomUUID(),
                                1,
                                NOW,
                                SESSION,
                                command,
                                SessionReminder.Lead.QUARTER_HOUR,
                                NOW.plusSeconds(900),
                                List.of(ALICE, BOB),
                                "Your 60-minute session starts in 15 minutes",
                                session(SessionStatus.CONFIRMED))),
                Map.entry(
                        Topics.SESSIONS_EVENTS,
                        new SessionRequested(
                                UUID.randomUUID(), 1, NOW, SESSION, command, session(SessionStatus.REQUESTED))),
                Map.entry(
                        Topics.SESSIONS_EVENTS,
                        new SessionStatusChanged(
                                UUID.randomUUID(),
                                1,
                                NOW,
                                SESSION,
                                command,
                                ALICE,
                                SessionStatus.IN_PROGRESS,
                                SessionStatus.COMPLETED,
                                null,
                                session(SessionStatus.COMPLETED))),
                Map.entry(
                        Topics.SESSIONS_EVENTS,
                        new SessionReviewed(UUID.randomUUID(), 1, NOW, SESSION, command, ALICE, BOB, 4, null)),
                Map.entry(
                        Topics.SESSIONS_EVENTS,
                        new ReviewAnswered(UUID.randomUUID(), 1, NOW, SESSION, command, BOB, "Thank you!")),
                Map.entry(
                        Topics.SESSIONS_EVENTS,
                        new SessionCommandRejected(
                                UUID.randomUUID(),
                                1,
                                NOW,
                                SESSION,
                                command,
                                "session.transition",
                                ALICE,
                                SessionRejectionCode.ILLEGAL_TRANSITION,
                                "only the host accepts")),
                Map.entry(
                        Topics.REQUESTS_COMMANDS,
                        CreateRequest.of(REQUEST, ALICE, BOB, CAROL, REPRESENTATIVE, QUESTION, null, "Alice", "Bob")),
                Map.entry(
                        Topics.REQUESTS_COMMANDS,
                        DecideRequest.of(REQUEST, CAROL, false, true, RequestDecision.APPROVE, "happy to")),
                Map.entry(
                        Topics.REQUESTS_EVENTS,
                        new RequestCreated(
                                UUID.randomUUID(), 1, NOW, REQUEST, command, request(RequestStatus.PENDING))),
                Map.entry(
                        Topics.REQUESTS_EVENTS,
                        new RequestStatusChanged(
                                UUID.randomUUID(),
                                1,
                                NOW,
                                REQUEST,
                                command,
                                CAROL,
                                RequestStatus.PENDING,
                                RequestStatus.APPROVED,
                                "happy to",
                                request(RequestStatus.APPROVED))),
                Map.entry(
                        Topics.REQUESTS_EVENTS,
                        new RequestCommandRejected(
                                UUID.randomUUID(),
                                1,
                                NOW,
                                REQUEST,
                                command,
                                "request.decide",
                                ALICE,
                                RequestRejectionCode.NOT_THE_MANAGER,
                                "only the host's manager decides")),
                Map.entry(
                        Topics.ADMIN_ANNOUNCEMENTS,
                        AnnouncementPublished.of(REQUEST, ALICE, "maintenance at 02:00 UTC", "warning")),
                Map.entry(Topics.ADMIN_METRICS, metricsSnapshot()),
                Map.entry(
                        Topics.RTC_SIGNALS,
                        RtcSignal.of(
                                SESSION,
                                ALICE,
                                BOB,
                                Json.mapper()
                                        .createObjectNode()
                                        .put("kind", "offer")
                                        .put("sdp", "v=0"))),
                Map.entry(
                        Topics.SAM_REQUESTS, SamRequested.of(REQUEST, CONVERSATION, ALICE, "20 minutes on Postgres?")),
                Map.entry(
                        Topics.SAM_ACTIONS,
                        SamReplied.of(
                                SamRequested.of(REQUEST, CONVERSATION, ALICE, "20 minutes on Postgres?"),
                                "Bob knows Postgres.",
                                List.of(showHosts(BOB), booking(BOB, 5000, "usd")),
                                SamOutcome.ANSWERED)),
                Map.entry(
                        Topics.PAYMENTS_COMMANDS,
                        CreatePaymentIntent.of(PAYMENT, SESSION, ALICE, BOB, Money.of(5000, "usd"))),
                Map.entry(
                        Topics.PAYMENTS_COMMANDS,
                        CreateDonation.of(PAYMENT, ALICE, BOB, Money.of(300, "eur"), null, CONVERSATION)),
                Map.entry(Topics.PAYMENTS_COMMANDS, OnboardHost.of(BOB)),
                Map.entry(
                        Topics.PAYMENTS_WEBHOOKS,
                        StripeEventReceived.of(
                                "evt_1",
                                "payment_intent.succeeded",
                                PAYMENT.toString(),
                                Json.mapper().createObjectNode().put("id", "evt_1"))),
                Map.entry(
                        Topics.PAYMENTS_EVENTS,
                        new PaymentUpdated(
                                UUID.randomUUID(),
                                1,
                                NOW,
                                PAYMENT,
                                command,
                                PaymentKind.SESSION,
                                SESSION,
                                null,
                                ALICE,
                                BOB,
                                PaymentStatus.PENDING,
                                5000,
                                "usd",
                                500,
                                0,
                                "pi_1_secret_2",
                                null)),
                Map.entry(
                        Topics.PAYMENTS_EVENTS,
                        new AccountUpdated(
                                UUID.randomUUID(),
                                1,
                                NOW,
                                BOB,
                                command,
                                "acct_1",
                                true,
                                false,
                                "https://connect.stripe.com/setup/e/acct_1")));
    }

    private static MetricsSnapshot metricsSnapshot() {
        return new MetricsSnapshot(
                UUID.randomUUID(),
                1,
                NOW,
                5,
                42,
                37,
                9,
                15,
                Map.of("requested", 2L, "accepted", 0L, "awaiting_payment", 1L, "confirmed", 3L, "in_progress", 1L),
                4,
                new MetricsSnapshot.Sam(2, 1800L, 5200L, 31),
                Map.of("usd", new MetricsSnapshot.Revenue(15000, 5000, 1000)));
    }

    private static ObjectNode showHosts(UUID host) {
        ObjectNode action = Json.mapper().createObjectNode().put("type", "show_hosts");
        action.putArray("hostIds").add(host.toString());
        return action;
    }

    private static ObjectNode booking(UUID host, int amountCents, String currency) {
        ObjectNode action = Json.mapper()
                .createObjectNode()
                .put("type", "propose_booking")
                .put("hostUserId", host.toString())
                .put("startTime", NOW.plusSeconds(3600).toString())
                .put("durationMinutes", 20)
                .put("paymentMode", "paid");
        action.putObject("agreedPrice").put("amountCents", amountCents).put("currency", currency);
        return action;
    }

    private static Session session(SessionStatus status) {
        boolean completed = status == SessionStatus.COMPLETED;
        return new Session(
                SESSION,
                ALICE,
                BOB,
                CONVERSATION,
                NOW.plusSeconds(3600),
                30,
                Money.of(5000, "usd"),
                PaymentMode.PAID,
                status,
                NOW,
                NOW,
                completed ? NOW.plusSeconds(3600) : null,
                completed ? NOW.plusSeconds(5400) : null,
                completed ? 1800L : null,
                null);
    }

    private static ManagedRequest request(RequestStatus status) {
        boolean decided = status != RequestStatus.PENDING;
        return new ManagedRequest(
                REQUEST,
                ALICE,
                BOB,
                CAROL,
                REPRESENTATIVE,
                QUESTION,
                status,
                decided ? ConversationIds.ofApprovedRequest(REQUEST) : null,
                NOW,
                decided ? NOW : null,
                decided ? CAROL : null,
                decided ? "happy to" : null,
                null,
                "Alice",
                "Bob");
    }

    @ParameterizedTest
    @MethodSource("samples")
    @SuppressWarnings("unchecked")
    void everyTypeRoundTripsThroughItsTopicSerde(Map.Entry<Topic<String, ?>, Envelope> sample) {
        Topic<String, Envelope> topic = (Topic<String, Envelope>) sample.getKey();
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), sample.getValue());

        Envelope back = topic.valueSerde().deserializer().deserialize(topic.name(), bytes);

        assertThat(back).isEqualTo(sample.getValue());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleValidatesAgainstItsSchema(Map.Entry<Topic<String, ?>, Envelope> sample) {
        JsonNode json = Json.mapper().valueToTree(sample.getValue());

        assertThat(json.get("type").asText()).isNotBlank();
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(RecordSchemas.violations(sample.getKey().name(), json)).isEmpty();
    }

    @Test
    void everyTypeOfEveryFamilyHasASchemaAndASample() {
        List<String> sampled = samples()
                .map(s -> s.getKey().name() + "/"
                        + Json.mapper().valueToTree(s.getValue()).get("type").asText())
                .toList();

        assertThat(RecordSchemas.schemaLocations().keySet()).containsExactlyInAnyOrderElementsOf(sampled);
        assertThat(sampled)
                .hasSize(ChatCommand.class.getPermittedSubclasses().length
                        + ChatEvent.class.getPermittedSubclasses().length
                        + UnreadEvent.class.getPermittedSubclasses().length
                        + UserEvent.class.getPermittedSubclasses().length
                        + SafetyEvent.class.getPermittedSubclasses().length
                        + SessionCommand.class.getPermittedSubclasses().length
                        + SessionEvent.class.getPermittedSubclasses().length
                        + AvailabilityCommand.class.getPermittedSubclasses().length
                        + AvailabilityEvent.class.getPermittedSubclasses().length
                        + RequestCommand.class.getPermittedSubclasses().length
                        + RequestEvent.class.getPermittedSubclasses().length
                        + SamRequest.class.getPermittedSubclasses().length
                        + SamActionEvent.class.getPermittedSubclasses().length
                        + PaymentCommand.class.getPermittedSubclasses().length
                        + PaymentEvent.class.getPermittedSubclasses().length
                        + 1 // rtc.signal is its own family
                        + 1 // and so is stripe.event-received
                        + 1 // and announcement.published
                        + 1); // and metrics.snapshot
        assertThat(samples().map(Map.Entry::getKey).distinct()).containsExactlyInAnyOrderElementsOf(Topics.all());
    }

    @Test
    void schemaRejectsWrongTypesMissingFieldsAndBadFormats() {
        ObjectNode json = Json.mapper().valueToTree(SendMessage.of(CONVERSATION, ALICE, "c-1", "hi"));
        json.put("conversationId", "not-a-uuid");
        json.remove("clientMessageId");
        json.put("content", 42);

        assertThat(RecordSchemas.violations(Topics.CHAT_COMMANDS.name(), json))
                .anyMatch(v -> v.contains("conversationId"))
                .anyMatch(v -> v.contains("clientMessageId"))
                .anyMatch(v -> v.contains("content"));
    }

    @Test
    void schemaRejectsUnknownTypeAndMissingType() {
        assertThat(RecordSchemas.violations(
                        Topics.CHAT_EVENTS.name(),
                        Json.mapper().createObjectNode().put("type", "message.exploded")))
                .singleElement()
                .asString()
                .contains("unknown record type");
        assertThat(RecordSchemas.violations(
                        Topics.CHAT_EVENTS.name(), Json.mapper().createObjectNode()))
                .isNotEmpty();
        assertThat(RecordSchemas.violations(
                        Topics.SESSIONS_COMMANDS.name(),
                        Json.mapper().createObjectNode().put("type", "message.send")))
                .as("a type of another topic")
                .singleElement()
                .asString()
                .contains("unknown record type");
    }

    @Test
    void commandRejectedOfEachEventsTopicIsValidatedByThatTopicsSchema() {
        JsonNode sessionRejection = Json.mapper()
                .valueToTree(new SessionCommandRejected(
                        UUID.randomUUID(),
                        1,
                        NOW,
                        SESSION,
                        UUID.randomUUID(),
                        "session.request",
                        ALICE,
                        SessionRejectionCode.SCHEDULE_CONFLICT,
                        "overlaps"));

        assertThat(RecordSchemas.violations(Topics.SESSIONS_EVENTS.name(), sessionRejection))
                .isEmpty();
        assertThat(RecordSchemas.violations(Topics.CHAT_EVENTS.name(), sessionRejection))
                .anyMatch(v -> v.contains("conversationId"))
                .anyMatch(v -> v.contains("code"));
    }

    @Test
    void sessionSchemasHoldTheContractsLimits() {
        ObjectNode json = Json.mapper()
                .valueToTree(RequestSession.of(
                        SESSION, ALICE, BOB, null, null, 3, Money.of(-1, "dollars"), PaymentMode.FREE, -1, null));
        json.put("paymentMode", "barter");

        assertThat(RecordSchemas.violations(Topics.SESSIONS_COMMANDS.name(), json))
                .anyMatch(v -> v.contains("durationMinutes"))
                .anyMatch(v -> v.contains("amountCents"))
                .anyMatch(v -> v.contains("currency"))
                .anyMatch(v -> v.contains("paymentMode"))
                .anyMatch(v -> v.contains("holdMinutes"));
    }

    @Test
    void metricsSnapshotCarriesAsOfAndExplicitNullLatenciesAndItsSchemaHoldsTheShape() {
        MetricsSnapshot quiet = new MetricsSnapshot(
                UUID.randomUUID(),
                1,
                NOW,
                5,
                0,
                0,
                0,
                15,
                Map.of("requested", 0L, "accepted", 0L, "awaiting_payment", 0L, "confirmed", 0L, "in_progress", 0L),
                0,
                new MetricsSnapshot.Sam(0, null, null, 0),
                Map.of());
        ObjectNode json = Json.mapper().valueToTree(quiet);

        assertThat(json.get("asOf").asText()).isEqualTo(NOW.toString());
        assertThat(json.get("sam").has("latencyP50Ms")).isTrue();
        assertThat(json.get("sam").get("latencyP50Ms").isNull()).isTrue();
        assertThat(RecordSchemas.violations(Topics.ADMIN_METRICS.name(), json)).isEmpty();
        assertThat(quiet.key()).isEqualTo("platform");

        ObjectNode broken = json.deepCopy();
        ((ObjectNode) broken.get("sessionsByStatus")).put("completed", 3).remove("requested");
        ((ObjectNode) broken.get("revenue24h")).putObject("dollars").put("grossSucceededCents", -1);
        broken.put("messagesPerMinute", -1);
        assertThat(RecordSchemas.violations(Topics.ADMIN_METRICS.name(), broken))
                .anyMatch(v -> v.contains("completed"))
                .anyMatch(v -> v.contains("requested"))
                .anyMatch(v -> v.contains("dollars"))
                .anyMatch(v -> v.contains("messagesPerMinute"));
    }

    @Test
    void reviewSchemasHoldTheRatingRangeAndTheTextLimits() {
        ObjectNode review = Json.mapper().valueToTree(ReviewSession.of(SESSION, ALICE, 6, "x".repeat(2001)));
        ObjectNode answer = Json.mapper().valueToTree(AnswerReview.of(SESSION, BOB, ""));
        ObjectNode fine = Json.mapper().valueToTree(ReviewSession.of(SESSION, ALICE, 1, "x".repeat(2000)));

        assertThat(RecordSchemas.violations(Topics.SESSIONS_COMMANDS.name(), review))
                .anyMatch(v -> v.contains("rating"))
                .anyMatch(v -> v.contains("text"));
        assertThat(RecordSchemas.violations(Topics.SESSIONS_COMMANDS.name(), answer))
                .anyMatch(v -> v.contains("text"));
        assertThat(RecordSchemas.violations(Topics.SESSIONS_COMMANDS.name(), fine))
                .isEmpty();
    }

    @Test
    void everySessionRejectionCodeIsInTheRejectionSchema() {
        for (SessionRejectionCode code : SessionRejectionCode.values()) {
            JsonNode rejection = Json.mapper()
                    .valueToTree(new SessionCommandRejected(
                            UUID.randomUUID(),
                            1,
                            NOW,
                            SESSION,
                            UUID.randomUUID(),
                            "session.review",
                            ALICE,
                            code,
                            "no"));

            assertThat(RecordSchemas.violations(Topics.SESSIONS_EVENTS.name(), rejection))
                    .as(code.wire())
                    .isEmpty();
        }
    }

    @Test
    void moneyKeepsCurrenciesLowerCase() {
        assertThat(Money.of(100, "EUR")).isEqualTo(Money.of(100, "eur"));
        assertThat(Money.of(100, "EUR").currency()).isEqualTo("eur");
    }

    @Test
    void snapshotsNameTheirParticipantsAndTheWireCarriesNoDerivedField() {
        Session session = session(SessionStatus.REQUESTED);
        SessionRequested requested =
                new SessionRequested(UUID.randomUUID(), 1, NOW, SESSION, UUID.randomUUID(), session);

        assertThat(requested.participantIds()).containsExactly(ALICE, BOB);
        assertThat(request(RequestStatus.PENDING).participantIds()).containsExactly(ALICE, CAROL);
        assertThat(Json.mapper().valueToTree(requested).has("participantIds")).isFalse();
        assertThat(Json.mapper().valueToTree(session).has("participantIds")).isFalse();
        assertThat(session.scheduledEnd()).isEqualTo(NOW.plusSeconds(3600 + 1800));
    }

    @Test
    void anApprovedRequestOpensOneConversationWhoseIdNoPairOfUsersGivesAway() {
        UUID other = UUID.fromString("00000000-0000-0000-0000-00000000000b");
        assertThat(ConversationIds.ofApprovedRequest(REQUEST))
                .isEqualTo(ConversationIds.ofApprovedRequest(REQUEST))
                .isNotEqualTo(ConversationIds.ofApprovedRequest(other))
                .isNotEqualTo(UUID.nameUUIDFromBytes(("direct:" + ALICE + ":" + BOB).getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(UUID.nameUUIDFromBytes(("direct:" + BOB + ":" + ALICE).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void unreadableBytesRaiseSerializationExceptionNotAnyOther() {
        var deserializer = Topics.CHAT_COMMANDS.valueSerde().deserializer();

        assertThatThrownBy(() -> deserializer.deserialize("chat.commands", "{oops".getBytes()))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> deserializer.deserialize("chat.commands", "{\"type\":\"nope\"}".getBytes()))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void keyIsTheSessionForSessionsAndRtcAndTheRequestForRequests() {
        assertThat(TransitionSession.of(SESSION, ALICE, SessionStatus.CANCELLED, null)
                        .key())
                .isEqualTo(SESSION.toString());
        assertThat(RtcSignal.of(SESSION, ALICE, BOB, Json.mapper().createObjectNode())
                        .key())
                .isEqualTo(SESSION.toString());
        assertThat(DecideRequest.of(REQUEST, ALICE, false, false, RequestDecision.WITHDRAW, null)
                        .key())
                .isEqualTo(REQUEST.toString());
    }

    @Test
    void keyIsTheSessionForIntentsThePaymentForDonationsAndUpdatesAndTheHostForAccounts() {
        assertThat(CreatePaymentIntent.of(PAYMENT, SESSION, ALICE, BOB, Money.of(1, "usd"))
                        .key())
                .isEqualTo(SESSION.toString());
        assertThat(CreateDonation.of(PAYMENT, ALICE, BOB, Money.of(1, "usd"), SESSION, null)
                        .key())
                .isEqualTo(PAYMENT.toString());
        assertThat(OnboardHost.of(BOB).key()).isEqualTo(BOB.toString());
        assertThat(StripeEventReceived.of(
                                "evt_2",
                                "account.updated",
                                "acct_9",
                                Json.mapper().createObjectNode())
                        .key())
                .isEqualTo("acct_9");
    }

    @Test
    void paymentSchemasRefuseAFreePaymentAndAnUnknownStatus() {
        ObjectNode intent =
                Json.mapper().valueToTree(CreatePaymentIntent.of(PAYMENT, SESSION, ALICE, BOB, Money.of(0, "usd")));
        ObjectNode updated = Json.mapper()
                .valueToTree(new PaymentUpdated(
                        UUID.randomUUID(),
                        1,
                        NOW,
                        PAYMENT,
                        null,
                        PaymentKind.DONATION,
                        null,
                        null,
                        ALICE,
                        BOB,
                        PaymentStatus.SUCCEEDED,
                        100,
                        "usd",
                        10,
                        0,
                        null,
                        null));
        updated.put("status", "maybe");

        assertThat(RecordSchemas.violations(Topics.PAYMENTS_COMMANDS.name(), intent))
                .anyMatch(v -> v.contains("amountCents"));
        assertThat(RecordSchemas.violations(Topics.PAYMENTS_EVENTS.name(), updated))
                .anyMatch(v -> v.contains("status"));
    }

    @Test
    void keyIsTheConversationForChatAndTheUserForUnreadAndUsers() {
        assertThat(SendMessage.of(CONVERSATION, ALICE, "c", "x").key()).isEqualTo(CONVERSATION.toString());
        assertThat(new UnreadChanged(UUID.randomUUID(), 1, NOW, BOB, CONVERSATION, 0, 0, 0, 0).key())
                .isEqualTo(BOB.toString());
        assertThat(new UserSuspended(UUID.randomUUID(), 1, NOW, ALICE, false, null).key())
                .isEqualTo(ALICE.toString());
    }

    @Test
    void everySamActionTypeHasASchemaThatAcceptsAWellFormedAction() {
        ObjectNode request = Json.mapper()
                .createObjectNode()
                .put("type", "open_request")
                .put("hostUserId", BOB.toString())
                .put("message", "May I ask Bob about indexes?");

        assertThat(RecordSchemas.actionViolations(showHosts(BOB))).isEmpty();
        assertThat(RecordSchemas.actionViolations(booking(BOB, 5000, "usd"))).isEmpty();
        assertThat(RecordSchemas.actionViolations(request)).isEmpty();
    }

    @Test
    void samActionSchemasRejectUnknownTypesExtraFieldsAndBadValues() {
        ObjectNode free = booking(BOB, -1, "dollars");
        free.put("note", "book this for free");

        assertThat(RecordSchemas.actionViolations(
                        Json.mapper().createObjectNode().put("type", "wire_money")))
                .singleElement()
                .asString()
                .contains("unknown action type");
        assertThat(RecordSchemas.actionViolations(Json.mapper().createObjectNode()))
                .isNotEmpty();
        assertThat(RecordSchemas.actionViolations(free))
                .anyMatch(v -> v.contains("amountCents"))
                .anyMatch(v -> v.contains("currency"))
                .anyMatch(v -> v.contains("note"));
        assertThat(RecordSchemas.actionViolations(Json.mapper()
                        .createObjectNode()
                        .put("type", "show_hosts")
                        .putNull("hostIds")))
                .anyMatch(v -> v.contains("hostIds"));
    }
}
