package com.humanchat.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.humanchat.schemas.chat.ChatCommand;
import com.humanchat.schemas.chat.ChatEvent;
import com.humanchat.schemas.chat.CommandRejected;
import com.humanchat.schemas.chat.ConversationCreated;
import com.humanchat.schemas.chat.ConversationType;
import com.humanchat.schemas.chat.CreateConversation;
import com.humanchat.schemas.chat.DeleteMessage;
import com.humanchat.schemas.chat.EditMessage;
import com.humanchat.schemas.chat.MarkRead;
import com.humanchat.schemas.chat.MessageDeleted;
import com.humanchat.schemas.chat.MessageEdited;
import com.humanchat.schemas.chat.MessageKind;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.chat.ReadAdvanced;
import com.humanchat.schemas.chat.RejectionCode;
import com.humanchat.schemas.chat.SendMessage;
import com.humanchat.schemas.chat.UnreadChanged;
import com.humanchat.schemas.chat.UnreadEvent;
import com.humanchat.schemas.users.UserEvent;
import com.humanchat.schemas.users.UserProfileUpdated;
import com.humanchat.schemas.users.UserRegistered;
import com.humanchat.schemas.users.UserSuspended;
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
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    /** One sample of every record type, with the topic it travels on. */
    static Stream<Map.Entry<Topic<String, ?>, Envelope>> samples() {
        UUID command = UUID.randomUUID();
        ObjectNode action = Json.mapper().createObjectNode().put("type", "show_hosts");
        return Stream.of(
                Map.entry(
                        Topics.CHAT_COMMANDS,
                        CreateConversation.of(CONVERSATION, ALICE, ConversationType.DIRECT, List.of(ALICE, BOB))),
                Map.entry(Topics.CHAT_COMMANDS, SendMessage.of(CONVERSATION, ALICE, "c-1", "hi")),
                Map.entry(Topics.CHAT_COMMANDS, EditMessage.of(CONVERSATION, ALICE, 1, "hello")),
                Map.entry(Topics.CHAT_COMMANDS, DeleteMessage.of(CONVERSATION, ALICE, 1)),
                Map.entry(Topics.CHAT_COMMANDS, MarkRead.of(CONVERSATION, BOB, 1)),
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
                                "hi",
                                MessageKind.SAM,
                                List.of(action),
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
                        Topics.CHAT_EVENTS, new ReadAdvanced(UUID.randomUUID(), 1, NOW, CONVERSATION, command, BOB, 7)),
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
                Map.entry(Topics.USERS_EVENTS, new UserSuspended(UUID.randomUUID(), 1, NOW, ALICE, true, "spam")));
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
        assertThat(RecordSchemas.violations(json)).isEmpty();
    }

    @Test
    void everyTypeOfEveryFamilyHasASchemaAndASample() {
        List<String> sampled = samples()
                .map(s -> Json.mapper().valueToTree(s.getValue()).get("type").asText())
                .toList();

        assertThat(RecordSchemas.schemaLocations().keySet()).containsExactlyInAnyOrderElementsOf(sampled);
        assertThat(sampled)
                .hasSize(ChatCommand.class.getPermittedSubclasses().length
                        + ChatEvent.class.getPermittedSubclasses().length
                        + UnreadEvent.class.getPermittedSubclasses().length
                        + UserEvent.class.getPermittedSubclasses().length);
    }

    @Test
    void schemaRejectsWrongTypesMissingFieldsAndBadFormats() {
        ObjectNode json = Json.mapper().valueToTree(SendMessage.of(CONVERSATION, ALICE, "c-1", "hi"));
        json.put("conversationId", "not-a-uuid");
        json.remove("clientMessageId");
        json.put("content", 42);

        assertThat(RecordSchemas.violations(json))
                .anyMatch(v -> v.contains("conversationId"))
                .anyMatch(v -> v.contains("clientMessageId"))
                .anyMatch(v -> v.contains("content"));
    }

    @Test
    void schemaRejectsUnknownTypeAndMissingType() {
        assertThat(RecordSchemas.violations(Json.mapper().createObjectNode().put("type", "message.exploded")))
                .singleElement()
                .asString()
                .contains("unknown record type");
        assertThat(RecordSchemas.violations(Json.mapper().createObjectNode())).isNotEmpty();
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
    void keyIsTheConversationForChatAndTheUserForUnreadAndUsers() {
        assertThat(SendMessage.of(CONVERSATION, ALICE, "c", "x").key()).isEqualTo(CONVERSATION.toString());
        assertThat(new UnreadChanged(UUID.randomUUID(), 1, NOW, BOB, CONVERSATION, 0, 0, 0, 0).key())
                .isEqualTo(BOB.toString());
        assertThat(new UserSuspended(UUID.randomUUID(), 1, NOW, ALICE, false, null).key())
                .isEqualTo(ALICE.toString());
    }
}
