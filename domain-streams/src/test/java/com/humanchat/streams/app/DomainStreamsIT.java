package com.humanchat.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.humanchat.infra.embedded.SharedTestInfra;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.chat.ChatCommand;
import com.humanchat.schemas.chat.ChatEvent;
import com.humanchat.schemas.chat.ConversationCreated;
import com.humanchat.schemas.chat.ConversationType;
import com.humanchat.schemas.chat.CreateConversation;
import com.humanchat.schemas.chat.MarkRead;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.chat.SendMessage;
import com.humanchat.schemas.chat.UnreadChanged;
import com.humanchat.schemas.chat.UnreadEvent;
import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.PaymentMode;
import com.humanchat.schemas.sessions.RequestSession;
import com.humanchat.schemas.sessions.SessionCommand;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.schemas.sessions.SessionRequested;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topologies against the real in-JVM broker. Topic names are the platform's fixed ones, shared with other tests
 * of this JVM: each run uses its own application ids and asserts only on the conversation and users it created.
 */
class DomainStreamsIT {

    private static final int MESSAGES = 1_000;
    private static final int PRODUCER_THREADS = 4;
    private static final Duration WAIT = Duration.ofSeconds(45);

    @TempDir
    Path stateDir;

    private final UUID conversationId = UUID.randomUUID();
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final String bootstrap = SharedTestInfra.get().kafkaBootstrap();

    private final List<ChatEvent> events = new CopyOnWriteArrayList<>();
    private final Map<UUID, UnreadChanged> latestUnreadByUser = new ConcurrentHashMap<>();
    private final AtomicBoolean listening = new AtomicBoolean(true);
    private ExecutorService background;
    private DomainStreams streams;
    private String instanceId;
    private String conversationsApplication;

