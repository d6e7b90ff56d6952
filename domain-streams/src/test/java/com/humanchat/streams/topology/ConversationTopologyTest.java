package com.humanchat.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.schemas.Topics;
import com.humanchat.schemas.TraceParent;
import com.humanchat.schemas.chat.ChatCommand;
import com.humanchat.schemas.chat.ChatEvent;
import com.humanchat.schemas.chat.CommandRejected;
import com.humanchat.schemas.chat.ConversationCreated;
import com.humanchat.schemas.chat.ConversationType;
import com.humanchat.schemas.chat.CreateConversation;
import com.humanchat.schemas.chat.DeleteMessage;
import com.humanchat.schemas.chat.EditMessage;
import com.humanchat.schemas.chat.MarkRead;
import com.humanchat.schemas.chat.MessageReacted;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.chat.ReactToMessage;
import com.humanchat.schemas.chat.ReadAdvanced;
import com.humanchat.schemas.chat.RejectionCode;
import com.humanchat.schemas.chat.SendMessage;
import com.humanchat.streams.domain.ConversationState;
import com.humanchat.streams.domain.MessageReactions;
import com.humanchat.streams.domain.RecentMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversationTopologyTest {

    private static final String APPLICATION_ID = "humanchat-conversations";
    private static final String CHANGELOG = APPLICATION_ID + "-" + ConversationTopology.STORE + "-changelog";
    private static final String DEAD_LETTERS = Topics.deadLetterOf(Topics.CHAT_COMMANDS.name());
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    @TempDir
    Path stateDir;

    private final UUID conversationId = UUID.randomUUID();
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final List<TopologyTestDriver> drivers = new ArrayList<>();

    private Harness harness;
    private Instant recordTime = START;

    @BeforeEach
    void setUp() {
        harness = new Harness(newDriver("main"));
    }

    @AfterEach
    void tearDown() {
        drivers.forEach(TopologyTestDriver::close);
    }

    private TopologyTestDriver newDriver(String name) {
        StreamsSettings settings = new StreamsSettings(
                APPLICATION_ID,
                "unused:9092",
                stateDir.resolve(name),
                1,
                (short) 1,
                0,
                Duration.ofSeconds(1),
                DEAD_LETTERS);
        TopologyTestDriver driver = new TopologyTestDriver(
                ConversationTopology.build(ConversationTopologyConfig.defaults()), settings.toProperties(), START);
        drivers.add(driver);
        return driver;
    }

    /** The topics and the store of one driver. */
    private final class Harness {
        final TopologyTestDriver driver;
        final TestInputTopic<String, ChatCommand> commands;
        final TestInputTopic<String, byte[]> rawCommands;
        final TestOutputTopic<String, ChatEvent> events;
        final TestOutputTopic<byte[], byte[]> deadLetters;
        final TestOutputTopic<String, byte[]> changelog;
        final KeyValueStore<String, byte[]> store;

        Harness(TopologyTestDriver driver) {
            this.driver = driver;
            commands = driver.createInputTopic(
                    Topics.CHAT_COMMANDS.name(),
                    Topics.CHAT_COMMANDS.keySerde().serializer(),
                    Topics.CHAT_COMMANDS.valueSerde().serializer());
            rawCommands = driver.createInputTopic(
                    Topics.CHAT_COMMANDS.name(), new StringSerializer(), new ByteArraySerializer());
            events = driver.createOutputTopic(
                    Topics.CHAT_EVENTS.name(),
                    Topics.CHAT_EVENTS.keySerde().deserializer(),
                    Topics.CHAT_EVENTS.valueSerde().deserializer());
            deadLetters =
                    driver.createOutputTopic(DEAD_LETTERS, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            changelog = driver.createOutputTopic(CHANGELOG, new StringDeserializer(), new ByteArrayDeserializer());
            store = driver.getKeyValueStore(ConversationTopology.STORE);
        }

        /** Pipes the command with its own record timestamp and returns what it emitted. */
        List<ChatEvent> handle(ChatCommand command, Instant timestamp) {
            commands.pipeInput(command.conversationId().toString(), command, timestamp);
            return events.readValuesToList();
        }

        ConversationState state(UUID conversation) {
            byte[] bytes = store.get(ConversationStoreKeys.state(conversation));
            return bytes == null ? null : StoreJson.read(bytes, ConversationState.class);
        }

        Map<String, String> storeContents() {
            Map<String, String> contents = new LinkedHashMap<>();
            try (KeyValueIterator<String, byte[]> all = store.all()) {
                all.forEachRemaining(entry -> contents.put(entry.key, new String(entry.value, StandardCharsets.UTF_8)));
            }
            return contents;
        }
    }

    private ChatEvent handle(ChatCommand command) {
        recordTime = recordTime.plusMillis(10);
        List<ChatEvent> emitted = harness.handle(command, recordTime);
        assertThat(emitted).hasSizeLessThanOrEqualTo(1);
        return emitted.isEmpty() ? null : emitted.getFirst();
    }

    private ConversationCreated createDirect() {
        return (ConversationCreated)
                handle(CreateConversation.of(conversationId, alice, ConversationType.DIRECT, List.of(alice, bob)));
    }

    private MessageSent send(UUID sender, String clientMessageId) {
        return (MessageSent)
                handle(SendMessage.of(conversationId, sender, clientMessageId, "hello " + clientMessageId));
    }

    @Test
    void reactionsLandInTheWantedStateUnderRedelivery() {
        createDirect();
        send(alice, "c-1");
        ReactToMessage bobLikes = ReactToMessage.of(conversationId, bob, 1, "👍", true);
        ReactToMessage bobTakesItBack = ReactToMessage.of(conversationId, bob, 1, "👍", false);

        MessageReacted liked = (MessageReacted) handle(bobLikes);
        MessageReacted likedAgain = (MessageReacted) redeliver(bobLikes);
        MessageReacted aliceLikes = (MessageReacted) handle(ReactToMessage.of(conversationId, alice, 1, "👍", true));
        MessageReacted takenBack = (MessageReacted) handle(bobTakesItBack);
        MessageReacted takenBackAgain = (MessageReacted) redeliver(bobTakesItBack);

        assertThat(liked.userIds()).containsExactly(bob);
        assertThat(likedAgain).isEqualTo(liked);
        assertThat(aliceLikes.userIds()).containsExactly(bob, alice);
        assertThat(takenBack.active()).isFalse();
        assertThat(takenBack.userIds()).containsExactly(alice);
        assertThat(takenBackAgain).isEqualTo(takenBack);
        assertThat(storedReactions(1).usersOf("👍")).containsExactly(alice);
    }

    @Test
    void rejectsAReactionOutsideTheSetOrByANonMemberOrToAMissingMessage() {
        createDirect();
        send(alice, "c-1");

        ChatEvent odd = handle(ReactToMessage.of(conversationId, bob, 1, "💩", true));
        ChatEvent stranger = handle(ReactToMessage.of(conversationId, UUID.randomUUID(), 1, "👍", true));
        ChatEvent missing = handle(ReactToMessage.of(conversationId, bob, 2, "👍", true));

        assertThat(((CommandRejected) odd).code()).isEqualTo(RejectionCode.INVALID);
        assertThat(((CommandRejected) stranger).code()).isEqualTo(RejectionCode.NOT_A_MEMBER);
        assertThat(((CommandRejected) missing).code()).isEqualTo(RejectionCode.UNKNOWN_MESSAGE);
        assertThat(storedReactions(1)).isEqualTo(MessageReactions.NONE);
    }

    @Test
    void rejectsAnEditOrDeleteByANonAuthor() {
        createDirect();
        MessageSent original = send(alice, "c-1");

        ChatEvent edit = handle(EditMessage.of(conversationId, bob, 1, "words in her mouth"));
        ChatEvent delete = handle(DeleteMessage.of(conversationId, bob, 1));

        assertThat(edit).isInstanceOfSatisfying(CommandRejected.class, rejected -> assertThat(rejected.code())
                .isEqualTo(RejectionCode.NOT_THE_AUTHOR));
        assertThat(delete).isInstanceOfSatisfying(CommandRejected.class, rejected -> assertThat(rejected.code())
                .isEqualTo(RejectionCode.NOT_THE_AUTHOR));
        RecentMessage stored = StoreJson.read(
                harness.store.get(ConversationStoreKeys.message(conversationId, 1)), RecentMessage.class);
        assertThat(stored.deleted()).isFalse();
        assertThat(stored.sent()).isEqualTo(original);
    }

    @Test
    void rejectsAReplyToASeqThatDoesNotExist() {
        createDirect();
        send(alice, "c-1");

        ChatEvent toTheFuture =
                handle(SendMessage.of(conversationId, bob, "c-2", "re: what?", List.of(), 2L, List.of()));
        ChatEvent toZero = handle(SendMessage.of(conversationId, bob, "c-3", "re: nothing", List.of(), 0L, List.of()));
        MessageSent reply =
                (MessageSent) handle(SendMessage.of(conversationId, bob, "c-4", "re: hello", List.of(), 1L, List.of()));

        assertThat(toTheFuture).isInstanceOfSatisfying(CommandRejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo(RejectionCode.UNKNOWN_MESSAGE);
            assertThat(rejected.clientMessageId()).isEqualTo("c-2");
        });
        assertThat(((CommandRejected) toZero).code()).isEqualTo(RejectionCode.UNKNOWN_MESSAGE);
        assertThat(reply.seq()).isEqualTo(2);
        assertThat(reply.replyToSeq()).isEqualTo(1L);
        assertThat(harness.store.get(ConversationStoreKeys.dedupe(conversationId, bob, "c-2")))
                .isNull();
    }

    @Test
    void aMessageMentionsOnlyOtherMembersOfItsGroupAndARetryKeepsTheSameMentions() {
        UUID carol = UUID.randomUUID();
        UUID outsider = UUID.randomUUID();
        handle(CreateConversation.of(conversationId, alice, ConversationType.GROUP, List.of(alice, bob, carol)));
        SendMessage mentioning = SendMessage.of(
                conversationId,
                alice,
                "c-1",
                "<@" + bob + "> <@" + outsider + "> <@" + alice + "> <@" + carol + ">",
                List.of(),
                null,
                List.of(bob, outsider, alice, carol));

        MessageSent sent = (MessageSent) handle(mentioning);
        MessageSent retried = (MessageSent) redeliver(mentioning);

        assertThat(sent.mentionedUserIds()).containsExactly(bob, carol);
        assertThat(sent.content()).contains(outsider.toString());
        assertThat(retried).isEqualTo(sent);
        RecentMessage stored = StoreJson.read(
                harness.store.get(ConversationStoreKeys.message(conversationId, 1)), RecentMessage.class);
        assertThat(stored.sent().mentionedUserIds()).containsExactly(bob, carol);
    }

    @Test
    void aReadPositionNeverMovesBackEvenWhenAnOlderReadIsRedelivered() {
        createDirect();
        send(alice, "c-1");
        send(alice, "c-2");
        send(alice, "c-3");
        MarkRead older = MarkRead.of(conversationId, bob, 1);
        MarkRead newer = MarkRead.of(conversationId, bob, 3);

        handle(older);
        ReadAdvanced advanced = (ReadAdvanced) handle(newer);
        ChatEvent redeliveredOlder = handle(MarkRead.of(conversationId, bob, 1));

        assertThat(advanced.lastReadSeq()).isEqualTo(3);
        assertThat(redeliveredOlder).isNull();
        assertThat(harness.state(conversationId).readPositionOf(bob).lastReadSeq())
                .isEqualTo(3);
    }

    /** Pipes the last command again with its record's timestamp, as a redelivery after a crash would. */
    private ChatEvent redeliver(ChatCommand command) {
        List<ChatEvent> emitted = harness.handle(command, recordTime);
        assertThat(emitted).hasSize(1);
        return emitted.getFirst();
    }

    private MessageReactions storedReactions(long seq) {
        byte[] bytes = harness.store.get(ConversationStoreKeys.reactions(conversationId, seq));
        return bytes == null ? MessageReactions.NONE : StoreJson.read(bytes, MessageReactions.class);
    }

    @Test
    void rejectsMessageFromNonMember() {
        createDirect();
        UUID mallory = UUID.randomUUID();
        SendMessage command = SendMessage.of(conversationId, mallory, "c-1", "let me in");

        ChatEvent event = handle(command);

        assertThat(event).isInstanceOfSatisfying(CommandRejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo(RejectionCode.NOT_A_MEMBER);
            assertThat(rejected.commandId()).isEqualTo(command.eventId());
            assertThat(rejected.actorId()).isEqualTo(mallory);
        });
        assertThat(harness.state(conversationId).nextSeq()).isEqualTo(1);
        assertThat(harness.store.get(ConversationStoreKeys.dedupe(conversationId, mallory, "c-1")))
                .isNull();
    }

    @Test
    void emitsEventsKeyedByConversationWithTheCommandTimestamp() {
        createDirect();
        SendMessage command = SendMessage.of(conversationId, alice, "c-1", "hi");
        Instant timestamp = START.plusSeconds(5);

        harness.commands.pipeInput(conversationId.toString(), command, timestamp);

        TestRecord<String, ChatEvent> record = harness.events.readRecord();
        assertThat(record.key()).isEqualTo(conversationId.toString());
        assertThat(record.getRecordTime()).isEqualTo(timestamp);
        assertThat(record.value().occurredAt()).isEqualTo(timestamp);
    }

    @Test
    void keepsTheCommandsTraceOnItsEvent() {
        createDirect();
        String traceId = TraceParent.newTraceId();
        RecordHeaders headers = new RecordHeaders();
        TraceParent.set(headers, traceId);

        harness.commands.pipeInput(new TestRecord<>(
                conversationId.toString(), SendMessage.of(conversationId, alice, "c-1", "hi"), headers, START));

        TestRecord<String, ChatEvent> record = harness.events.readRecord();
        assertThat(record.value()).isInstanceOf(MessageSent.class);
        assertThat(TraceParent.traceIdOf(record.headers())).contains(traceId);
    }

    @Test
    void assignsContiguousSeqOverManySends() {
        createDirect();

        List<Long> seqs = LongStream.rangeClosed(1, 500)
                .mapToObj(i -> send(i % 3 == 0 ? bob : alice, "c-" + i).seq())
                .toList();

        assertThat(seqs).isEqualTo(LongStream.rangeClosed(1, 500).boxed().toList());
        ConversationState state = harness.state(conversationId);
        assertThat(state.nextSeq()).isEqualTo(501);
        assertThat(state.readPositionOf(alice).lastReadSeq()).isEqualTo(500);
        assertThat(state.readPositionOf(bob).lastReadSeq()).isEqualTo(498);
        assertThat(harness.store.get(ConversationStoreKeys.message(conversationId, 500)))
                .isNotNull();
        assertThat(harness.store.get(ConversationStoreKeys.dedupe(conversationId, bob, "c-3")))
                .isEqualTo("3".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void dedupeReturnsTheOriginalMessage() {
        createDirect();
        MessageSent original = send(alice, "c-1");
        send(bob, "c-2");
        SendMessage retry = SendMessage.of(conversationId, alice, "c-1", "typed again");

        MessageSent again = (MessageSent) handle(retry);

        assertThat(again.seq()).isEqualTo(original.seq());
        assertThat(again.messageId()).isEqualTo(original.messageId());
        assertThat(again.eventId()).isEqualTo(original.eventId());
        assertThat(again.occurredAt()).isEqualTo(original.occurredAt());
        assertThat(again.content()).isEqualTo(original.content());
        assertThat(again.commandId()).isEqualTo(retry.eventId());
        assertThat(harness.state(conversationId).nextSeq()).isEqualTo(3);
        RecentMessage stored = StoreJson.read(
                harness.store.get(ConversationStoreKeys.message(conversationId, original.seq())), RecentMessage.class);
        assertThat(stored.sent()).isEqualTo(original);
    }

    @Test
    void retriedCreateReemitsTheCreatedEvent() {
        ConversationCreated original = createDirect();
        CreateConversation retry =
                CreateConversation.of(conversationId, bob, ConversationType.DIRECT, List.of(bob, alice));

        ConversationCreated again = (ConversationCreated) handle(retry);

        assertThat(again.eventId()).isEqualTo(original.eventId());
        assertThat(again.participantIds()).isEqualTo(original.participantIds());
        assertThat(again.createdBy()).isEqualTo(alice);
        assertThat(again.occurredAt()).isEqualTo(original.occurredAt());
        assertThat(again.commandId()).isEqualTo(retry.eventId());
        assertThat(harness.state(conversationId).creationCommandId()).isEqualTo(original.commandId());
    }

    @Test
    void readClampsAndNeverMovesBack() {
        createDirect();
        send(alice, "c-1");
        send(alice, "c-2");

        ReadAdvanced clamped = (ReadAdvanced) handle(MarkRead.of(conversationId, bob, 10));
        ChatEvent backwards = handle(MarkRead.of(conversationId, bob, 1));

        assertThat(clamped.lastReadSeq()).isEqualTo(2);
        assertThat(backwards).isNull();
        assertThat(harness.state(conversationId).readPositionOf(bob).lastReadSeq())
                .isEqualTo(2);
    }

    /**
     * A crash can leave the store at any prefix of its changelog while the commands since the last commit are
     * processed again. From every such prefix, processing all the commands again must give each command either the
     * event it got the first time or (a read superseded by a later one) nothing — never a different event — and end in
     * the same store.
     */
    @Test
    void replayingCommandsAgainstARestoredStoreYieldsIdenticalEvents() {
        UUID carol = UUID.randomUUID();
        List<ChatCommand> commands = new ArrayList<>();
        commands.add(CreateConversation.of(conversationId, alice, ConversationType.GROUP, List.of(alice, bob, carol)));
        for (int i = 1; i <= 6; i++) {
            commands.add(SendMessage.of(conversationId, i % 2 == 0 ? bob : alice, "c-" + i, "message " + i));
        }
        commands.add(SendMessage.of(conversationId, alice, "c-1", "a retry of c-1"));
        commands.add(MarkRead.of(conversationId, carol, 2));
        commands.add(SendMessage.of(conversationId, UUID.randomUUID(), "c-x", "outsider"));
        commands.add(EditMessage.of(conversationId, bob, 2, "message 2, edited"));
        commands.add(MarkRead.of(conversationId, carol, 5));
        commands.add(SendMessage.of(conversationId, carol, "c-7", "message 7"));
        commands.add(MarkRead.of(conversationId, bob, 7));
        Map<UUID, Instant> timestamps = new LinkedHashMap<>();
        commands.forEach(command -> timestamps.put(command.eventId(), recordTime = recordTime.plusMillis(10)));

        Map<UUID, ChatEvent> original = new LinkedHashMap<>();
        for (ChatCommand command : commands) {
            harness.handle(command, timestamps.get(command.eventId()))
                    .forEach(event -> original.put(event.commandId(), event));
        }
        List<KeyValue<String, byte[]>> changelog = harness.changelog.readKeyValuesToList();
        Map<String, String> finalStore = harness.storeContents();
        assertThat(original).hasSize(commands.size());
        assertThat(changelog).hasSizeGreaterThan(commands.size());

        for (int prefix = 0; prefix <= changelog.size(); prefix++) {
            Harness restored = new Harness(newDriver("restored-" + prefix));
            changelog.subList(0, prefix).forEach(entry -> restored.store.put(entry.key, entry.value));

            for (int i = 0; i < commands.size(); i++) {
                ChatCommand command = commands.get(i);
                List<ChatEvent> replayed = restored.handle(command, timestamps.get(command.eventId()));
                if (replayed.isEmpty()) {
                    assertThat(supersededRead(command, commands.subList(i + 1, commands.size())))
                            .as(
                                    "prefix %d: only a read superseded by a later read may emit nothing: %s",
                                    prefix, command)
                            .isTrue();
                } else {
                    assertThat(replayed)
                            .as("prefix %d, command %s", prefix, command)
                            .containsExactly(original.get(command.eventId()));
                }
            }
            assertThat(restored.storeContents())
                    .as("store after prefix %d", prefix)
                    .isEqualTo(finalStore);
            restored.driver.close();
            drivers.remove(restored.driver);
        }
    }

    private static boolean supersededRead(ChatCommand command, List<ChatCommand> later) {
        return command instanceof MarkRead read
                && later.stream()
                        .anyMatch(next -> next instanceof MarkRead laterRead
                                && laterRead.actorId().equals(read.actorId()));
    }

    @Test
    void expiryPunctuatorRemovesOldDedupeEntries() {
        createDirect();
        MessageSent early =
                (MessageSent) harness.handle(SendMessage.of(conversationId, alice, "c-early", "early"), START)
                        .getFirst();
        MessageSent later = (MessageSent) harness.handle(
                        SendMessage.of(conversationId, alice, "c-later", "later"), START.plus(Duration.ofHours(2)))
                .getFirst();

        harness.driver.advanceWallClockTime(Duration.ofHours(24));
        assertThat(harness.store.get(ConversationStoreKeys.dedupe(conversationId, alice, "c-early")))
                .as("kept for the promised 24 h")
                .isNotNull();

        harness.driver.advanceWallClockTime(Duration.ofHours(1).plusMinutes(1));

        assertThat(harness.store.get(ConversationStoreKeys.dedupe(conversationId, alice, "c-early")))
                .isNull();
        assertThat(harness.store.get(ConversationStoreKeys.message(conversationId, early.seq())))
                .isNull();
        assertThat(harness.store.get(ConversationStoreKeys.dedupe(conversationId, alice, "c-later")))
                .as("not yet due")
                .isNotNull();
        assertThat(harness.store.get(ConversationStoreKeys.message(conversationId, later.seq())))
                .isNotNull();
        assertThat(harness.storeContents().keySet())
                .filteredOn(key -> key.startsWith(ConversationStoreKeys.EXPIRY_PREFIX))
                .hasSize(1);
        assertThat(harness.state(conversationId).nextSeq())
                .as("state never expires")
                .isEqualTo(3);

        MessageSent resent = (MessageSent) handle(SendMessage.of(conversationId, alice, "c-early", "again"));
        assertThat(resent.seq()).as("a send after the window is a new message").isEqualTo(3);
    }

    @Test
    void expiryIndexHasOneEntryPerConversationAndWindowAndHonoursTheOlderLayout() {
        createDirect();
        MessageSent first =
                (MessageSent) harness.handle(SendMessage.of(conversationId, alice, "c-a", "a"), START.plusSeconds(1))
                        .getFirst();
        harness.handle(SendMessage.of(conversationId, bob, "c-b", "b"), START.plusSeconds(2));
        harness.handle(SendMessage.of(conversationId, alice, "c-c", "c"), START.plusSeconds(3));
        assertThat(harness.storeContents().keySet())
                .as("one index entry for three messages of one window")
                .filteredOn(key -> key.startsWith(ConversationStoreKeys.EXPIRY_PREFIX))
                .hasSize(1);

        // an entry of the older per-message layout, as a store written before this layout holds it
        String oldDedupe = ConversationStoreKeys.dedupe(conversationId, bob, "c-old");
        String oldMessage = ConversationStoreKeys.message(conversationId, 1_000);
        harness.store.put(oldDedupe, StoreJson.write(1_000L));
        harness.store.put(oldMessage, StoreJson.write(RecentMessage.of(first)));
        harness.store.put(
                ConversationStoreKeys.expiry(START.toEpochMilli(), conversationId, 1_000),
                StoreJson.write(List.of(oldDedupe, oldMessage)));

        harness.driver.advanceWallClockTime(Duration.ofHours(25).plusMinutes(2));

        assertThat(harness.store.get(oldDedupe)).isNull();
        assertThat(harness.store.get(oldMessage)).isNull();
        assertThat(harness.store.get(ConversationStoreKeys.dedupe(conversationId, bob, "c-b")))
                .isNull();
        assertThat(harness.storeContents().keySet())
                .filteredOn(key -> key.startsWith(ConversationStoreKeys.EXPIRY_PREFIX)
                        || key.contains("|m|")
                        || key.contains("|d|"))
                .isEmpty();
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndProcessingContinues() {
        createDirect();
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);

        harness.rawCommands.pipeInput(conversationId.toString(), garbage, START);
        MessageSent after = send(alice, "c-1");

        TestRecord<byte[], byte[]> deadLetter = harness.deadLetters.readRecord();
        assertThat(deadLetter.value()).isEqualTo(garbage);
        assertThat(new String(deadLetter.key(), StandardCharsets.UTF_8)).isEqualTo(conversationId.toString());
        assertThat(header(deadLetter, DeadLetterProcessingExceptionHandler.HEADER_MESSAGE))
                .contains("ChatCommand");
        assertThat(header(deadLetter, DeadLetterProcessingExceptionHandler.HEADER_TOPIC))
                .isEqualTo(Topics.CHAT_COMMANDS.name());
        assertThat(after.seq()).isEqualTo(1);
        assertThat(harness.deadLetters.isEmpty()).isTrue();
    }

    @Test
    void commandsThatCannotBeAnsweredGoToTheDeadLetterTopic() {
        createDirect();
        SendMessage wrongKey = SendMessage.of(conversationId, alice, "c-1", "hi");
        SendMessage noActor =
                new SendMessage(UUID.randomUUID(), 1, START, conversationId, null, "c-2", "hi", null, null);

        harness.commands.pipeInput(UUID.randomUUID().toString(), wrongKey, START);
        harness.commands.pipeInput(conversationId.toString(), noActor, START);
        harness.commands.pipeInput(conversationId.toString(), null, START);
        MessageSent after = send(alice, "c-3");

        List<TestRecord<byte[], byte[]>> deadLetters = harness.deadLetters.readRecordsToList();
        assertThat(deadLetters).hasSize(3);
        assertThat(header(deadLetters.get(0), DeadLetterProcessingExceptionHandler.HEADER_MESSAGE))
                .startsWith("record key ")
                .endsWith("is not the command's conversationId " + conversationId);
        assertThat(header(deadLetters.get(1), DeadLetterProcessingExceptionHandler.HEADER_MESSAGE))
                .isEqualTo("command has no actorId");
        assertThat(header(deadLetters.get(2), DeadLetterProcessingExceptionHandler.HEADER_MESSAGE))
                .isEqualTo("command record without a value");
        assertThat(deadLetters)
                .extracting(record -> header(record, DeadLetterProcessingExceptionHandler.HEADER_EXCEPTION))
                .containsOnly(PoisonRecordException.class.getName());
        assertThat(after.seq()).isEqualTo(1);
        assertThat(harness.events.isEmpty()).isTrue();
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
