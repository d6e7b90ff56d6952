package com.humanchat.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.humanchat.schemas.Topics;
import com.humanchat.schemas.TraceParent;
import com.humanchat.schemas.chat.ChatEvent;
import com.humanchat.schemas.chat.ConversationCreated;
import com.humanchat.schemas.chat.ConversationType;
import com.humanchat.schemas.chat.MessageKind;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.chat.ReadAdvanced;
import com.humanchat.schemas.chat.UnreadChanged;
import com.humanchat.schemas.chat.UnreadEvent;
import com.humanchat.streams.domain.UnreadLedger;
import com.humanchat.streams.domain.UserUnreadTotal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnreadCountTopologyTest {

    private static final String APPLICATION_ID = "humanchat-unread";
    private static final String DEAD_LETTERS = Topics.deadLetterOf(Topics.CHAT_EVENTS.name());
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    @TempDir
    Path stateDir;

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();

    private TopologyTestDriver driver;
    private TestInputTopic<String, ChatEvent> events;
    private TestInputTopic<String, byte[]> rawEvents;
    private TestOutputTopic<String, UnreadEvent> unread;
    private TestOutputTopic<byte[], byte[]> deadLetters;
    private KeyValueStore<String, byte[]> conversationStore;
    private KeyValueStore<String, byte[]> userStore;
    private Instant clock = START;

    @BeforeEach
    void setUp() {
        StreamsSettings settings = new StreamsSettings(
                APPLICATION_ID, "unused:9092", stateDir, 1, (short) 1, 0, Duration.ofSeconds(1), DEAD_LETTERS);
        driver = new TopologyTestDriver(
                UnreadCountTopology.build(UnreadTopologyConfig.defaults()), settings.toProperties(), START);
        events = driver.createInputTopic(
                Topics.CHAT_EVENTS.name(),
                Topics.CHAT_EVENTS.keySerde().serializer(),
                Topics.CHAT_EVENTS.valueSerde().serializer());
        rawEvents =
                driver.createInputTopic(Topics.CHAT_EVENTS.name(), new StringSerializer(), new ByteArraySerializer());
        unread = driver.createOutputTopic(
                Topics.CHAT_UNREAD.name(),
                Topics.CHAT_UNREAD.keySerde().deserializer(),
                Topics.CHAT_UNREAD.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(DEAD_LETTERS, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        conversationStore = driver.getKeyValueStore(UnreadCountTopology.CONVERSATION_STORE);
        userStore = driver.getKeyValueStore(UnreadCountTopology.USER_STORE);
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private List<UnreadChanged> pipe(ChatEvent event) {
        clock = clock.plusMillis(10);
        events.pipeInput(event.conversationId().toString(), event, clock);
        return unread.readValuesToList().stream().map(UnreadChanged.class::cast).toList();
    }

    private void created(UUID conversation) {
        pipe(new ConversationCreated(
                UUID.randomUUID(),
                1,
                clock,
                conversation,
                UUID.randomUUID(),
                alice,
                ConversationType.DIRECT,
                List.of(alice, bob)));
    }

    private MessageSent message(UUID conversation, long seq, UUID sender) {
        UUID commandId = UUID.randomUUID();
        return new MessageSent(
                UUID.randomUUID(),
                1,
                clock,
                conversation,
                commandId,
                UUID.randomUUID(),
                seq,
                sender,
                "c-" + seq,
                "hello",
                MessageKind.TEXT,
                List.of(),
                List.of(alice, bob));
    }

    private ReadAdvanced read(UUID conversation, UUID user, long seq) {
        return new ReadAdvanced(UUID.randomUUID(), 1, clock, conversation, UUID.randomUUID(), user, seq);
    }

    private long storedTotal(UUID user) {
        byte[] bytes = userStore.get(UserUnreadProcessor.totalKey(user));
        return bytes == null ? 0 : StoreJson.read(bytes, UserUnreadTotal.class).total();
    }

    private long storedCount(UUID user, UUID conversation) {
        return UserUnreadProcessor.position(userStore, user, conversation).unread();
    }

    @Test
    void messageMakesTheRecipientsCountGoFromZeroToOne() {
        created(first);

        List<UnreadChanged> changes = pipe(message(first, 1, alice));

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.userId()).isEqualTo(bob);
            assertThat(change.conversationId()).isEqualTo(first);
            assertThat(change.unreadCount()).isEqualTo(1);
            assertThat(change.totalUnread()).isEqualTo(1);
            assertThat(change.lastSeq()).isEqualTo(1);
            assertThat(change.lastReadSeq()).isZero();
            assertThat(change.occurredAt()).isEqualTo(clock);
        });
        assertThat(storedCount(bob, first)).isEqualTo(1);
        assertThat(storedTotal(bob)).isEqualTo(1);
        UnreadLedger ledger = StoreJson.read(conversationStore.get(first.toString()), UnreadLedger.class);
        assertThat(ledger.lastSeq()).isEqualTo(1);
        assertThat(ledger.unreadOf(bob)).isEqualTo(1);
    }

    @Test
    void emitsKeyedByUserThroughTheNamedRepartition() {
        created(first);
        clock = clock.plusMillis(10);

        events.pipeInput(first.toString(), message(first, 1, alice), clock);

        TestRecord<String, UnreadEvent> record = unread.readRecord();
        assertThat(record.key()).isEqualTo(bob.toString());
        assertThat(driver.producedTopicNames()).contains(APPLICATION_ID + "-unread-by-user-repartition");
    }

    @Test
    void keepsTheMessagesTraceThroughTheRepartitionOnTheCount() {
        created(first);
        clock = clock.plusMillis(10);
        String traceId = TraceParent.newTraceId();
        RecordHeaders headers = new RecordHeaders();
        TraceParent.set(headers, traceId);

        events.pipeInput(new TestRecord<>(first.toString(), message(first, 1, alice), headers, clock));

        TestRecord<String, UnreadEvent> record = unread.readRecord();
        assertThat(record.key()).isEqualTo(bob.toString());
        assertThat(TraceParent.traceIdOf(record.headers())).contains(traceId);
    }

    @Test
    void sendersOwnMessageNeverCountsForThem() {
        created(first);

        pipe(message(first, 1, alice));
        pipe(message(first, 2, alice));

        assertThat(storedCount(alice, first)).isZero();
        assertThat(storedTotal(alice)).isZero();
        assertThat(StoreJson.read(conversationStore.get(first.toString()), UnreadLedger.class)
                        .unreadOf(alice))
                .isZero();
    }

    @Test
    void replyingClearsTheRepliersCount() {
        created(first);
        pipe(message(first, 1, alice));
        pipe(message(first, 2, alice));

        List<UnreadChanged> changes = pipe(message(first, 3, bob));

        assertThat(changes)
                .extracting(UnreadChanged::userId, UnreadChanged::unreadCount, UnreadChanged::totalUnread)
                .containsExactlyInAnyOrder(tuple(alice, 1L, 1L), tuple(bob, 0L, 0L));
    }

    @Test
    void readBringsTheCountBackToZero() {
        created(first);
        pipe(message(first, 1, alice));
        pipe(message(first, 2, alice));

        List<UnreadChanged> changes = pipe(read(first, bob, 2));

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.userId()).isEqualTo(bob);
            assertThat(change.unreadCount()).isZero();
            assertThat(change.totalUnread()).isZero();
            assertThat(change.lastReadSeq()).isEqualTo(2);
        });
        assertThat(storedCount(bob, first)).isZero();
        assertThat(storedTotal(bob)).isZero();
    }

    @Test
    void totalsCountOverTwoConversations() {
        created(first);
        created(second);
        pipe(message(first, 1, alice));
        pipe(message(first, 2, alice));
        List<UnreadChanged> inSecond = pipe(message(second, 1, alice));

        assertThat(inSecond).singleElement().satisfies(change -> {
            assertThat(change.conversationId()).isEqualTo(second);
            assertThat(change.unreadCount()).isEqualTo(1);
            assertThat(change.totalUnread()).isEqualTo(3);
        });

        List<UnreadChanged> afterRead = pipe(read(first, bob, 2));

        assertThat(afterRead).singleElement().satisfies(change -> {
            assertThat(change.conversationId()).isEqualTo(first);
            assertThat(change.unreadCount()).isZero();
            assertThat(change.totalUnread()).isEqualTo(1);
        });
        assertThat(storedTotal(bob)).isEqualTo(1);
        assertThat(storedCount(bob, first)).isZero();
        assertThat(storedCount(bob, second)).isEqualTo(1);
    }

    @Test
    void duplicateMessageSentChangesNothing() {
        created(first);
        created(second);
        MessageSent one = message(first, 1, alice);
        MessageSent two = message(first, 2, alice);
        pipe(one);
        pipe(two);
        pipe(message(second, 1, alice));
        Map<String, Long> valuesBefore = userValues();
        byte[] ledgerBefore = conversationStore.get(first.toString());

        List<UnreadChanged> afterDuplicates = new ArrayList<>(pipe(two));
        afterDuplicates.addAll(pipe(one));

        assertThat(conversationStore.get(first.toString())).isEqualTo(ledgerBefore);
        assertThat(userValues()).isEqualTo(valuesBefore);
        assertThat(afterDuplicates).as("only current values re-stated").allSatisfy(change -> {
            assertThat(change.unreadCount()).isEqualTo(storedCount(change.userId(), change.conversationId()));
            assertThat(change.totalUnread()).isEqualTo(storedTotal(change.userId()));
        });
        assertThat(afterDuplicates)
                .filteredOn(change -> change.userId().equals(bob))
                .extracting(UnreadChanged::eventId, UnreadChanged::unreadCount, UnreadChanged::totalUnread)
                .as("the same values under the same id")
                .containsOnly(tuple(
                        afterDuplicates.stream()
                                .filter(change -> change.userId().equals(bob))
                                .findFirst()
                                .orElseThrow()
                                .eventId(),
                        2L,
                        3L));
    }

    /** Every user's count per conversation and total, as readers see them. */
    private Map<String, Long> userValues() {
        Map<String, Long> values = new HashMap<>();
        for (UUID user : List.of(alice, bob)) {
            values.put(user + " total", storedTotal(user));
            for (UUID conversation : List.of(first, second)) {
                values.put(user + " " + conversation, storedCount(user, conversation));
            }
        }
        return values;
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndProcessingContinues() {
        created(first);
        byte[] garbage = "[1, 2".getBytes(StandardCharsets.UTF_8);

        rawEvents.pipeInput(first.toString(), garbage, clock);
        List<UnreadChanged> after = pipe(message(first, 1, alice));

        TestRecord<byte[], byte[]> deadLetter = deadLetters.readRecord();
        assertThat(deadLetter.value()).isEqualTo(garbage);
        Header reason = deadLetter.headers().lastHeader(DeadLetterProcessingExceptionHandler.HEADER_MESSAGE);
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("ChatEvent");
        assertThat(after).singleElement().extracting(UnreadChanged::unreadCount).isEqualTo(1L);
    }
    /**
     * A crash can leave {@code unread-user-store} at any prefix of its changelog while the updates since the last
     * commit are processed again. From every prefix, processing the updates again must end with the same counts and
     * totals as readers see them, and each user's last {@code unread.changed} must state the same values.
     */
    @Test
    void replayingUpdatesAgainstARestoredUserStoreEndsInTheSameCounts() {
        List<ConversationUnread> updates = List.of(
                new ConversationUnread(bob, first, 1, 0),
                new ConversationUnread(bob, first, 2, 0),
                new ConversationUnread(bob, second, 1, 0),
                new ConversationUnread(bob, first, 3, 0),
                new ConversationUnread(bob, first, 2, 0),
                new ConversationUnread(alice, first, 3, 3),
                new ConversationUnread(bob, second, 2, 1),
                new ConversationUnread(bob, first, 3, 2),
                new ConversationUnread(bob, second, 1, 0),
                new ConversationUnread(bob, second, 4, 1));
        Replay original = replay(driver, updates, List.of());
        assertThat(original.changelog()).hasSizeGreaterThan(updates.size() / 2);

        for (int prefix = 0; prefix <= original.changelog().size(); prefix++) {
            Path dir = stateDir.resolve("restored-" + prefix);
            StreamsSettings settings = new StreamsSettings(
                    APPLICATION_ID, "unused:9092", dir, 1, (short) 1, 0, Duration.ofSeconds(1), DEAD_LETTERS);
            try (TopologyTestDriver restored = new TopologyTestDriver(
                    UnreadCountTopology.build(UnreadTopologyConfig.defaults()), settings.toProperties(), START)) {
                Replay again = replay(restored, updates, original.changelog().subList(0, prefix));
                assertThat(again.values()).as("counts after prefix %d", prefix).isEqualTo(original.values());
                assertThat(again.lastChanges())
                        .as("last unread.changed after prefix %d", prefix)
                        .isEqualTo(original.lastChanges());
            }
        }
    }

    private record Replay(
            List<org.apache.kafka.streams.KeyValue<String, byte[]>> changelog,
            Map<String, Long> values,
            Map<String, List<Long>> lastChanges) {}

    private Replay replay(
            TopologyTestDriver target,
            List<ConversationUnread> updates,
            List<org.apache.kafka.streams.KeyValue<String, byte[]>> restore) {
        KeyValueStore<String, byte[]> store = target.getKeyValueStore(UnreadCountTopology.USER_STORE);
        restore.forEach(entry -> store.put(entry.key, entry.value));
        TestOutputTopic<String, byte[]> changelog = target.createOutputTopic(
                APPLICATION_ID + "-" + UnreadCountTopology.USER_STORE + "-changelog",
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new ByteArrayDeserializer());
        changelog.readKeyValuesToList();
        TestInputTopic<String, ConversationUnread> repartition = target.createInputTopic(
                APPLICATION_ID + "-" + UnreadCountTopology.REPARTITION + "-repartition",
                new StringSerializer(),
                UnreadCountTopology.CONVERSATION_UNREAD_SERDE.serializer());
        TestOutputTopic<String, UnreadEvent> output = target.createOutputTopic(
                Topics.CHAT_UNREAD.name(),
                Topics.CHAT_UNREAD.keySerde().deserializer(),
                Topics.CHAT_UNREAD.valueSerde().deserializer());
        Instant time = START;
        for (ConversationUnread update : updates) {
            time = time.plusMillis(10);
            repartition.pipeInput(update.userId().toString(), update, time);
        }
        Map<String, List<Long>> lastChanges = new HashMap<>();
        for (UnreadEvent event : output.readValuesToList()) {
            UnreadChanged change = (UnreadChanged) event;
            lastChanges.put(
                    change.userId().toString(),
                    List.of(change.unreadCount(), change.totalUnread(), change.lastSeq(), change.lastReadSeq()));
        }
        Map<String, Long> values = new HashMap<>();
        for (UUID user : List.of(alice, bob)) {
            byte[] total = store.get(UserUnreadProcessor.totalKey(user));
            values.put(
                    user + " total",
                    total == null
                            ? 0
                            : StoreJson.read(total, UserUnreadTotal.class).total());
            for (UUID conversation : List.of(first, second)) {
                values.put(
                        user + " " + conversation,
                        UserUnreadProcessor.position(store, user, conversation).unread());
            }
        }
        return new Replay(changelog.readKeyValuesToList(), values, lastChanges);
    }
}
