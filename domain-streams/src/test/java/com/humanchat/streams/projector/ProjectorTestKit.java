package com.humanchat.streams.projector;

import static org.awaitility.Awaitility.await;

import com.humanchat.infra.embedded.DatabaseCoordinates;
import com.humanchat.infra.embedded.SharedTestInfra;
import com.humanchat.migrations.Migrations;
import com.humanchat.migrations.PostgresUrl;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.chat.ChatEvent;
import com.humanchat.schemas.chat.ConversationCreated;
import com.humanchat.schemas.chat.ConversationIds;
import com.humanchat.schemas.chat.ConversationType;
import com.humanchat.schemas.chat.MessageDeleted;
import com.humanchat.schemas.chat.MessageEdited;
import com.humanchat.schemas.chat.MessageKind;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.chat.ReadAdvanced;
import com.humanchat.schemas.chat.UnreadChanged;
import com.humanchat.schemas.chat.UnreadEvent;
import com.humanchat.schemas.requests.ManagedRequest;
import com.humanchat.schemas.requests.RequestCreated;
import com.humanchat.schemas.requests.RequestEvent;
import com.humanchat.schemas.requests.RequestStatus;
import com.humanchat.schemas.requests.RequestStatusChanged;
import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.PaymentMode;
import com.humanchat.schemas.sessions.ReviewAnswered;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.schemas.sessions.SessionRequested;
import com.humanchat.schemas.sessions.SessionReviewed;
import com.humanchat.schemas.sessions.SessionStatus;
import com.humanchat.schemas.sessions.SessionStatusChanged;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One test's world: topics of its own on the shared broker, a fresh migrated database, producers of typed events, and
 * ways to look at the group's offsets and the projected rows.
 */
final class ProjectorTestKit implements AutoCloseable {

    static final SharedTestInfra INFRA = SharedTestInfra.get();
    static final Duration WAIT = Duration.ofSeconds(30);
    static final int PARTITIONS = 3;

    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** Whole milliseconds: what timestamptz keeps of an instant, and what JSON carries. */
    private static final Instant EPOCH = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    final String id;
    final String eventsTopic;
    final String unreadTopic;
    final String sessionsTopic;
    final String requestsTopic;
    final PostgresUrl postgres;
    private final ProjectedRows rows;
    private final Admin admin;
    private final KafkaProducer<String, ChatEvent> events;
    private final KafkaProducer<String, UnreadEvent> unread;
    private final KafkaProducer<String, SessionEvent> sessions;
    private final KafkaProducer<String, RequestEvent> requests;
    private final KafkaProducer<byte[], byte[]> raw;

    private ProjectorTestKit(String prefix, PostgresUrl postgres) {
        this.id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "-" + COUNTER.incrementAndGet();
        this.eventsTopic = "chat.events." + id;
        this.unreadTopic = "chat.unread." + id;
        this.sessionsTopic = "sessions.events." + id;
        this.requestsTopic = "requests.events." + id;
        this.postgres = postgres;
        this.rows = new ProjectedRows(postgres);
        String bootstrap = INFRA.kafkaBootstrap();
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        createTopics();
        Map<String, Object> producerProperties = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                0);
        this.events = new KafkaProducer<>(
                producerProperties,
                Topics.CHAT_EVENTS.keySerde().serializer(),
                Topics.CHAT_EVENTS.valueSerde().serializer());
        this.unread = new KafkaProducer<>(
                producerProperties,
                Topics.CHAT_UNREAD.keySerde().serializer(),
                Topics.CHAT_UNREAD.valueSerde().serializer());
        this.sessions = new KafkaProducer<>(
                producerProperties,
                Topics.SESSIONS_EVENTS.keySerde().serializer(),
                Topics.SESSIONS_EVENTS.valueSerde().serializer());
        this.requests = new KafkaProducer<>(
                producerProperties,
                Topics.REQUESTS_EVENTS.keySerde().serializer(),
                Topics.REQUESTS_EVENTS.valueSerde().serializer());
        this.raw = new KafkaProducer<>(producerProperties, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Topics of its own and a fresh database on the shared PostgreSQL, migrated. */
    static ProjectorTestKit create(String prefix) {
        DatabaseCoordinates db = INFRA.newDatabase("projector_" + prefix);
        Migrations.apply(db.jdbcUrl(), db.user(), db.password());
        return new ProjectorTestKit(
                prefix, new PostgresUrl(db.host(), db.port(), db.database(), db.user(), db.password()));
    }

    /** Topics of its own, and a database the caller made and migrated. */
    static ProjectorTestKit create(String prefix, PostgresUrl postgres) {
        return new ProjectorTestKit(prefix, postgres);
    }

    ProjectorConfig config(int threads) {
        return new ProjectorConfig(
                INFRA.kafkaBootstrap(),
                postgres,
                threads,
                ProjectorConfig.DEFAULT_MAX_BATCH,
                "projector-" + id,
                eventsTopic,
                unreadTopic,
                sessionsTopic,
                requestsTopic,
                PARTITIONS,
                (short) 1);
    }

    private void createTopics() {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : List.of(eventsTopic, unreadTopic, sessionsTopic, requestsTopic)) {
            topics.add(new NewTopic(topic, PARTITIONS, (short) 1));
            topics.add(new NewTopic(Topics.deadLetterOf(topic), 1, (short) 1));
        }
        try {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not create the test topics", e);
        }
    }

