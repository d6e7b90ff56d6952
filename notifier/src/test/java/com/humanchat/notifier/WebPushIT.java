package com.humanchat.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.humanchat.infra.embedded.DatabaseCoordinates;
import com.humanchat.infra.embedded.SharedTestInfra;
import com.humanchat.migrations.Migrations;
import com.humanchat.notifier.config.NotifierConfig;
import com.humanchat.notifier.domain.Notification;
import com.humanchat.notifier.domain.NotificationKind;
import com.humanchat.notifier.push.PushServiceStandIn;
import com.humanchat.notifier.push.PushServiceStandIn.Device;
import com.humanchat.notifier.push.PushServiceStandIn.Received;
import com.humanchat.schemas.Json;
import com.humanchat.schemas.TopicProvisioner;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.config.WebPushKeys;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.schemas.sessions.SessionRequested;
import com.humanchat.schemas.sessions.SessionStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 19's Web Push against a push service in this JVM ({@link PushServiceStandIn}: it verifies the VAPID JWT with
 * nimbus-jose-jwt and decrypts the RFC 8291 body with BouncyCastle, as a browser's push service and the browser would)
 * and a real broker and PostgreSQL: every subscribed device gets each notification once, preferences and quiet hours
 * hold it back, a 410 deletes the subscription for good, a 5xx is retried and then delivered exactly once.
 */
class WebPushIT {

    private static final String SUBJECT = "mailto:push-it@humanchat.test";

    private static SharedTestInfra infra;
    private static DatabaseCoordinates database;
    private static PushServiceStandIn pushService;
    private static Notifier notifier;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void start() throws Exception {
        infra = SharedTestInfra.get();
        database = infra.newDatabase("web_push");
        Migrations.apply(database.jdbcUrl(), database.user(), database.password());
        TopicProvisioner.ensureTopics(infra.kafkaBootstrap(), 3, (short) 1);
        pushService = new PushServiceStandIn(SUBJECT);
        notifier = Notifier.start(
                new NotifierConfig(
                        infra.kafkaBootstrap(),
                        NotifierFixtures.postgresUrl(database),
                        null,
                        WebPushKeys.generate(SUBJECT),
                        "http://localhost:8080",
                        "web-push-it-secret-0123456789abcdef0123456789",
                        Duration.ofSeconds(4),
                        5,
                        Duration.ofMillis(200),
                        "web-push-it-" + UUID.randomUUID()),
                new SimpleMeterRegistry(),
                Clock.systemUTC());
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        infra.kafkaBootstrap(),
                        ProducerConfig.LINGER_MS_CONFIG,
                        1),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    @AfterAll
    static void stop() {
        notifier.close();
        producer.close();
        pushService.close();
    }

