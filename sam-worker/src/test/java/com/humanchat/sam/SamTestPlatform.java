package com.humanchat.sam;

import static org.awaitility.Awaitility.await;

import com.humanchat.infra.embedded.DatabaseCoordinates;
import com.humanchat.infra.embedded.SharedTestInfra;
import com.humanchat.migrations.Migrations;
import com.humanchat.migrations.PostgresUrl;
import com.humanchat.sam.config.SamWorkerConfig;
import com.humanchat.schemas.SystemActors;
import com.humanchat.schemas.TopicProvisioner;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.TraceParent;
import com.humanchat.schemas.chat.ConversationType;
import com.humanchat.schemas.chat.CreateConversation;
import com.humanchat.schemas.sam.SamRequested;
import com.humanchat.streams.app.DomainStreams;
import com.humanchat.streams.app.DomainStreamsConfig;
import com.humanchat.streams.projector.Projector;
import com.humanchat.streams.projector.ProjectorConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the Sam worker talks to, started once per test JVM: the shared broker and Redis, a fresh migrated database,
 * the domain-streams topologies (which decide Sam's {@code message.send}) and the projector (which writes it to
 * {@code messages}, where the tests count answers).
 */
final class SamTestPlatform {

    static final int PARTITIONS = 3;
    private static SamTestPlatform instance;

    private final String kafka;
    private final String redisUrl;
    private final DatabaseCoordinates database;
    private final KafkaProducer<String, byte[]> producer;