    // ----- producing

    void send(ChatEvent... chatEvents) {
        for (ChatEvent event : chatEvents) {
            get(events.send(new ProducerRecord<>(eventsTopic, event.key(), event)));
        }
    }

    void send(UnreadEvent... unreadEvents) {
        for (UnreadEvent event : unreadEvents) {
            get(unread.send(new ProducerRecord<>(unreadTopic, event.key(), event)));
        }
    }

    void send(SessionEvent... sessionEvents) {
        for (SessionEvent event : sessionEvents) {
            get(sessions.send(new ProducerRecord<>(sessionsTopic, event.key(), event)));
        }
    }

    void send(RequestEvent... requestEvents) {
        for (RequestEvent event : requestEvents) {
            get(requests.send(new ProducerRecord<>(requestsTopic, event.key(), event)));
        }
    }

    void sendRaw(String topic, String key, byte[] value) {
        get(raw.send(new ProducerRecord<>(topic, key == null ? null : key.getBytes(), value)));
    }

    private static <T> T get(java.util.concurrent.Future<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("send failed", e);
        }
    }

    // ----- events

    static Instant at(int second) {
        return EPOCH.plusSeconds(second);
    }

    static ConversationCreated created(UUID conversation, UUID creator, List<UUID> participants, Instant at) {
        return new ConversationCreated(
                UUID.nameUUIDFromBytes(("created:" + conversation).getBytes()),
                1,
                at,
                conversation,
                UUID.randomUUID(),
                creator,
                participants.size() == 2 ? ConversationType.DIRECT : ConversationType.GROUP,
                participants);
    }

    static MessageSent sent(
            UUID conversation, long seq, UUID sender, String content, List<UUID> participants, Instant at) {
        return new MessageSent(
                UUID.nameUUIDFromBytes(("event:" + conversation + seq).getBytes()),
                1,
                at,
                conversation,
                UUID.randomUUID(),
                UUID.nameUUIDFromBytes(("message:" + conversation + seq).getBytes()),
                seq,
                sender,
                "client-" + seq,
                content,
                MessageKind.TEXT,
                List.of(),
                participants);
    }

    static MessageEdited edited(UUID conversation, long seq, UUID editor, String content, Instant at) {
        return new MessageEdited(
                UUID.randomUUID(), 1, at, conversation, UUID.randomUUID(), seq, editor, content, List.of(editor));
    }

    static MessageDeleted deleted(UUID conversation, long seq, UUID by, Instant at) {
        return new MessageDeleted(UUID.randomUUID(), 1, at, conversation, UUID.randomUUID(), seq, by, List.of(by));
    }

    static ReadAdvanced read(UUID conversation, UUID user, long seq, Instant at) {
        return new ReadAdvanced(UUID.randomUUID(), 1, at, conversation, UUID.randomUUID(), user, seq);
    }

    static UnreadChanged unread(UUID user, UUID conversation, long lastSeq, long lastReadSeq, long total) {
        return new UnreadChanged(
                UUID.randomUUID(),
                1,
                Instant.now(),
                user,
                conversation,
                Math.max(0, lastSeq - lastReadSeq),
                total,
                lastSeq,
                lastReadSeq);
    }

    /** The session with {@code status} as the session topology would carry it; times move with the status. */
    static Session session(UUID session, UUID guest, UUID host, UUID conversation, SessionStatus status, Instant at) {
        boolean completed = status == SessionStatus.COMPLETED;
        return new Session(
                session,
                guest,
                host,
                conversation,
                at(3600),
                30,
                Money.of(2500, "usd"),
                PaymentMode.PAID,
                status,
                at(0),
                at,
                completed ? at.minusSeconds(1200) : null,
                completed ? at : null,
                completed ? 1200L : null,
                null);
    }

    static SessionRequested sessionRequested(Session session) {
        return new SessionRequested(
                UUID.nameUUIDFromBytes(("requested:" + session.sessionId()).getBytes()),
                1,
                session.requestedAt(),
                session.sessionId(),
                UUID.randomUUID(),
                session);
    }

    static SessionStatusChanged sessionChanged(SessionStatus from, Session session) {
        return new SessionStatusChanged(
                UUID.nameUUIDFromBytes(("changed:" + session.sessionId() + session.status()).getBytes()),
                1,
                session.updatedAt(),
                session.sessionId(),
                UUID.randomUUID(),
                session.hostUserId(),
                from,
                session.status(),
                null,
                session);
    }

    static SessionReviewed reviewed(UUID session, UUID guest, UUID host, int rating, String text, Instant at) {
        return new SessionReviewed(
                UUID.nameUUIDFromBytes(("reviewed:" + session).getBytes()),
                1,
                at,
                session,
                UUID.randomUUID(),
                guest,
                host,
                rating,
                text);
    }

    static ReviewAnswered reviewAnswered(UUID session, UUID host, String text, Instant at) {
        return new ReviewAnswered(
                UUID.nameUUIDFromBytes(("answered:" + session).getBytes()),
                1,
                at,
                session,
                UUID.randomUUID(),
                host,
                text);
    }

    static ManagedRequest managedRequest(
            UUID request, UUID requester, UUID host, UUID manager, RequestStatus status, Instant at) {
        boolean decided = status != RequestStatus.PENDING;
        return new ManagedRequest(
                request,
                requester,
                host,
                manager,
                "Carol",
                "Please?",
                status,
                status == RequestStatus.APPROVED ? ConversationIds.ofApprovedRequest(request) : null,
                at(0),
                decided ? at : null,
                decided ? manager : null,
                decided ? "fine" : null,
                null,
                "Alice",
                "Bob");
    }

    static RequestCreated requestCreated(ManagedRequest request) {
        return new RequestCreated(
                UUID.nameUUIDFromBytes(("created:" + request.requestId()).getBytes()),
                1,
                request.createdAt(),
                request.requestId(),
                UUID.randomUUID(),
                request);
    }

    static RequestStatusChanged requestChanged(ManagedRequest request) {
        return new RequestStatusChanged(
                UUID.nameUUIDFromBytes(("decided:" + request.requestId() + request.status()).getBytes()),
                1,
                request.decidedAt(),
                request.requestId(),
                UUID.randomUUID(),
                request.decidedBy(),
                RequestStatus.PENDING,
                request.status(),
                request.reason(),
                request);
    }

    // ----- offsets

    /** The group's committed offsets of this test's topics (absent partitions have none). */
    Map<TopicPartition, Long> committed(String groupId) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            Map<TopicPartition, Long> result = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    result.put(partition, offset.offset());
                }
            });
            return result;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The log-end offsets of the non-empty partitions of this test's topics. */
    Map<TopicPartition, Long> endOffsets() {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (String topic : List.of(eventsTopic, unreadTopic, sessionsTopic, requestsTopic)) {
            for (int p = 0; p < PARTITIONS; p++) {
                request.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
        }
        try {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                    admin.listOffsets(request).all().get(30, TimeUnit.SECONDS);
            return ends.entrySet().stream()
                    .filter(e -> e.getValue().offset() > 0)
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the group has committed everything produced so far: every record has been projected. */
    void awaitCaughtUp(String groupId) {
        await().atMost(WAIT).until(() -> committed(groupId).equals(endOffsets()));
    }

    /** The records on a dead-letter topic so far. */
    List<ConsumerRecord<byte[], byte[]>> deadLetters(String sourceTopic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        INFRA.kafkaBootstrap(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(Topics.deadLetterOf(sourceTopic), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
            return records;
        }
    }

    // ----- rows

    List<Map<String, Object>> rows(String sql, Object... parameters) {
        return rows.rows(sql, parameters);
    }

    Map<String, Object> row(String sql, Object... parameters) {
        return rows.row(sql, parameters);
    }

    long count(String sql, Object... parameters) {
        return rows.count(sql, parameters);
    }

    Map<String, List<Map<String, Object>>> snapshot() {
        return rows.snapshot();
    }

    @Override
    public void close() {
        events.close(Duration.ofSeconds(5));
        unread.close(Duration.ofSeconds(5));
        sessions.close(Duration.ofSeconds(5));
        requests.close(Duration.ofSeconds(5));
        raw.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
