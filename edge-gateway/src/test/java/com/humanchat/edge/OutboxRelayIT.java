package com.humanchat.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.humanchat.edge.kafka.CommandPublisher;
import com.humanchat.edge.kafka.OutboxRelay;
import com.humanchat.infra.embedded.DatabaseCoordinates;
import com.humanchat.migrations.Migrations;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.users.UserEvent;
import com.humanchat.schemas.users.UserRegistered;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/** The transactional outbox reaches Kafka: once per row, in order, whichever replica relays. */
class OutboxRelayIT {

    @Test
    void aRegistrationIsPublishedToUsersEvents() throws Exception {
        try (TestEdge edge = TestEdge.start("OutboxRelayIT_registration")) {
            JsonObject user = edge.register(TestEdge.uniqueEmail("outbox"), "outbox password", "Outboxed")
                    .getJsonObject("user");
            String userId = user.getString("id");

            UserEvent event = findRecord(Topics.USERS_EVENTS.name(), userId, Duration.ofSeconds(20))
                    .map(bytes ->
                            Topics.USERS_EVENTS.valueSerde().deserializer().deserialize("users.events", bytes))
                    .orElseThrow(() -> new AssertionError("no users.events record with key " + userId));

            assertThat(event).isInstanceOfSatisfying(UserRegistered.class, registered -> {
                assertThat(registered.userId()).hasToString(userId);
                assertThat(registered.displayName()).isEqualTo("Outboxed");
                assertThat(registered.roles()).containsExactly("user");
                assertThat(registered.version()).isEqualTo(1);
            });
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                try (Connection db = edge.jdbc();
                        PreparedStatement query = db.prepareStatement(
                                "select count(*) filter (where published_at is null), count(*) from outbox"
                                        + " where record_key = ?")) {
                    query.setString(1, userId);
                    ResultSet row = query.executeQuery();
                    row.next();
                    assertThat(row.getLong(1)).as("unpublished").isZero();
                    assertThat(row.getLong(2)).as("rows").isEqualTo(1);
                }
            });
        }
    }

    @Test
    void twoReplicasPublishEveryRowOnceAndInOrder() throws Exception {
        DatabaseCoordinates db = migratedDatabase("OutboxRelayIT_replicas");
        String topic = "outbox-relay-it-" + UUID.randomUUID();
        createTopic(topic, 3);
        int rows = 450;

        Vertx vertx = Vertx.vertx();
        List<AutoCloseable> resources = new ArrayList<>();
        List<OutboxRelay> relays = new ArrayList<>();
        try (Connection jdbc = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            insertRows(jdbc, topic, 0, rows / 3);
            for (int replica = 0; replica < 2; replica++) {
                OutboxRelay relay =
                        startRelay(vertx, db, OutboxRelay.FALLBACK_INTERVAL, "relay-it-" + replica, resources);
                relays.add(relay);
            }
            insertRows(jdbc, topic, rows / 3, 2 * rows / 3);
            relays.forEach(OutboxRelay::nudge);
            insertRows(jdbc, topic, 2 * rows / 3, rows);

            List<ConsumerRecord<String, byte[]>> records = consumeAll(topic, rows, Duration.ofSeconds(60));

            Map<String, List<Integer>> sequenceByKey = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                int n = new JsonObject(new String(record.value())).getInteger("n");
                sequenceByKey
                        .computeIfAbsent(record.key(), k -> new ArrayList<>())
                        .add(n);
            }
            assertThat(records).hasSize(rows);
            assertThat(sequenceByKey.values().stream().flatMap(List::stream).distinct())
                    .hasSize(rows);
            sequenceByKey.values().forEach(sequence -> assertThat(sequence).isSorted());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                try (var statement = jdbc.createStatement();
                        ResultSet unpublished =
                                statement.executeQuery("select count(*) from outbox where published_at is null")) {
                    unpublished.next();
                    assertThat(unpublished.getLong(1)).isZero();
                }
            });
        } finally {
            for (OutboxRelay relay : relays) {
                relay.stop().await(10, TimeUnit.SECONDS);
            }
            for (AutoCloseable resource : resources) {
                resource.close();
            }
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    /**
     * A committed row wakes the relay through the trigger's notification: with a fallback round only every ten
     * minutes, a row written by another connection (another replica, say) is still published within seconds.
     */
    @Test
    void aCommittedRowIsPublishedAtOnceWithoutWaitingForTheNextRound() throws Exception {
        DatabaseCoordinates db = migratedDatabase("OutboxRelayIT_notify");
        String topic = "outbox-relay-notify-" + UUID.randomUUID();
        createTopic(topic, 1);

        Vertx vertx = Vertx.vertx();
        List<AutoCloseable> resources = new ArrayList<>();
        OutboxRelay relay = null;
        try (Connection jdbc = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            insertRows(jdbc, topic, 0, 1);
            relay = startRelay(vertx, db, Duration.ofMinutes(10), "relay-notify-it", resources);
            // the first round, at start, publishes the first row; once the relay listens and that round is over,
            // only a notification can wake it
            assertThat(consumeAll(topic, 1, Duration.ofSeconds(30))).hasSize(1);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                try (var statement = jdbc.createStatement();
                        ResultSet listening = statement.executeQuery(
                                "select count(*) from pg_stat_activity where datname = current_database()"
                                        + " and query ilike 'LISTEN%outbox%'")) {
                    listening.next();
                    assertThat(listening.getLong(1)).isOne();
                }
            });

            insertRows(jdbc, topic, 1, 2);

            assertThat(consumeAll(topic, 2, Duration.ofSeconds(30))).hasSize(2);
        } finally {
            if (relay != null) {
                relay.stop().await(10, TimeUnit.SECONDS);
            }
            for (AutoCloseable resource : resources) {
                resource.close();
            }
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private static DatabaseCoordinates migratedDatabase(String name) {
        DatabaseCoordinates db = TestEdge.infra().newDatabase(name);
        Migrations.apply(db.jdbcUrl(), db.user(), db.password());
        return db;
    }

    private static OutboxRelay startRelay(
            Vertx vertx, DatabaseCoordinates db, Duration fallback, String clientId, List<AutoCloseable> resources) {
        PgConnectOptions connect = new PgConnectOptions()
                .setHost(db.host())
                .setPort(db.port())
                .setDatabase(db.database())
                .setUser(db.user())
                .setPassword(db.password());
        Pool pool = PgBuilder.pool().connectingTo(connect).using(vertx).build();
        CommandPublisher publisher =
                new CommandPublisher(vertx, TestEdge.infra().kafkaBootstrap(), Duration.ofSeconds(10), clientId);
        resources.add(publisher);
        resources.add(() -> pool.close().await(10, TimeUnit.SECONDS));
        OutboxRelay relay = new OutboxRelay(vertx, pool, connect, fallback, publisher, new SimpleMeterRegistry());
        relay.start();
        return relay;
    }

    private static void insertRows(Connection jdbc, String topic, int from, int to) throws Exception {
        try (PreparedStatement insert =
                jdbc.prepareStatement("insert into outbox (topic, record_key, payload) values (?, ?, ?::jsonb)")) {
            for (int n = from; n < to; n++) {
                insert.setString(1, topic);
                insert.setString(2, "key-" + (n % 7));
                insert.setString(3, new JsonObject().put("n", n).encode());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestEdge.infra().kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static KafkaConsumer<String, byte[]> consumerFromTheStart(String topic) {
        return TopicReader.fromTheStart(TestEdge.infra().kafkaBootstrap(), List.of(topic));
    }

    private static Optional<byte[]> findRecord(String topic, String key, Duration within) {
        return TopicReader.find(
                        TestEdge.infra().kafkaBootstrap(), List.of(topic), within, record -> key.equals(record.key()))
                .map(ConsumerRecord::value);
    }

    /** Reads until {@code expected} records arrived, then a little longer to catch duplicates. */
    private static List<ConsumerRecord<String, byte[]>> consumeAll(String topic, int expected, Duration within) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumerFromTheStart(topic)) {
            long deadline = System.nanoTime() + within.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            long grace = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < grace) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
