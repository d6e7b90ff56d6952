package com.humanchat.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.schemas.SystemActors;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.chat.ChatCommand;
import com.humanchat.schemas.chat.ChatEvent;
import com.humanchat.schemas.chat.CommandRejected;
import com.humanchat.schemas.chat.ConversationCreated;
import com.humanchat.schemas.chat.ConversationType;
import com.humanchat.schemas.chat.CreateConversation;
import com.humanchat.schemas.chat.DeleteMessage;
import com.humanchat.schemas.chat.MessageDeleted;
import com.humanchat.schemas.chat.MessageKind;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.chat.RejectionCode;
import com.humanchat.schemas.chat.SendMessage;
import com.humanchat.schemas.requests.CreateRequest;
import com.humanchat.schemas.requests.RequestCommand;
import com.humanchat.schemas.requests.RequestCommandRejected;
import com.humanchat.schemas.requests.RequestCreated;
import com.humanchat.schemas.requests.RequestEvent;
import com.humanchat.schemas.requests.RequestRejectionCode;
import com.humanchat.schemas.safety.InboundPolicySet;
import com.humanchat.schemas.safety.SafetyEvent;
import com.humanchat.schemas.safety.UserBlocked;
import com.humanchat.schemas.safety.UserUnblocked;
import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.PaymentMode;
import com.humanchat.schemas.sessions.RequestSession;
import com.humanchat.schemas.sessions.SessionCommand;
import com.humanchat.schemas.sessions.SessionCommandRejected;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.schemas.sessions.SessionRejectionCode;
import com.humanchat.schemas.sessions.SessionRequested;
import com.humanchat.streams.domain.BookingLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blocks and inbound policies reach the conversation, session and request topologies through the compacted
 * {@code users.safety} (a global store), and each topology refuses what they forbid with the one neutral code.
 */
class SafetyTopologiesTest {

    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");

    @TempDir
    Path stateDir;

    private final UUID host = UUID.randomUUID();
    private final UUID guest = UUID.randomUUID();
    private final UUID manager = UUID.randomUUID();
    private final List<TopologyTestDriver> drivers = new ArrayList<>();
    private Instant recordTime = START;

    @AfterEach
    void tearDown() {
        drivers.forEach(TopologyTestDriver::close);
    }

    private TopologyTestDriver driver(String applicationId, Topology topology, String deadLetters) {
        StreamsSettings settings = new StreamsSettings(
                applicationId,
                "unused:9092",
                stateDir.resolve(applicationId),
                1,
                (short) 1,
                0,
                Duration.ofSeconds(1),
                deadLetters);
        TopologyTestDriver driver = new TopologyTestDriver(topology, settings.toProperties(), START);
        drivers.add(driver);
        return driver;
    }

    private static void publish(TopologyTestDriver driver, SafetyEvent event) {
        TestInputTopic<String, SafetyEvent> safety = driver.createInputTopic(
                Topics.USERS_SAFETY.name(),
                Topics.USERS_SAFETY.keySerde().serializer(),
                Topics.USERS_SAFETY.valueSerde().serializer());
        safety.pipeInput(event.key(), event, START);
    }

    private final class Chat {
        final TopologyTestDriver driver = driver(
                "humanchat-conversations",
                ConversationTopology.build(ConversationTopologyConfig.defaults()),
                Topics.deadLetterOf(Topics.CHAT_COMMANDS.name()));
        final TestInputTopic<String, ChatCommand> commands = driver.createInputTopic(
                Topics.CHAT_COMMANDS.name(),
                Topics.CHAT_COMMANDS.keySerde().serializer(),
                Topics.CHAT_COMMANDS.valueSerde().serializer());
        final TestOutputTopic<String, ChatEvent> events = driver.createOutputTopic(
                Topics.CHAT_EVENTS.name(),
                Topics.CHAT_EVENTS.keySerde().deserializer(),
                Topics.CHAT_EVENTS.valueSerde().deserializer());