    private SamTestPlatform(String kafka, String redisUrl, DatabaseCoordinates database) {
        this.kafka = kafka;
        this.redisUrl = redisUrl;
        this.database = database;
        this.producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    static synchronized SamTestPlatform get() throws Exception {
        if (instance == null) {
            SharedTestInfra infra = SharedTestInfra.get();
            DatabaseCoordinates database = infra.newDatabase("sam_worker");
            Migrations.apply(database.jdbcUrl(), database.user(), database.password());
            TopicProvisioner.ensureTopics(infra.kafkaBootstrap(), PARTITIONS, (short) 1);
            Map<String, String> env = new HashMap<>();
            env.put(DomainStreamsConfig.BOOTSTRAP, infra.kafkaBootstrap());
            env.put(
                    DomainStreamsConfig.STATE_DIR,
                    Files.createTempDirectory("sam-it-streams").toString());
            env.put(DomainStreamsConfig.PARTITIONS, Integer.toString(PARTITIONS));
            env.put("HUMANCHAT_STREAMS_COMMIT_INTERVAL_MS", "200");
            env.put(PostgresUrl.VARIABLE, pgUrl(database));
            DomainStreams streams = DomainStreams.start(DomainStreamsConfig.fromEnv(env));
            if (!streams.awaitRunning(Duration.ofSeconds(90))) {
                throw new IllegalStateException("domain streams did not start");
            }
            Projector projector = Projector.start(ProjectorConfig.fromEnv(env), new SimpleMeterRegistry());
            instance = new SamTestPlatform(infra.kafkaBootstrap(), infra.redisUrl(), database);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                projector.close();
                streams.close();
            }));
        }
        return instance;
    }

    private static String pgUrl(DatabaseCoordinates database) {
        return "postgresql://" + database.user() + "@" + database.host() + ":" + database.port() + "/"
                + database.database();
    }

    /** A worker configuration on this platform, in a consumer group of its own that starts at the topic's end. */
    SamWorkerConfig config(String geminiKey, String baseUrl, int maxInFlight, int maxAttempts) {
        return new SamWorkerConfig(
                kafka,
                PostgresUrl.parse(pgUrl(database)),
                redisUrl,
                geminiKey,
                "gemini-test",
                baseUrl,
                maxInFlight,
                64,
                maxAttempts,
                Duration.ofMillis(50),
                Duration.ofSeconds(2),
                Duration.ofSeconds(10),
                20,
                0,
                PARTITIONS,
                (short) 1,
                groupAtTheEnd());
    }

    /** A new consumer group whose committed offsets are the current end of {@code sam.requests}. */
    private String groupAtTheEnd() {
        String group = "sam-it-" + UUID.randomUUID();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ConsumerConfig.GROUP_ID_CONFIG, group),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SAM_REQUESTS.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            consumer.endOffsets(partitions).forEach((tp, end) -> ends.put(tp, new OffsetAndMetadata(end)));
            consumer.assign(partitions);
            consumer.commitSync(ends);
        }
        return group;
    }

    /** A user with a fresh Sam conversation, as the edge opens it; returns the conversation id. */
    UUID userWithSamConversation(String name) throws SQLException {
        UUID user = insertUser(name, List.of("user"), "", List.of(), null, null);
        UUID conversation = UUID.randomUUID();
        sendAll(List.of(new ProducerRecord<>(
                Topics.CHAT_COMMANDS.name(),
                conversation.toString(),
                Topics.CHAT_COMMANDS
                        .valueSerde()
                        .serializer()
                        .serialize(
                                "",
                                CreateConversation.of(
                                        conversation,
                                        user,
                                        ConversationType.DIRECT,
                                        List.of(user, SystemActors.SAM))))));
        return conversation;
    }

    /** {@link #userWithSamConversation}, once the conversation is projected: ready to be asked in. */
    UUID projectedSamConversation(String name) throws SQLException {
        UUID conversation = userWithSamConversation(name);
        awaitConversations(List.of(conversation));
        return conversation;
    }

    void awaitConversations(List<UUID> conversations) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(
                                "select count(*) from conversations where id = any (?)",
                                conversations.toArray(UUID[]::new))
                        == conversations.size());
    }

    /** A host who scaled Postgres, at 40.00 USD a session (the price the recorded answers propose), tagged {@code tag}. */
    UUID insertPostgresHost(String name, String tag) throws SQLException {
        return insertUser(name, List.of("user", "host"), "scaled a Postgres cluster", List.of(tag), 4000L, "usd");
    }

    UUID insertUser(String name, List<String> roles, String bio, List<String> tags, Long priceCents, String currency)
            throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = connect();
                PreparedStatement insert = c.prepareStatement("insert into users (id, email, display_name, roles, bio,"
                        + " tags, price_cents, currency) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, id + "@example.test");
            insert.setString(3, name);
            insert.setArray(4, c.createArrayOf("text", roles.toArray()));
            insert.setString(5, bio);
            insert.setArray(6, c.createArrayOf("text", tags.toArray()));
            insert.setObject(7, priceCents);
            insert.setString(8, currency);
            insert.executeUpdate();
        }
        return id;
    }

    /** A session of the host, as the projector writes it. */
    void holdSession(UUID host, Instant start, int minutes, String status) throws SQLException {
        try (Connection c = connect();
                PreparedStatement insert = c.prepareStatement("insert into sessions (id, guest_user_id, host_user_id,"
                        + " start_time, duration_minutes, price_cents, currency, payment_mode, status, requested_at,"
                        + " updated_at) values (?, ?, ?, ?, ?, 0, 'usd', 'free', ?, now(), now())")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, UUID.randomUUID());
            insert.setObject(3, host);
            insert.setObject(4, java.time.OffsetDateTime.ofInstant(start, java.time.ZoneOffset.UTC));
            insert.setInt(5, minutes);
            insert.setString(6, status);
            insert.executeUpdate();
        }
    }

    /** A review of a completed session of {@code host}, as the projector writes it. */
    void review(UUID host, int rating) throws SQLException {
        try (Connection c = connect();
                PreparedStatement insert = c.prepareStatement("insert into session_reviews (session_id, host_id,"
                        + " guest_id, rating, created_at) values (?, ?, ?, ?, now())")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, host);
            insert.setObject(3, UUID.randomUUID());
            insert.setInt(4, rating);
            insert.executeUpdate();
        }
    }

    /** {@code blocker} blocks {@code blocked}, as the edge records it. */
    void block(UUID blocker, UUID blocked) throws SQLException {
        try (Connection c = connect();
                PreparedStatement insert =
                        c.prepareStatement("insert into user_blocks (blocker_id, blocked_id) values (?, ?)")) {
            insert.setObject(1, blocker);
            insert.setObject(2, blocked);
            insert.executeUpdate();
        }
    }

    /** Produces a request as the edge does; returns it. */
    SamRequested ask(UUID conversation, UUID user, String message) {
        return ask(conversation, user, message, null);
    }

    /** Like {@link #ask(UUID, UUID, String)}, the record carrying {@code traceId} (when not null) as its traceparent. */
    SamRequested ask(UUID conversation, UUID user, String message, String traceId) {
        SamRequested request = SamRequested.of(UUID.randomUUID(), conversation, user, message);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                Topics.SAM_REQUESTS.name(),
                conversation.toString(),
                Topics.SAM_REQUESTS.valueSerde().serializer().serialize("", request));
        if (traceId != null) {
            TraceParent.set(record.headers(), traceId);
        }
        sendAll(List.of(record));
        return request;
    }

    /** The user of a conversation created by {@link #userWithSamConversation}. */
    UUID userOf(UUID conversation) throws SQLException {
        try (Connection c = connect();
                PreparedStatement query = c.prepareStatement("select created_by from conversations where id = ?")) {
            query.setObject(1, conversation);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getObject(1, UUID.class);
            }
        }
    }

    void sendAll(List<ProducerRecord<String, byte[]>> records) {
        records.forEach(producer::send);
        producer.flush();
    }

    /** Sam's messages of a conversation in seq order: {@code [clientMessageId, content, actions]}. */
    List<String[]> samMessages(UUID conversation) throws SQLException {
        try (Connection c = connect();
                PreparedStatement query = c.prepareStatement("select client_message_id, content, actions::text"
                        + " from messages where conversation_id = ? and type = 'sam' and sender_id = ? order by seq")) {
            query.setObject(1, conversation);
            query.setObject(2, SystemActors.SAM);
            List<String[]> messages = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    messages.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
                }
            }
            return messages;
        }
    }

    long count(String sql, Object parameter) throws SQLException {
        try (Connection c = connect();
                PreparedStatement query = c.prepareStatement(sql)) {
            if (parameter instanceof Object[] array) {
                query.setArray(1, c.createArrayOf("uuid", array));
            } else if (parameter != null) {
                query.setObject(1, parameter);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    String redisUrl() {
        return redisUrl;
    }

    String kafka() {
        return kafka;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }
}