    @Test
    void everySubscribedDeviceGetsTheNotificationOnceVapidSignedAndEncryptedToIt() throws Exception {
        UUID host = user("Hedy Host");
        UUID guest = user("Grace Guest");
        Device laptop = subscribe(host);
        Device phone = subscribe(host);

        UUID event = sessionRequested(guest, host);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> pushService.received(laptop).size() == 1
                        && pushService.received(phone).size() == 1);
        for (Device device : List.of(laptop, phone)) {
            JsonNode payload = Json.mapper()
                    .readTree(pushService.received(device).getFirst().payload());
            assertThat(payload.get("notificationId").asText())
                    .isEqualTo(Notification.idOf(NotificationKind.SESSION_REQUESTED, event, host)
                            .toString());
            assertThat(payload.get("kind").asText()).isEqualTo("session.requested");
            assertThat(payload.get("title").asText()).contains("Grace Guest");
            assertThat(payload.get("link").asText()).startsWith("/#/");
        }
        assertThat(pushService.rejections()).isEmpty();
        // the row is marked sent after the push service answered, so a moment after it received the request
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count(
                                "select count(*) from notification_deliveries where user_id = ? and status = 'sent'",
                                host)
                        == 2);

        // the same event again (a redelivery): nothing new is pushed; a later event to the witness proves it was read
        send(sessionRequestedEvent(event, guest, host));
        UUID witness = user("Witness");
        Device witnessDevice = subscribe(witness);
        sessionRequested(guest, witness);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> pushService.received(witnessDevice).size() == 1);
        assertThat(pushService.received(laptop)).hasSize(1);
        assertThat(pushService.received(phone)).hasSize(1);
    }

    @Test
    void pushOffInThePreferencesOrQuietHoursHoldItBack() throws Exception {
        UUID guest = user("Grace Guest");
        UUID muted = user("Push Off");
        Device mutedDevice = subscribe(muted);
        preferences(muted, false, null, null);
        UUID sleeping = user("Night Owl");
        Device sleepingDevice = subscribe(sleeping);
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        preferences(sleeping, true, now.minusMinutes(30), now.plusMinutes(30)); // quiet for the next 30 minutes
        UUID awake = user("Awake");
        Device awakeDevice = subscribe(awake);

        sessionRequested(guest, muted);
        sessionRequested(guest, sleeping);
        sessionRequested(guest, awake);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> pushService.received(awakeDevice).size() == 1);
        assertThat(pushService.requests(mutedDevice)).isZero();
        assertThat(pushService.requests(sleepingDevice)).isZero();
        assertThat(count("select count(*) from notification_deliveries where user_id = ?", muted))
                .isZero();
        // composed, waiting for the quiet hours' end
        assertThat(count(
                        "select count(*) from notification_deliveries where user_id = ? and status = 'pending'"
                                + " and channel = 'push' and not_before > now() + interval '25 minutes'",
                        sleeping))
                .isEqualTo(1);
        // in-app notifications are made either way
        assertThat(count("select count(*) from notifications where user_id = ?", muted))
                .isEqualTo(1);
    }

    @Test
    void aSubscriptionThePushServiceCallsGoneIsDeletedAndNeverTriedAgain() throws Exception {
        UUID host = user("Gone Host");
        UUID guest = user("Grace Guest");
        Device gone = subscribe(host);
        Device kept = subscribe(host);
        pushService.answer(gone, 410);

        sessionRequested(guest, host);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> pushService.received(kept).size() == 1 && subscriptions(host) == 1);
        assertThat(pushService.requests(gone)).isEqualTo(1);
        assertThat(pushService.received(gone)).isEmpty();

        sessionRequested(guest, host);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> pushService.received(kept).size() == 2);
        assertThat(pushService.requests(gone)).isEqualTo(1); // never tried again
        assertThat(count("select count(*) from notification_deliveries where user_id = ? and status = 'dead'", host))
                .isZero();
    }

    @Test
    void aPushServiceErrorIsRetriedWithBackoffThenDeliveredExactlyOnce() throws Exception {
        UUID host = user("Retry Host");
        UUID guest = user("Grace Guest");
        Device device = subscribe(host);
        pushService.answer(device, 503, 500);

        sessionRequested(guest, host);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> pushService.received(device).size() == 1);
        UUID witness = user("Witness");
        Device witnessDevice = subscribe(witness);
        sessionRequested(guest, witness);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> pushService.received(witnessDevice).size() == 1);
        assertThat(pushService.requests(device)).isEqualTo(3);
        assertThat(pushService.received(device)).hasSize(1);
        assertThat(count("select attempts from notification_deliveries where user_id = ? and status = 'sent'", host))
                .isEqualTo(3);
    }

    /**
     * Issue 19's measure for push: 200 notifications one at a time (every 20 ms) for the time from the event to the
     * push service receiving its request, then 1,000 at once for what one notifier sustains. On demand only
     * ({@code -Dnotifier.benchmark=true}).
     */
    @Test
    @EnabledIfSystemProperty(named = "notifier.benchmark", matches = "true")
    void measuresTheTimeFromEventToPushAndThePushesPerSecond() throws Exception {
        UUID guest = user("Bench Guest");
        int paced = 200;
        Map<String, Instant> sentAt = new HashMap<>();
        Map<String, Device> devices = new HashMap<>();
        for (int i = 0; i < paced; i++) {
            UUID host = user("Bench Host " + i);
            Device device = subscribe(host);
            UUID event = UUID.randomUUID();
            String id = Notification.idOf(NotificationKind.SESSION_REQUESTED, event, host)
                    .toString();
            devices.put(id, device);
            sentAt.put(id, Instant.now());
            send(sessionRequestedEvent(event, guest, host));
            Thread.sleep(20);
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> devices.values().stream()
                .allMatch(d -> pushService.received(d).size() == 1));
        List<Long> millis = new ArrayList<>();
        for (Map.Entry<String, Device> entry : devices.entrySet()) {
            Received received = pushService.received(entry.getValue()).getFirst();
            millis.add(
                    Duration.between(sentAt.get(entry.getKey()), received.at()).toMillis());
        }
        millis.sort(Long::compare);

        int burst = 1_000;
        List<Device> burstDevices = new ArrayList<>();
        List<SessionEvent> events = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            UUID host = user("Burst Host " + i);
            burstDevices.add(subscribe(host));
            events.add(sessionRequestedEvent(UUID.randomUUID(), guest, host));
        }
        long started = System.nanoTime();
        for (SessionEvent event : events) {
            producer.send(record(event));
        }
        producer.flush();
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> burstDevices.stream()
                        .allMatch(d -> !pushService.received(d).isEmpty()));
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(pushService.rejections()).isEmpty();
        assertThat(burstDevices)
                .allSatisfy(d -> assertThat(pushService.received(d)).hasSize(1));

        // the sending side alone: as many push rows composed into the ledger at once, as the consumer would have
        long composed = System.nanoTime();
        try (Connection c = connect();
                PreparedStatement insert = c.prepareStatement("insert into notification_deliveries (notification_id,"
                        + " channel, subscription_id, user_id, recipient, subject, text_body, html_body, composed_at,"
                        + " not_before) select gen_random_uuid(), 'push', s.id, s.user_id, s.endpoint, 'Ledger',"
                        + " '{\"title\":\"Ledger\",\"body\":\"sent from the ledger\"}', '', now(), now()"
                        + " from push_subscriptions s where s.endpoint = any(?)")) {
            insert.setArray(
                    1,
                    c.createArrayOf(
                            "text",
                            burstDevices.stream().map(pushService::endpoint).toArray()));
            assertThat(insert.executeUpdate()).isEqualTo(burst);
        }
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> burstDevices.stream()
                        .allMatch(d -> pushService.received(d).size() == 2));
        double sendSeconds = (System.nanoTime() - composed) / 1e9;

        System.out.printf(
                "WEB PUSH BENCHMARK: event → push request received by the push service, %d notifications one every"
                        + " 20 ms: p50=%d ms p99=%d ms max=%d ms; %d notifications at once, event → pushed: %.2f s"
                        + " (%.0f pushes/s end to end from one notifier); %d push rows already in the ledger: sent in"
                        + " %.2f s (%.0f pushes/s)%n",
                paced,
                millis.get(paced / 2),
                millis.get((int) Math.ceil(paced * 0.99) - 1),
                millis.getLast(),
                burst,
                seconds,
                burst / seconds,
                burst,
                sendSeconds,
                burst / sendSeconds);
    }

    // ---- helpers

    private static UUID sessionRequested(UUID guest, UUID host) throws Exception {
        UUID event = UUID.randomUUID();
        send(sessionRequestedEvent(event, guest, host));
        return event;
    }

    private static SessionEvent sessionRequestedEvent(UUID eventId, UUID guest, UUID host) {
        Session session = NotifierFixtures.freeSession(guest, host, null, 30, SessionStatus.REQUESTED);
        return new SessionRequested(eventId, 1, Instant.now(), session.sessionId(), UUID.randomUUID(), session);
    }

    private static ProducerRecord<String, byte[]> record(SessionEvent event) {
        return new ProducerRecord<>(
                Topics.SESSIONS_EVENTS.name(),
                event.key(),
                Topics.SESSIONS_EVENTS.valueSerde().serializer().serialize("", event));
    }

    private static void send(SessionEvent event) throws Exception {
        producer.send(record(event)).get(10, TimeUnit.SECONDS);
    }

    private static Device subscribe(UUID user) throws SQLException {
        Device device = pushService.device();
        try (Connection c = connect();
                PreparedStatement insert = c.prepareStatement(
                        "insert into push_subscriptions (id, user_id, endpoint, p256dh, auth) values (?, ?, ?, ?, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, user);
            insert.setString(3, pushService.endpoint(device));
            insert.setString(4, device.p256dh());
            insert.setString(5, device.auth());
            insert.executeUpdate();
        }
        return device;
    }

    private static void preferences(UUID user, boolean push, LocalTime quietStart, LocalTime quietEnd)
            throws SQLException {
        try (Connection c = connect();
                PreparedStatement insert = c.prepareStatement(
                        """
                        insert into notification_preferences (user_id, push_enabled, quiet_hours_start, quiet_hours_end)
                        values (?, ?, ?, ?)""")) {
            insert.setObject(1, user);
            insert.setBoolean(2, push);
            insert.setObject(3, quietStart);
            insert.setObject(4, quietEnd);
            insert.executeUpdate();
        }
    }

    private static long subscriptions(UUID user) throws SQLException {
        return count("select count(*) from push_subscriptions where user_id = ?", user);
    }

    private static UUID user(String name) throws SQLException {
        return NotifierFixtures.user(database, name, UUID.randomUUID() + "@example.com");
    }

    private static long count(String sql, UUID user) throws SQLException {
        try (Connection c = connect();
                PreparedStatement select = c.prepareStatement(sql)) {
            select.setObject(1, user);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }
}
