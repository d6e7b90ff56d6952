package com.humanchat.notifier;

import static com.humanchat.notifier.NotifierFixtures.postgresUrl;
import static com.humanchat.notifier.NotifierFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import biweekly.Biweekly;
import biweekly.component.VEvent;
import com.humanchat.infra.embedded.DatabaseCoordinates;
import com.humanchat.infra.embedded.SharedTestInfra;
import com.humanchat.migrations.Migrations;
import com.humanchat.notifier.config.NotifierConfig;
import com.humanchat.ops.mail.SmtpServer;
import com.humanchat.schemas.Envelope;
import com.humanchat.schemas.Topic;
import com.humanchat.schemas.TopicProvisioner;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.chat.ChatEvent;
import com.humanchat.schemas.chat.MessageKind;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.chat.ReadAdvanced;
import com.humanchat.schemas.config.Settings;
import com.humanchat.schemas.sessions.CalendarFile;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.schemas.sessions.SessionStatus;
import com.humanchat.schemas.sessions.SessionStatusChanged;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's e-mail guarantees against a real broker, a real PostgreSQL and a real SMTP server in this JVM (GreenMail):
 * three unread messages make exactly one digest; messages read within the delay make none; and a notifier SIGKILLed
 * after composing a digest into its sent-ledger and before sending it sends it exactly once after its restart; a
 * confirmed session's e-mail carries its {@code .ics}.
 */
class NotifierIT {

    private static final Duration DELAY = Duration.ofSeconds(4);
    private static final String SECRET = "notifier-it-secret-0123456789abcdef0123456789";

    private static SharedTestInfra infra;
    private static DatabaseCoordinates database;
    private static GreenMail smtp;
    private static Notifier notifier;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void start() {
        infra = SharedTestInfra.get();
        database = infra.newDatabase("notifier");
        Migrations.apply(database.jdbcUrl(), database.user(), database.password());
        TopicProvisioner.ensureTopics(infra.kafkaBootstrap(), 3, (short) 1);
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        notifier = Notifier.start(
                new NotifierConfig(
                        infra.kafkaBootstrap(),
                        postgresUrl(database),
                        new SmtpServer(
                                "127.0.0.1",
                                smtp.getSmtp().getPort(),
                                null,
                                null,
                                false,
                                "HumanChat <no-reply@humanchat.test>"),
                        null,
                        "http://localhost:8080",
                        SECRET,
                        DELAY,
                        5,
                        Duration.ofMillis(200),
                        "notifier-it-" + UUID.randomUUID()),
                new SimpleMeterRegistry(),
                Clock.systemUTC());
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap()),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    @AfterAll
    static void stop() {
        notifier.close();
        producer.close();
        smtp.stop();
    }

