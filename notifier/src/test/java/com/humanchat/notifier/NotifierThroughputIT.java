package com.humanchat.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.humanchat.infra.embedded.DatabaseCoordinates;
import com.humanchat.infra.embedded.SharedTestInfra;
import com.humanchat.migrations.Migrations;
import com.humanchat.notifier.config.NotifierConfig;
import com.humanchat.ops.mail.SmtpServer;
import com.humanchat.schemas.TopicProvisioner;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.chat.ChatEvent;
import com.humanchat.schemas.chat.MessageKind;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.schemas.sessions.SessionRequested;
import com.humanchat.schemas.sessions.SessionStatus;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The figures of docs/benchmarks.md ("Notifications"): how many notifications one notifier derives, stores and e-mails
 * per second, and its latencies — event to in-app row, message past its unread delay to the digest, composing to the
 * SMTP server's acceptance — on the shared embedded broker, PostgreSQL and GreenMail. Every one arrives exactly once.
 * On demand only ({@code -Dnotifier.benchmark=true}): a measurement, not a check the suite needs to run each time.
 */
@EnabledIfSystemProperty(named = "notifier.benchmark", matches = "true")
class NotifierThroughputIT {

    private static final int EVENTS = 1_000;
    private static final int MESSAGES = 300;
    private static final Duration DELAY = Duration.ofSeconds(1);

    @Test
    void measuresThroughputAndLatenciesAndDeliversEachNotificationOnce() throws Exception {
        SharedTestInfra infra = SharedTestInfra.get();
        DatabaseCoordinates db = infra.newDatabase("notifier_bench");
        Migrations.apply(db.jdbcUrl(), db.user(), db.password());
        TopicProvisioner.ensureTopics(infra.kafkaBootstrap(), 3, (short) 1);
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<UUID> hosts = users(db, EVENTS, "host");
        UUID guest = users(db, 1, "guest").getFirst();
        List<UUID> readers = users(db, MESSAGES, "reader");

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                infra.kafkaBootstrap(),
                                ProducerConfig.LINGER_MS_CONFIG,
                                5),
                        new StringSerializer(),
                        new ByteArraySerializer());
                Notifier notifier = Notifier.start(
                        new NotifierConfig(
                                infra.kafkaBootstrap(),
                                NotifierFixtures.postgresUrl(db),
                                new SmtpServer(
                                        "127.0.0.1", smtp.getSmtp().getPort(), null, null, false, "n@humanchat.test"),
                                null,
                                "http://localhost:8080",
                                "notifier-bench-secret-0123456789abcdef0123456789",
                                DELAY,
                                5,
                                Duration.ofMillis(200),
                                "notifier-bench-" + UUID.randomUUID()),
                        registry,
                        Clock.systemUTC())) {
            // 1. session requests: one in-app notification and one e-mail each
            long started = System.nanoTime();
            for (UUID host : hosts) {
                Session session = NotifierFixtures.freeSession(guest, host, null, 30, SessionStatus.REQUESTED);
                SessionEvent event = new SessionRequested(
                        UUID.randomUUID(), 1, Instant.now(), session.sessionId(), UUID.randomUUID(), session);
                producer.send(new ProducerRecord<>(
                        Topics.SESSIONS_EVENTS.name(),
                        event.key(),
                        Topics.SESSIONS_EVENTS.valueSerde().serializer().serialize("", event)));
            }
            producer.flush();
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() ->
                            count(db, "select count(*) from notifications where kind = 'session.requested'") == EVENTS);
            double inAppSeconds = (System.nanoTime() - started) / 1e9;
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> smtp.getReceivedMessages().length == EVENTS);
            double emailSeconds = (System.nanoTime() - started) / 1e9;

            // 2. one unread message to each reader: one digest each, once its delay has passed
            for (UUID reader : readers) {
                ChatEvent message = new MessageSent(
                        UUID.randomUUID(),
                        1,
                        Instant.now(),
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        1,
                        guest,
                        "bench-" + UUID.randomUUID(),
                        "hello",
                        MessageKind.TEXT,
                        List.of(),
                        List.of(guest, reader));
                producer.send(new ProducerRecord<>(
                        Topics.CHAT_EVENTS.name(),
                        message.key(),
                        Topics.CHAT_EVENTS.valueSerde().serializer().serialize("", message)));
            }
            producer.flush();
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() ->
                            count(db, "select count(*) from notifications where kind = 'messages.unread'") == MESSAGES);
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> smtp.getReceivedMessages().length == EVENTS + MESSAGES);
            Thread.sleep(2_000);

            assertThat(smtp.getReceivedMessages()).hasSize(EVENTS + MESSAGES);
            assertThat(count(db, "select count(*) from notification_deliveries where status = 'sent'"))
                    .isEqualTo(EVENTS + MESSAGES);
            Timer inApp = registry.get("humanchat.notifier.in_app.latency").timer();
            Timer email = registry.get("humanchat.notifier.email.latency").timer();
            System.out.printf(
                    "NOTIFIER BENCHMARK: %d session events → %d in-app rows in %.2f s (%.0f notifications/s), their"
                            + " %d e-mails sent by %.2f s (%.0f e-mails/s); in-app latency (event → row; digest: past"
                            + " the %d s delay → row) %s; e-mail latency (composed → SMTP accepted) %s%n",
                    EVENTS,
                    EVENTS,
                    inAppSeconds,
                    EVENTS / inAppSeconds,
                    EVENTS,
                    emailSeconds,
                    EVENTS / emailSeconds,
                    DELAY.toSeconds(),
                    percentiles(inApp),
                    percentiles(email));
        } finally {
            smtp.stop();
        }
    }

    private static String percentiles(Timer timer) {
        StringBuilder text = new StringBuilder();
        for (ValueAtPercentile p : timer.takeSnapshot().percentileValues()) {
            text.append(String.format("p%.0f=%.1f ms ", p.percentile() * 100, p.value(TimeUnit.MILLISECONDS)));
        }
        return text.append("max=")
                .append(String.format("%.1f ms", timer.max(TimeUnit.MILLISECONDS)))
                .toString();
    }

    private static List<UUID> users(DatabaseCoordinates db, int n, String prefix) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                PreparedStatement insert = c.prepareStatement(
                        "insert into users (id, email, display_name, email_verified_at) values (?, ?, ?, now())")) {
            for (int i = 0; i < n; i++) {
                UUID id = UUID.randomUUID();
                insert.setObject(1, id);
                insert.setString(2, prefix + "-" + id + "@example.com");
                insert.setString(3, prefix + " " + i);
                insert.addBatch();
                ids.add(id);
            }
            insert.executeBatch();
        }
        return ids;
    }

    private static long count(DatabaseCoordinates db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                PreparedStatement select = c.prepareStatement(sql);
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