        ChatEvent handle(ChatCommand command) {
            recordTime = recordTime.plusMillis(10);
            commands.pipeInput(command.key(), command, recordTime);
            return events.readValuesToList().getLast();
        }
    }

    private static RejectionCode code(ChatEvent event) {
        assertThat(event).isInstanceOf(CommandRejected.class);
        return ((CommandRejected) event).code();
    }

    private static CreateConversation direct(UUID conversationId, UUID actor, UUID other) {
        return CreateConversation.of(conversationId, actor, ConversationType.DIRECT, List.of(actor, other));
    }

    @Test
    void aBlockedUserCannotWriteToTheBlockerWhileTheBlockerStillCanAndUnblockingRestores() {
        Chat chat = new Chat();
        UUID conversationId = UUID.randomUUID();
        assertThat(chat.handle(direct(conversationId, guest, host))).isInstanceOf(ConversationCreated.class);
        assertThat(chat.handle(SendMessage.of(conversationId, guest, "g-1", "hello")))
                .isInstanceOf(MessageSent.class);

        publish(chat.driver, UserBlocked.of(host, guest, START));

        ChatEvent refused = chat.handle(SendMessage.of(conversationId, guest, "g-2", "hello again"));
        assertThat(code(refused)).isEqualTo(RejectionCode.NOT_ACCEPTING);
        assertThat(((CommandRejected) refused).reason()).doesNotContain("block");
        assertThat(chat.handle(SendMessage.of(conversationId, host, "h-1", "goodbye")))
                .isInstanceOfSatisfying(
                        MessageSent.class, sent -> assertThat(sent.seq()).isEqualTo(2));

        publish(chat.driver, UserUnblocked.of(host, guest, START));

        assertThat(chat.handle(SendMessage.of(conversationId, guest, "g-2", "hello again")))
                .isInstanceOfSatisfying(
                        MessageSent.class, sent -> assertThat(sent.seq()).isEqualTo(3));
    }

    @Test
    void aBlockedUserCannotOpenAConversationWithTheBlockerNorAGroupWithThem() {
        Chat chat = new Chat();
        publish(chat.driver, UserBlocked.of(host, guest, START));

        assertThat(code(chat.handle(direct(UUID.randomUUID(), guest, host)))).isEqualTo(RejectionCode.NOT_ACCEPTING);
        assertThat(code(chat.handle(CreateConversation.of(
                        UUID.randomUUID(), guest, ConversationType.GROUP, List.of(guest, host, manager)))))
                .isEqualTo(RejectionCode.NOT_ACCEPTING);
        // the block is one-way: the blocker may still open a conversation with the one they blocked
        assertThat(chat.handle(direct(UUID.randomUUID(), host, guest))).isInstanceOf(ConversationCreated.class);
        // and someone else is not affected
        assertThat(chat.handle(direct(UUID.randomUUID(), manager, host))).isInstanceOf(ConversationCreated.class);
    }

    @Test
    void systemAndSamMessagesStillReachAConversationWithABlockedMember() {
        Chat chat = new Chat();
        UUID conversationId = UUID.randomUUID();
        chat.handle(direct(conversationId, guest, host));
        publish(chat.driver, UserBlocked.of(host, guest, START));

        SendMessage notice = new SendMessage(
                UUID.randomUUID(),
                1,
                START,
                conversationId,
                guest,
                "session:1:cancelled",
                "Session cancelled",
                MessageKind.SYSTEM,
                List.of());

        assertThat(chat.handle(notice)).isInstanceOf(MessageSent.class);
    }