    @BeforeEach
    void start() throws InterruptedException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        instanceId = "it-streams-" + run;
        conversationsApplication = "it-conversations-" + run;
        DomainStreamsConfig config = DomainStreamsConfig.fromEnv(Map.of(
                        DomainStreamsConfig.BOOTSTRAP, bootstrap,
                        DomainStreamsConfig.STATE_DIR, stateDir.toString(),
                        DomainStreamsConfig.INSTANCE_ID, instanceId))
                .withApplicationIds(
                        conversationsApplication,
                        "it-unread-" + run,
                        "it-sessions-" + run,
                        "it-requests-" + run,
                        "it-metrics-" + run);
        streams = DomainStreams.start(config);
        assertThat(streams.awaitRunning(WAIT)).as("every topology running").isTrue();
        background = Executors.newFixedThreadPool(PRODUCER_THREADS + 1);
        background.submit(this::listen);
    }

    @AfterEach
    void stop() throws InterruptedException {
        listening.set(false);
        background.shutdown();
        background.awaitTermination(10, TimeUnit.SECONDS);
        streams.close();
        assertThat(streams.isRunning()).isFalse();
    }

    @Test
    void anInstanceIdMakesItsConsumersStaticGroupMembers() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(conversationsApplication))
                    .describedGroups()
                    .get(conversationsApplication)
                    .get(30, TimeUnit.SECONDS);

            // Streams suffixes the configured id per stream thread.
            assertThat(group.members()).isNotEmpty().allSatisfy(member -> assertThat(member.groupInstanceId())
                    .hasValueSatisfying(id -> assertThat(id).startsWith(instanceId + "-")));
        }
    }

    @Test
    void concurrentSendsGetContiguousSeqsAndUnreadFollowsThem() throws Exception {
        try (KafkaProducer<String, ChatCommand> producer = producer()) {
            send(producer, CreateConversation.of(conversationId, alice, ConversationType.DIRECT, List.of(alice, bob)));
            await().atMost(WAIT)
                    .until(() -> !eventsOf(ConversationCreated.class).isEmpty());

            List<Future<?>> senders = new ArrayList<>();
            for (int thread = 0; thread < PRODUCER_THREADS; thread++) {
                int first = thread * (MESSAGES / PRODUCER_THREADS);
                senders.add(background.submit(() -> {
                    List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>();
                    for (int i = first; i < first + MESSAGES / PRODUCER_THREADS; i++) {
                        acks.add(sendAsync(producer, SendMessage.of(conversationId, alice, "c-" + i, "message " + i)));
                    }
                    acks.forEach(CompletableFuture::join);
                }));
            }
            for (Future<?> sender : senders) {
                sender.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }

            await().atMost(WAIT).until(() -> eventsOf(MessageSent.class).size() >= MESSAGES);
            List<MessageSent> sent = eventsOf(MessageSent.class);
            assertThat(sent).hasSize(MESSAGES);
            assertThat(sent.stream().map(MessageSent::seq).sorted().toList())
                    .as("seq 1..%d, no gap, no duplicate", MESSAGES)
                    .isEqualTo(LongStream.rangeClosed(1, MESSAGES).boxed().toList());
            assertThat(sent.stream().map(MessageSent::clientMessageId).distinct())
                    .hasSize(MESSAGES);
            assertThat(sent)
                    .extracting(MessageSent::seq)
                    .as("in seq order on the partition")
                    .isSorted();

            await().atMost(WAIT).untilAsserted(() -> assertThat(latestUnreadByUser.get(bob))
                    .isNotNull()
                    .satisfies(unread -> {
                        assertThat(unread.conversationId()).isEqualTo(conversationId);
                        assertThat(unread.unreadCount()).isEqualTo(MESSAGES);
                        assertThat(unread.totalUnread()).isEqualTo(MESSAGES);
                    }));
            assertThat(latestUnreadByUser.get(alice))
                    .as("own messages are never unread")
                    .isNull();

            send(producer, MarkRead.of(conversationId, bob, MESSAGES));

            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(latestUnreadByUser.get(bob)).satisfies(unread -> {
                        assertThat(unread.unreadCount()).isZero();
                        assertThat(unread.totalUnread()).isZero();
                        assertThat(unread.lastReadSeq()).isEqualTo(MESSAGES);
                    }));
        }
    }

    @Test
    void aSessionRequestIsAnsweredWithSessionRequested() throws Exception {
        RequestSession request = RequestSession.of(
                UUID.randomUUID(),
                alice,
                bob,
                null,
                Instant.now().plus(Duration.ofDays(1)),
                30,
                Money.of(0, "usd"),
                PaymentMode.FREE,
                null,
                null);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, SessionCommand> producer = new KafkaProducer<>(
                props,
                Topics.SESSIONS_COMMANDS.keySerde().serializer(),
                Topics.SESSIONS_COMMANDS.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.SESSIONS_COMMANDS.name(), request.key(), request))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SESSIONS_EVENTS.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<SessionEvent> answers = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (request.key().equals(record.key())) {
                        answers.add(Topics.SESSIONS_EVENTS
                                .valueSerde()
                                .deserializer()
                                .deserialize(record.topic(), record.value()));
                    }
                }
                return !answers.isEmpty();
            });
            assertThat(answers.getFirst()).isInstanceOfSatisfying(SessionRequested.class, requested -> {
                assertThat(requested.commandId()).isEqualTo(request.eventId());
                assertThat(requested.session().hostUserId()).isEqualTo(bob);
            });
        }
    }

    private <T extends ChatEvent> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private KafkaProducer<String, ChatCommand> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        return new KafkaProducer<>(
                props, new StringSerializer(), Topics.CHAT_COMMANDS.valueSerde().serializer());
    }

    private static void send(KafkaProducer<String, ChatCommand> producer, ChatCommand command) {
        sendAsync(producer, command).join();
    }

    private static CompletableFuture<RecordMetadata> sendAsync(
            KafkaProducer<String, ChatCommand> producer, ChatCommand command) {
        CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(Topics.CHAT_COMMANDS.name(), command.key(), command), (metadata, error) -> {
            if (error != null) {
                ack.completeExceptionally(error);
            } else {
                ack.complete(metadata);
            }
        });
        return ack;
    }

    /** Reads every partition of chat.events and chat.unread from the start, keeping what concerns this test. */
    private void listen() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.CHAT_EVENTS.name(), Topics.CHAT_UNREAD.name())) {
                consumer.partitionsFor(topic)
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (listening.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    keep(record);
                }
            }
        }
    }

    private void keep(ConsumerRecord<String, byte[]> record) {
        try {
            if (record.topic().equals(Topics.CHAT_EVENTS.name())) {
                ChatEvent event =
                        Topics.CHAT_EVENTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
                if (event != null && conversationId.equals(event.conversationId())) {
                    events.add(event);
                }
            } else {
                UnreadEvent event =
                        Topics.CHAT_UNREAD.valueSerde().deserializer().deserialize(record.topic(), record.value());
                if (event instanceof UnreadChanged unread
                        && (unread.userId().equals(alice) || unread.userId().equals(bob))) {
                    latestUnreadByUser.put(unread.userId(), unread);
                }
            }
        } catch (RuntimeException unreadable) {
            // another test's poison record: not this test's concern
        }
    }
}
