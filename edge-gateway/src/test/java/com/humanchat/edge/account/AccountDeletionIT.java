package com.humanchat.edge.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.TopicReader;
import com.humanchat.edge.chat.PlatformHarness;
import com.humanchat.edge.chat.PlatformHarness.TestUser;
import com.humanchat.migrations.PostgresUrl;
import com.humanchat.schemas.Topics;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/**
 * Account deletion end to end: asked for over the API, erased by the deletion worker once its clock passes the grace
 * period; afterwards no table holds the account's email, name or bio, the compacted {@code users.events} ends the
 * account's key with a tombstone, the other party's export names it only "Deleted user", and the payments ledger and
 * the messages others keep are still there.
 */
class AccountDeletionIT {

    private static final PlatformHarness PLATFORM = PlatformHarness.get();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void anErasedAccountLeavesNoPersonalDataAndATombstoneOnTheCompactedUsersTopic() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        TestUser leaving = PLATFORM.register("Leaving Person " + marker, "host");
        TestUser staying = PLATFORM.register("Staying Person " + marker);
        String bio = "bio-of-the-leaving-person-" + marker;
        assertThat(PLATFORM.patch("/api/me/profile", leaving.token(), new JsonObject().put("bio", bio))
                        .status())
                .isEqualTo(200);
        UUID conversation = PLATFORM.directConversation(staying, leaving);
        send(leaving, conversation, "a message the other side keeps");
        send(staying, conversation, "an answer from the one staying");

        Answer scheduled = PLATFORM.post("/api/me/deletion", leaving.token(), new JsonObject());
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(200);
        assertThat(scheduled.json().getBoolean("scheduled")).isTrue();
        Instant due = Instant.parse(scheduled.json().getString("deletionDueAt"));
        assertThat(due).isAfter(Instant.now().plus(Duration.ofDays(6)));

        // Within the grace nothing is erased; the worker's clock past it erases the account.
        assertThat(worker(Clock.systemUTC()).eraseDue().await(20, TimeUnit.SECONDS))
                .doesNotContain(leaving.id());
        assertThat(worker(Clock.offset(Clock.systemUTC(), Duration.ofDays(8)))
                        .eraseDue()
                        .await(20, TimeUnit.SECONDS))
                .contains(leaving.id());

        List<String> personal = List.of(leaving.email(), leaving.displayName(), bio);
        assertThat(tablesContaining(personal))
                .as("tables still holding the account's data")
                .isEmpty();

        Answer signIn = PLATFORM.post(
                "/api/auth/login",
                null,
                new JsonObject().put("email", leaving.email()).put("password", "a long enough password"));
        assertThat(signIn.status()).isEqualTo(401);
        JsonObject profile =
                PLATFORM.get("/api/users/" + leaving.id(), staying.token()).json();
        assertThat(profile.getString("displayName")).isEqualTo(AccountDeletion.DELETED_NAME);

        // The other side keeps the conversation: the erased account's message, from "Deleted user".
        Answer messages = PLATFORM.get("/api/conversations/" + conversation + "/messages", staying.token());
        assertThat(messages.body())
                .contains("a message the other side keeps", leaving.id().toString());