    @Test
    void aModeratorHidesAnyMessageOfAConversationWhileMembersStillDeleteOnlyTheirOwn() {
        Chat chat = new Chat();
        UUID conversationId = UUID.randomUUID();
        chat.handle(direct(conversationId, guest, host));
        chat.handle(SendMessage.of(conversationId, guest, "g-1", "something abusive"));

        assertThat(code(chat.handle(DeleteMessage.of(conversationId, host, 1))))
                .isEqualTo(RejectionCode.NOT_THE_AUTHOR);
        assertThat(chat.handle(DeleteMessage.of(conversationId, SystemActors.PLATFORM, 1)))
                .isInstanceOfSatisfying(MessageDeleted.class, deleted -> {
                    assertThat(deleted.seq()).isEqualTo(1);
                    assertThat(deleted.participantIds()).containsExactlyInAnyOrder(guest, host);
                });
        assertThat(code(chat.handle(DeleteMessage.of(conversationId, SystemActors.PLATFORM, 9))))
                .isEqualTo(RejectionCode.UNKNOWN_MESSAGE);
    }

    @Test
    void aRequestFirstHostRefusesAStrangersDirectConversationWithTheSameNeutralAnswer() {
        Chat chat = new Chat();
        publish(chat.driver, InboundPolicySet.of(host, true, null, START));

        ChatEvent refused = chat.handle(direct(UUID.randomUUID(), guest, host));
        assertThat(code(refused)).isEqualTo(RejectionCode.NOT_ACCEPTING);
        publish(chat.driver, UserBlocked.of(manager, guest, START));
        ChatEvent blocked = chat.handle(direct(UUID.randomUUID(), guest, manager));
        assertThat(((CommandRejected) blocked).reason()).isEqualTo(((CommandRejected) refused).reason());

        // a conversation the host opens (an approved request opens it as the host) goes through
        assertThat(chat.handle(direct(UUID.randomUUID(), host, guest))).isInstanceOf(ConversationCreated.class);
        // the policy only guards first contact: the platform's own conversations are not refused
        assertThat(chat.handle(CreateConversation.of(
                        UUID.randomUUID(),
                        SystemActors.PLATFORM,
                        ConversationType.GROUP,
                        List.of(SystemActors.PLATFORM, guest, host))))
                .isInstanceOf(ConversationCreated.class);

        publish(chat.driver, InboundPolicySet.of(host, false, null, START));
        assertThat(chat.handle(direct(UUID.randomUUID(), guest, host))).isInstanceOf(ConversationCreated.class);
    }

    @Test
    void aCappedHostTakesAtMostTheirDailyNumberOfNewConversationsFromStrangers() {
        Chat chat = new Chat();
        publish(chat.driver, InboundPolicySet.of(host, false, 2, START));
        UUID first = UUID.randomUUID();
        CreateConversation firstCreate = direct(first, guest, host);

        assertThat(chat.handle(firstCreate)).isInstanceOf(ConversationCreated.class);
        assertThat(chat.handle(direct(UUID.randomUUID(), manager, host))).isInstanceOf(ConversationCreated.class);
        ChatEvent third = chat.handle(direct(UUID.randomUUID(), UUID.randomUUID(), host));
        assertThat(code(third)).isEqualTo(RejectionCode.INBOUND_LIMIT);
        assertThat(((CommandRejected) third).reason()).contains("at most 2 new conversations a day");

        // a retried create of an admitted conversation is answered again and counts nothing
        assertThat(chat.handle(firstCreate)).isInstanceOf(ConversationCreated.class);
        // the host opening a conversation is not a stranger's first contact
        assertThat(chat.handle(direct(UUID.randomUUID(), host, UUID.randomUUID())))
                .isInstanceOf(ConversationCreated.class);
        // and messages in admitted conversations are not counted
        assertThat(chat.handle(SendMessage.of(first, guest, "g-1", "hello"))).isInstanceOf(MessageSent.class);

        // a new UTC day starts the count again
        recordTime = START.plus(Duration.ofDays(1));
        assertThat(chat.handle(direct(UUID.randomUUID(), UUID.randomUUID(), host)))
                .isInstanceOf(ConversationCreated.class);
    }