    @Test
    void threeMessagesToAnOfflineRecipientMakeExactlyOneDigest() throws Exception {
        UUID sender = user(database, "Ada Sender", "ada-" + UUID.randomUUID() + "@example.com");
        String address = "grace-" + UUID.randomUUID() + "@example.com";
        UUID recipient = user(database, "Grace Recipient", address);
        UUID conversation = UUID.randomUUID();

        for (int seq = 1; seq <= 3; seq++) {
            send(Topics.CHAT_EVENTS, message(conversation, seq, sender, recipient, "hello number " + seq));
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(smtp, address).size() == 1);
        Thread.sleep(DELAY.multipliedBy(2).toMillis()); // nothing more follows
        List<MimeMessage> mails = mailsTo(smtp, address);
        assertThat(mails).hasSize(1);
        MimeMessage digest = mails.getFirst();
        assertThat(digest.getSubject()).isEqualTo("3 new messages");
        MimeMultipart parts = (MimeMultipart) digest.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        String text = (String) parts.getBodyPart(0).getContent();
        assertThat(text)
                .contains("Ada Sender: hello number 1", "Ada Sender: hello number 2", "Ada Sender: hello number 3")
                .contains("http://localhost:8080/#/c/" + conversation);
        String unsubscribe = "http://localhost:8080/api/notifications/unsubscribe?user=" + recipient + "&sig=";
        assertThat(digest.getHeader("List-Unsubscribe")[0]).startsWith("<" + unsubscribe);
        assertThat(digest.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat((String) parts.getBodyPart(1).getContent()).contains("href=\"" + unsubscribe.replace("&", "&amp;"));

        // the in-app list holds the same digest, once
        assertThat(count(
                        database,
                        "select count(*) from notifications where user_id = ? and kind = 'messages.unread'",
                        recipient))
                .isEqualTo(1);
        assertThat(count(
                        database,
                        "select count(*) from notification_deliveries where user_id = ? and status = 'sent'",
                        recipient))
                .isEqualTo(1);
    }

    @Test
    void aConfirmedSessionsEmailCarriesItsCalendarFileWithStartEndAndVideoLink() throws Exception {
        String guestAddress = "guest-" + UUID.randomUUID() + "@example.com";
        UUID guest = user(database, "Gus Guest", guestAddress);
        UUID host = user(database, "Hana Host", "hana-" + UUID.randomUUID() + "@example.com");
        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
        Session session = NotifierFixtures.freeSession(guest, host, start, 45, SessionStatus.CONFIRMED);

        sendSession(new SessionStatusChanged(
                UUID.randomUUID(),
                1,
                Instant.now(),
                session.sessionId(),
                UUID.randomUUID(),
                host,
                SessionStatus.ACCEPTED,
                SessionStatus.CONFIRMED,
                null,
                session));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(smtp, guestAddress).size() == 1);
        MimeMessage mail = mailsTo(smtp, guestAddress).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Your session is confirmed");
        MimeMultipart mixed = (MimeMultipart) mail.getContent();
        assertThat(mixed.getContentType()).startsWith("multipart/mixed");
        assertThat(((MimeMultipart) mixed.getBodyPart(0).getContent()).getContentType())
                .startsWith("multipart/alternative");
        BodyPart attachment = mixed.getBodyPart(1);
        assertThat(attachment.getContentType()).startsWith("text/calendar").contains("method=PUBLISH");
        assertThat(attachment.getFileName()).isEqualTo("session.ics");
        String ics = new String(attachment.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        VEvent event = Biweekly.parse(ics).first().getEvents().getFirst();
        assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(start);
        assertThat(event.getDateEnd().getValue().toInstant()).isEqualTo(start.plus(Duration.ofMinutes(45)));
        String link = "http://localhost:8080/#/sessions/" + session.sessionId();
        assertThat(event.getUrl().getValue()).isEqualTo(link);
        assertThat(event.getDescription().getValue()).contains(link);
        assertThat(event.getUid().getValue()).isEqualTo(CalendarFile.uid(session));
    }

    @Test
    void messagesReadWithinTheDelayMakeNoDigest() throws Exception {
        UUID sender = user(database, "Ada Sender", "ada-" + UUID.randomUUID() + "@example.com");
        String address = "linus-" + UUID.randomUUID() + "@example.com";
        UUID recipient = user(database, "Linus Reader", address);
        UUID conversation = UUID.randomUUID();

        for (int seq = 1; seq <= 3; seq++) {
            send(Topics.CHAT_EVENTS, message(conversation, seq, sender, recipient, "are you there " + seq));
        }
        send(
                Topics.CHAT_EVENTS,
                new ReadAdvanced(UUID.randomUUID(), 1, Instant.now(), conversation, UUID.randomUUID(), recipient, 3));

        // another recipient's digest, sent after this one would have been due, proves the notifier looked
        String witness = "witness-" + UUID.randomUUID() + "@example.com";
        UUID witnessUser = user(database, "Witness", witness);
        send(Topics.CHAT_EVENTS, message(UUID.randomUUID(), 1, sender, witnessUser, "ping"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(smtp, witness).size() == 1);

        assertThat(mailsTo(smtp, address)).isEmpty();
        assertThat(count(database, "select count(*) from notifications where user_id = ?", recipient))
                .isZero();
    }

    @Test
    void aNotifierKilledBetweenComposingAndSendingSendsTheDigestExactlyOnceAfterItsRestart() throws Exception {
        DatabaseCoordinates own = infra.newDatabase("notifier_crash");
        Migrations.apply(own.jdbcUrl(), own.user(), own.password());
        int smtpPort = freePort(); // nothing listens there yet: the composed digest cannot be sent
        UUID sender = user(own, "Ada Sender", "ada@example.com");
        String address = "crash-" + UUID.randomUUID() + "@example.com";
        UUID recipient = user(own, "Crash Recipient", address);
        UUID conversation = UUID.randomUUID();
        Map<String, String> env = new HashMap<>();
        env.put(Settings.KAFKA_BOOTSTRAP.name(), infra.kafkaBootstrap());
        env.put(
                Settings.PG_URL.name(),
                "postgresql://" + own.user() + ":" + own.password() + "@" + own.host() + ":" + own.port() + "/"
                        + own.database());
        env.put(Settings.SMTP_HOST.name(), "127.0.0.1");
        env.put(Settings.SMTP_PORT.name(), Integer.toString(smtpPort));
        env.put(Settings.SMTP_STARTTLS.name(), "false");
        env.put(Settings.JWT_SECRET.name(), SECRET);
        env.put(Settings.NOTIFY_UNREAD_DELAY_SECONDS.name(), "1");
        env.put(Settings.NOTIFY_MAX_ATTEMPTS.name(), "50");
        env.put(Settings.OPS_HTTP_PORT.name(), "0");

        Process first = launch("notifier-1", env);
        GreenMail late = null;
        Process second = null;
        try {
            for (int seq = 1; seq <= 3; seq++) {
                send(Topics.CHAT_EVENTS, message(conversation, seq, sender, recipient, "while you were away " + seq));
            }
            // composed into the ledger, and at least one attempt refused: between composing and sending
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> count(
                                    own,
                                    "select count(*) from notification_deliveries where user_id = ? and status = 'pending'"
                                            + " and attempts >= 1",
                                    recipient)
                            == 1);
            first.destroyForcibly(); // SIGKILL: nothing is flushed or closed
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

            late = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            late.start();
            second = launch("notifier-2", env);
            GreenMail server = late;
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> mailsTo(server, address).size() == 1);
            Thread.sleep(3_000); // nothing more follows
            assertThat(mailsTo(late, address)).hasSize(1);
            assertThat(mailsTo(late, address).getFirst().getSubject()).isEqualTo("3 new messages");
            assertThat(count(
                            own,
                            "select count(*) from notification_deliveries where user_id = ? and status = 'sent'",
                            recipient))
                    .isEqualTo(1);
        } finally {
            first.destroyForcibly();
            if (second != null) {
                second.destroyForcibly();
                second.waitFor(30, TimeUnit.SECONDS);
            }
            if (late != null) {
                late.stop();
            }
        }
    }