        Answer export = PLATFORM.get("/api/me/export", staying.token());
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.body()).contains(AccountDeletion.DELETED_NAME, "an answer from the one staying");
        for (String data : personal) {
            assertThat(export.body()).doesNotContain(data);
        }

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.USERS_EVENTS.name());
            assertThat(admin.describeConfigs(List.of(topic))
                            .all()
                            .get(10, TimeUnit.SECONDS)
                            .get(topic)
                            .get(TopicConfig.CLEANUP_POLICY_CONFIG)
                            .value())
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(lastRecordOf(leaving.id()))
                .hasValueSatisfying(
                        last -> assertThat(last.value()).as("tombstone").isNull()));
    }

    @Test
    void aDeletionCancelledWithinTheGraceErasesNothing() throws Exception {
        TestUser changedMind = PLATFORM.register("Changed Mind");

        assertThat(PLATFORM.post("/api/me/deletion", changedMind.token(), new JsonObject())
                        .status())
                .isEqualTo(200);
        Answer cancelled = send("DELETE", "/api/me/deletion", changedMind.token());
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().getBoolean("scheduled")).isFalse();
        assertThat(worker(Clock.offset(Clock.systemUTC(), Duration.ofDays(30)))
                        .eraseDue()
                        .await(20, TimeUnit.SECONDS))
                .doesNotContain(changedMind.id());

        assertThat(PLATFORM.get("/api/auth/me", changedMind.token()).json().getString("email"))
                .isEqualToIgnoringCase(changedMind.email());
        assertThat(send("DELETE", "/api/me/deletion", changedMind.token()).status())
                .as("nothing left to cancel")
                .isEqualTo(404);
    }

    @Test
    void askingForDeletionEndsEveryOtherSignIn() {
        TestUser owner = PLATFORM.register("Two Devices");
        JsonObject otherDevice = PLATFORM.post(
                        "/api/auth/login",
                        null,
                        new JsonObject().put("email", owner.email()).put("password", "a long enough password"))
                .json();

        assertThat(PLATFORM.post("/api/me/deletion", owner.token(), new JsonObject())
                        .status())
                .isEqualTo(200);

        assertThat(PLATFORM.post(
                                "/api/auth/refresh",
                                null,
                                new JsonObject().put("refreshToken", otherDevice.getString("refreshToken")))
                        .status())
                .isEqualTo(401);
        assertThat(PLATFORM.get("/api/me/deletion", owner.token()).json().getBoolean("scheduled"))
                .isTrue();
    }

    private static AccountDeletion worker(Clock clock) {
        var services = PLATFORM.edge().services();
        return new AccountDeletion(services.pg(), clock, Duration.ofDays(7), services.signInSessions(), () -> {});
    }

    private static void send(TestUser sender, UUID conversation, String content) {
        Answer sent = PLATFORM.post(
                "/api/conversations/" + conversation + "/messages",
                sender.token(),
                new JsonObject()
                        .put("clientMessageId", UUID.randomUUID().toString())
                        .put("content", content));
        assertThat(sent.status()).as(sent.toString()).isIn(201, 202);
        await().atMost(WAIT)
                .until(() -> PLATFORM.get("/api/conversations/" + conversation + "/messages", sender.token())
                        .body()
                        .contains(content));
    }

    private static Answer send(String method, String path, String token) {
        return PLATFORM.send(HttpRequest.newBuilder(PLATFORM.uri(PLATFORM.edge(), path))
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** Every table of the read models with a row whose text holds one of {@code values}. */
    private static List<String> tablesContaining(List<String> values) throws SQLException {
        PostgresUrl url = PostgresUrl.parse(PLATFORM.environment().get("HUMANCHAT_PG_URL"));
        List<String> found = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = connection
                    .createStatement()
                    .executeQuery("select table_name from information_schema.tables"
                            + " where table_schema = 'public' and table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertThat(tables).contains("users", "messages", "requests", "outbox", "session_reviews");
            for (String table : tables) {
                for (String value : values) {
                    try (var query = connection.prepareStatement(
                            "select count(*) from \"" + table + "\" t where strpos(lower(t::text), lower(?)) > 0")) {
                        query.setString(1, value);
                        try (ResultSet count = query.executeQuery()) {
                            count.next();
                            if (count.getLong(1) > 0) {
                                found.add(table + " holds '" + value + "'");
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static Optional<ConsumerRecord<String, byte[]>> lastRecordOf(UUID userId) {
        ConsumerRecord<String, byte[]> last = null;
        try (KafkaConsumer<String, byte[]> consumer =
                TopicReader.fromTheStart(kafka(), List.of(Topics.USERS_EVENTS.name()))) {
            var end = consumer.endOffsets(consumer.assignment());
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline
                    && end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals(userId.toString())) {
                        last = record;
                    }
                }
            }
        }
        return Optional.ofNullable(last);
    }

    private static String kafka() {
        return PLATFORM.environment().get("HUMANCHAT_KAFKA_BOOTSTRAP");
    }
}