    @Test
    void aBlockedGuestCannotBookTheHostAndHoldsNoSlotUntilUnblocked() {
        TopologyTestDriver driver = driver(
                "humanchat-sessions",
                SessionTopology.build(BookingLimits.defaults()),
                Topics.deadLetterOf(Topics.SESSIONS_COMMANDS.name()));
        TestInputTopic<String, SessionCommand> commands = driver.createInputTopic(
                Topics.SESSIONS_COMMANDS.name(),
                Topics.SESSIONS_COMMANDS.keySerde().serializer(),
                Topics.SESSIONS_COMMANDS.valueSerde().serializer());
        TestOutputTopic<String, SessionEvent> events = driver.createOutputTopic(
                Topics.SESSIONS_EVENTS.name(),
                Topics.SESSIONS_EVENTS.keySerde().deserializer(),
                Topics.SESSIONS_EVENTS.valueSerde().deserializer());
        publish(driver, UserBlocked.of(host, guest, START));
        Instant tomorrow = START.plus(Duration.ofDays(1));
        RequestSession request = RequestSession.of(
                UUID.randomUUID(), guest, host, null, tomorrow, 30, Money.of(0, "usd"), PaymentMode.FREE, null, null);

        commands.pipeInput(request.key(), request, START.plusSeconds(1));
        assertThat(events.readValuesToList())
                .singleElement()
                .isInstanceOfSatisfying(SessionCommandRejected.class, rejected -> assertThat(rejected.code())
                        .isEqualTo(SessionRejectionCode.NOT_ACCEPTING));

        publish(driver, UserUnblocked.of(host, guest, START));
        commands.pipeInput(request.key(), request, START.plusSeconds(2));
        // the same command, decided afresh: the refused one held nothing, so the slot is free
        assertThat(events.readValuesToList()).singleElement().isInstanceOf(SessionRequested.class);
    }

    @Test
    void aBlockedUserCannotSendAManagedRequestToTheHostOrThroughTheManager() {
        TopologyTestDriver driver = driver(
                "humanchat-requests", RequestTopology.build(), Topics.deadLetterOf(Topics.REQUESTS_COMMANDS.name()));
        TestInputTopic<String, RequestCommand> commands = driver.createInputTopic(
                Topics.REQUESTS_COMMANDS.name(),
                Topics.REQUESTS_COMMANDS.keySerde().serializer(),
                Topics.REQUESTS_COMMANDS.valueSerde().serializer());
        TestOutputTopic<String, RequestEvent> events = driver.createOutputTopic(
                Topics.REQUESTS_EVENTS.name(),
                Topics.REQUESTS_EVENTS.keySerde().deserializer(),
                Topics.REQUESTS_EVENTS.valueSerde().deserializer());
        publish(driver, UserBlocked.of(host, guest, START));
        CreateRequest create =
                CreateRequest.of(UUID.randomUUID(), guest, host, manager, "Carol", "May I?", null, null, null);

        commands.pipeInput(create.key(), create, START.plusSeconds(1));
        assertThat(events.readValuesToList())
                .singleElement()
                .isInstanceOfSatisfying(RequestCommandRejected.class, rejected -> assertThat(rejected.code())
                        .isEqualTo(RequestRejectionCode.NOT_ACCEPTING));

        publish(driver, UserUnblocked.of(host, guest, START));
        publish(driver, UserBlocked.of(manager, guest, START));
        CreateRequest again =
                CreateRequest.of(UUID.randomUUID(), guest, host, manager, "Carol", "May I?", null, null, null);
        commands.pipeInput(again.key(), again, START.plusSeconds(2));
        assertThat(events.readValuesToList()).singleElement().isInstanceOf(RequestCommandRejected.class);

        publish(driver, UserUnblocked.of(manager, guest, START));
        commands.pipeInput(create.key(), create, START.plusSeconds(3));
        assertThat(events.readValuesToList()).singleElement().isInstanceOf(RequestCreated.class);
    }
}