    @Test
    void anEmailTheServerKeepsRefusingIsDeadLetteredAfterItsLastAttemptAndNeverSent() throws Exception {
        DatabaseCoordinates own = infra.newDatabase("notifier_dead");
        Migrations.apply(own.jdbcUrl(), own.user(), own.password());
        UUID sender = user(own, "Ada Sender", "ada@example.com");
        UUID recipient = user(own, "Unreachable", "unreachable-" + UUID.randomUUID() + "@example.com");
        int nowhere = freePort(); // nothing listens: every attempt is refused
        try (KafkaConsumer<String, byte[]> letters = new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                infra.kafkaBootstrap(),
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                "earliest",
                                ConsumerConfig.GROUP_ID_CONFIG,
                                "notifier-dlq-" + UUID.randomUUID()),
                        new StringDeserializer(),
                        new ByteArrayDeserializer());
                Notifier refused = Notifier.start(
                        new NotifierConfig(
                                infra.kafkaBootstrap(),
                                postgresUrl(own),
                                new SmtpServer("127.0.0.1", nowhere, null, null, false, "n@humanchat.test"),
                                null,
                                "http://localhost:8080",
                                SECRET,
                                DELAY,
                                3,
                                Duration.ofMillis(100),
                                "notifier-dead-" + UUID.randomUUID()),
                        new SimpleMeterRegistry(),
                        Clock.systemUTC())) {
            letters.subscribe(List.of(Topics.NOTIFICATIONS_DEAD_LETTERS));
            send(Topics.CHAT_EVENTS, message(UUID.randomUUID(), 1, sender, recipient, "can you hear me"));

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> count(
                                    own,
                                    "select count(*) from notification_deliveries where user_id = ? and status = 'dead'"
                                            + " and attempts = 3",
                                    recipient)
                            == 1);
            List<String> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                letters.poll(Duration.ofMillis(200))
                        .forEach(r -> dead.add(new String(r.value(), StandardCharsets.UTF_8)));
                return dead.stream().anyMatch(v -> v.contains(recipient.toString()));
            });
            assertThat(dead.stream().filter(v -> v.contains(recipient.toString())))
                    .singleElement()
                    .satisfies(v -> assertThat(v).contains("\"channel\":\"email\""));
        }
    }

    // ---- helpers

    private static MessageSent message(UUID conversation, long seq, UUID sender, UUID recipient, String content) {
        return new MessageSent(
                UUID.randomUUID(),
                1,
                Instant.now(),
                conversation,
                UUID.randomUUID(),
                UUID.randomUUID(),
                seq,
                sender,
                "client-" + UUID.randomUUID(),
                content,
                MessageKind.TEXT,
                List.of(),
                List.of(sender, recipient));
    }

    private static <V extends Envelope> void send(Topic<String, ? super V> topic, V event) throws Exception {
        @SuppressWarnings("unchecked")
        Topic<String, ChatEvent> chat = (Topic<String, ChatEvent>) topic;
        producer.send(new ProducerRecord<>(
                        topic.name(),
                        event.key(),
                        chat.valueSerde().serializer().serialize(topic.name(), (ChatEvent) event)))
                .get(10, TimeUnit.SECONDS);
    }

    private static void sendSession(SessionEvent event) throws Exception {
        producer.send(new ProducerRecord<>(
                        Topics.SESSIONS_EVENTS.name(),
                        event.key(),
                        Topics.SESSIONS_EVENTS.valueSerde().serializer().serialize("", event)))
                .get(10, TimeUnit.SECONDS);
    }

    private static List<MimeMessage> mailsTo(GreenMail server, String address) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equals(address));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static long count(DatabaseCoordinates db, String sql, UUID user) throws SQLException {
        try (Connection c = connect(db);
                PreparedStatement select = c.prepareStatement(sql)) {
            select.setObject(1, user);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Connection connect(DatabaseCoordinates db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The notifier as its own JVM, from target/classes and its runtime dependencies in target/lib. */
    private static Process launch(String name, Map<String, String> env) throws IOException {
        Path target = Path.of("target").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dlogback.configurationFile=" + target.resolve("test-classes/logback-test.xml"),
                "-cp",
                target.resolve("classes") + File.pathSeparator + target.resolve("lib") + File.separator + "*",
                NotifierMain.class.getName());
        builder.environment().keySet().removeIf(key -> key.startsWith("HUMANCHAT_"));
        builder.environment().putAll(env);
        Path log = target.resolve("failsafe-reports").resolve(name + ".log");
        Files.createDirectories(log.getParent());
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return builder.start();
    }
}
