package com.humanchat.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.schemas.Topics;
import com.humanchat.schemas.chat.ChatCommand;
import com.humanchat.schemas.chat.ConversationIds;
import com.humanchat.schemas.chat.ConversationType;
import com.humanchat.schemas.chat.CreateConversation;
import com.humanchat.schemas.chat.MessageKind;
import com.humanchat.schemas.chat.SendMessage;
import com.humanchat.schemas.requests.CreateRequest;
import com.humanchat.schemas.requests.DecideRequest;
import com.humanchat.schemas.requests.RequestCommand;
import com.humanchat.schemas.requests.RequestCommandRejected;
import com.humanchat.schemas.requests.RequestCreated;
import com.humanchat.schemas.requests.RequestDecision;
import com.humanchat.schemas.requests.RequestEvent;
import com.humanchat.schemas.requests.RequestRejectionCode;
import com.humanchat.schemas.requests.RequestStatus;
import com.humanchat.schemas.requests.RequestStatusChanged;
import com.humanchat.streams.domain.RequestRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestTopologyTest {

    private static final String DEAD_LETTERS = Topics.deadLetterOf(Topics.REQUESTS_COMMANDS.name());
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    @TempDir
    Path stateDir;

    private final UUID requester = UUID.randomUUID();
    private final UUID host = UUID.randomUUID();
    private final UUID manager = UUID.randomUUID();
    private final UUID admin = UUID.randomUUID();
    private final UUID requestId = UUID.randomUUID();

    private TopologyTestDriver driver;
    private TestInputTopic<String, RequestCommand> commands;
    private TestOutputTopic<String, RequestEvent> events;
    private TestOutputTopic<String, ChatCommand> chatCommands;
    private TestOutputTopic<byte[], byte[]> deadLetters;
    private KeyValueStore<String, byte[]> store;
    private Instant recordTime = START;

    @BeforeEach
    void setUp() {
        StreamsSettings settings = new StreamsSettings(
                "humanchat-requests", "unused:9092", stateDir, 1, (short) 1, 0, Duration.ofSeconds(1), DEAD_LETTERS);
        driver = new TopologyTestDriver(RequestTopology.build(), settings.toProperties(), START);
        commands = driver.createInputTopic(
                Topics.REQUESTS_COMMANDS.name(),
                Topics.REQUESTS_COMMANDS.keySerde().serializer(),
                Topics.REQUESTS_COMMANDS.valueSerde().serializer());
        events = driver.createOutputTopic(
                Topics.REQUESTS_EVENTS.name(),
                Topics.REQUESTS_EVENTS.keySerde().deserializer(),
                Topics.REQUESTS_EVENTS.valueSerde().deserializer());
        chatCommands = driver.createOutputTopic(
                Topics.CHAT_COMMANDS.name(),
                Topics.CHAT_COMMANDS.keySerde().deserializer(),
                Topics.CHAT_COMMANDS.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(DEAD_LETTERS, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        store = driver.getKeyValueStore(RequestTopology.STORE);
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private RequestEvent handle(RequestCommand command) {
        recordTime = recordTime.plusMillis(10);
        commands.pipeInput(command.requestId().toString(), command, recordTime);
        List<RequestEvent> emitted = events.readValuesToList();
        assertThat(emitted).hasSize(1);
        return emitted.getFirst();
    }

    private RequestRecord stored() {
        return StoreJson.read(store.get(requestId.toString()), RequestRecord.class);
    }

    private CreateRequest create() {
        return CreateRequest.of(
                requestId, requester, host, manager, "Carol for Bob", "Could Bob review my schema?", null, null, null);
    }

    private static RequestRejectionCode code(RequestEvent event) {
        assertThat(event).isInstanceOf(RequestCommandRejected.class);
        return ((RequestCommandRejected) event).code();
    }

    @Test
    void createsAPendingRequestThatKeepsItsManager() {
        RequestEvent created = handle(create());

        assertThat(created).isInstanceOfSatisfying(RequestCreated.class, event -> {
            assertThat(event.request().status()).isEqualTo(RequestStatus.PENDING);
            assertThat(event.request().managerId()).isEqualTo(manager);
            assertThat(event.participantIds()).containsExactly(requester, manager);
        });
        assertThat(stored().request().status()).isEqualTo(RequestStatus.PENDING);
        assertThat(chatCommands.isEmpty()).isTrue();
    }

    @Test
    void managerApprovalOpensTheDirectConversationWithTheRequestQuoted() {
        handle(create());

        RequestEvent approved =
                handle(DecideRequest.of(requestId, manager, false, true, RequestDecision.APPROVE, "sure"));

        UUID conversationId = ConversationIds.ofApprovedRequest(requestId);
        assertThat(approved).isInstanceOfSatisfying(RequestStatusChanged.class, changed -> {
            assertThat(changed.toStatus()).isEqualTo(RequestStatus.APPROVED);
            assertThat(changed.request().conversationId()).isEqualTo(conversationId);
            assertThat(changed.request().decidedBy()).isEqualTo(manager);
            assertThat(changed.reason()).isEqualTo("sure");
        });
        assertThat(stored().request().status()).isEqualTo(RequestStatus.APPROVED);
        List<TestRecord<String, ChatCommand>> chat = chatCommands.readRecordsToList();
        assertThat(chat).hasSize(2).allSatisfy(record -> assertThat(record.key())
                .isEqualTo(conversationId.toString()));
        assertThat(chat.get(0).value()).isInstanceOfSatisfying(CreateConversation.class, open -> {
            assertThat(open.actorId()).isEqualTo(host);
            assertThat(open.conversationType()).isEqualTo(ConversationType.DIRECT);
            assertThat(open.participantIds()).containsExactlyInAnyOrder(requester, host);
        });
        assertThat(chat.get(1).value()).isInstanceOfSatisfying(SendMessage.class, message -> {
            assertThat(message.messageType()).isEqualTo(MessageKind.SYSTEM);
            assertThat(message.actorId()).isEqualTo(host);
            assertThat(message.clientMessageId()).isEqualTo("request:" + requestId + ":approved");
            assertThat(message.content()).contains("Carol for Bob").contains("Could Bob review my schema?");
            assertThat(message.actions().getFirst().get("type").asText()).isEqualTo("request");
            assertThat(message.actions().getFirst().get("requestId").asText()).isEqualTo(requestId.toString());
            assertThat(message.actions().getFirst().get("status").asText()).isEqualTo("approved");
        });
    }

    @Test
    void requesterCannotApproveButAnAdminCan() {
        handle(create());

        assertThat(code(handle(DecideRequest.of(requestId, requester, false, false, RequestDecision.APPROVE, null))))
                .isEqualTo(RequestRejectionCode.NOT_THE_MANAGER);
        assertThat(stored().request().status()).isEqualTo(RequestStatus.PENDING);

        RequestEvent declined = handle(DecideRequest.of(requestId, admin, true, false, RequestDecision.DECLINE, "no"));

        assertThat(((RequestStatusChanged) declined).toStatus()).isEqualTo(RequestStatus.DECLINED);
        assertThat(chatCommands.isEmpty())
                .as("only approval writes to the chat")
                .isTrue();
    }

    @Test
    void aSecondDecisionIsAnIllegalTransition() {
        handle(create());
        handle(DecideRequest.of(requestId, manager, false, true, RequestDecision.APPROVE, null));
        chatCommands.readValuesToList();

        assertThat(code(handle(DecideRequest.of(requestId, manager, false, true, RequestDecision.DECLINE, null))))
                .isEqualTo(RequestRejectionCode.ILLEGAL_TRANSITION);
        assertThat(code(handle(DecideRequest.of(requestId, requester, false, false, RequestDecision.WITHDRAW, null))))
                .isEqualTo(RequestRejectionCode.ILLEGAL_TRANSITION);
        assertThat(stored().request().status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(chatCommands.isEmpty()).isTrue();
    }

    @Test
    void requesterWithdraws() {
        handle(create());

        RequestEvent withdrawn =
                handle(DecideRequest.of(requestId, requester, false, false, RequestDecision.WITHDRAW, null));

        assertThat(((RequestStatusChanged) withdrawn).toStatus()).isEqualTo(RequestStatus.WITHDRAWN);
        assertThat(stored().request().status()).isEqualTo(RequestStatus.WITHDRAWN);
        assertThat(code(handle(
                        DecideRequest.of(UUID.randomUUID(), manager, false, true, RequestDecision.APPROVE, null))))
                .isEqualTo(RequestRejectionCode.UNKNOWN_REQUEST);
    }

    @Test
    void aRedeliveredCommandReEmitsTheSameRecords() {
        CreateRequest create = create();
        DecideRequest approve = DecideRequest.of(requestId, manager, false, true, RequestDecision.APPROVE, null);
        commands.pipeInput(requestId.toString(), create, START.plusSeconds(1));
        commands.pipeInput(requestId.toString(), approve, START.plusSeconds(2));
        List<RequestEvent> first = events.readValuesToList();
        List<ChatCommand> firstChat = chatCommands.readValuesToList();

        commands.pipeInput(requestId.toString(), create, START.plusSeconds(1));
        commands.pipeInput(requestId.toString(), approve, START.plusSeconds(2));

        assertThat(events.readValuesToList()).isEqualTo(first);
        assertThat(chatCommands.readValuesToList()).isEqualTo(firstChat);
    }

    @Test
    void aCommandKeyedByAnotherRequestIsPoison() {
        commands.pipeInput(UUID.randomUUID().toString(), create(), START);

        assertThat(deadLetters.readRecordsToList()).hasSize(1);
        assertThat(events.isEmpty()).isTrue();
        assertThat(store.get(requestId.toString())).isNull();
    }
}
