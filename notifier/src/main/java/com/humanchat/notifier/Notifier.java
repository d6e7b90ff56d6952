package com.humanchat.notifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.humanchat.notifier.config.NotifierConfig;
import com.humanchat.notifier.domain.Notification;
import com.humanchat.notifier.domain.NotificationKind;
import com.humanchat.notifier.domain.NotificationRules;
import com.humanchat.notifier.mail.EmailComposer;
import com.humanchat.notifier.mail.SmtpSender;
import com.humanchat.notifier.push.PushPayload;
import com.humanchat.notifier.push.WebPushSender;
import com.humanchat.notifier.store.NotificationStore;
import com.humanchat.notifier.store.NotificationStore.Delivery;
import com.humanchat.notifier.store.NotificationStore.Outcome;
import com.humanchat.notifier.store.NotificationStore.Unread;
import com.humanchat.notifier.store.Recipient;
import com.humanchat.ops.Backoff;
import com.humanchat.ops.LoopHeartbeat;
import com.humanchat.ops.SupervisedConsumer;
import com.humanchat.ops.TraceMdc;
import com.humanchat.ops.mail.UnsubscribeLinks;
import com.humanchat.schemas.ConsumerSettings;
import com.humanchat.schemas.Envelope;
import com.humanchat.schemas.Json;
import com.humanchat.schemas.ProducerSettings;
import com.humanchat.schemas.Topic;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.chat.MessageKind;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.chat.ReadAdvanced;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionStatusChanged;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier: one consumer (group {@value NotifierConfig#GROUP_ID}) of the chat, session, request and payment event
 * topics that writes what they cause into PostgreSQL — in-app notifications and their e-mails composed into the
 * sent-ledger, unread messages waiting for the delay — committing offsets only after; and one dispatcher thread that
 * turns messages left unread past the delay into one digest per recipient and sends what the ledger holds (e-mails,
 * push messages to each subscribed device), each notification and channel once. SMTP and push failures are retried
 * with backoff (Failsafe); after the last attempt the notification goes to {@value #DEAD_LETTERS} and is never sent.
 */
public final class Notifier implements AutoCloseable {

    public static final String DEAD_LETTERS = Topics.NOTIFICATIONS_DEAD_LETTERS;
    static final String DLQ_REASON_HEADER = "humanchat.dlq.reason";

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(5);
    /** The shortest pause between two dispatch rounds, which bounds their rate under load. */
    private static final Duration MIN_DISPATCH_PAUSE = Duration.ofMillis(250);
    /** How often an idle dispatcher looks anyway, for work another replica stored and left (it crashed, say). */
    private static final Duration DISPATCH_RESCAN = Duration.ofSeconds(60);
    /** How soon a round that failed (PostgreSQL away) is tried again. */
    private static final Duration DISPATCH_RETRY = Duration.ofSeconds(1);

    private static final int BATCH = 100;
    /** Push messages sent at once (each one its own row lock, HTTP request and commit). */
    private static final int PUSH_CONCURRENCY = 4;

    private static final List<Topic<String, ?>> TOPICS =
            List.of(Topics.CHAT_EVENTS, Topics.SESSIONS_EVENTS, Topics.REQUESTS_EVENTS, Topics.PAYMENTS_EVENTS);

    private final NotifierConfig config;
    private final Clock clock;
    private final MeterRegistry registry;
    private final HikariDataSource dataSource;
    private final NotificationStore store;
    private final NotificationRules rules;
    private final EmailComposer composer;
    private final UnsubscribeLinks unsubscribe;
    private final SmtpSender smtp;
    private final WebPushSender webPush;
    private final KafkaProducer<String, byte[]> producer;
    private final Thread consumerThread;
    private final Thread dispatcher;
    private final DispatchSignal dispatchSignal = new DispatchSignal(MIN_DISPATCH_PAUSE, DISPATCH_RESCAN);
    private final ExecutorService pushSenders;
    private final LoopHeartbeat heartbeat = new LoopHeartbeat(MAX_POLL_INTERVAL);
    private final AtomicInteger retrying = new AtomicInteger();
    private final Timer inAppLatency;
    private final Timer emailLatency;
    private final Timer pushLatency;
    private final SupervisedConsumer<String, byte[]> consumer;
    private volatile boolean running = true;

    private Notifier(NotifierConfig config, MeterRegistry registry, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.registry = registry;
        this.dataSource = dataSource(config);
        this.store = new NotificationStore(dataSource);
        this.rules = new NotificationRules(store::displayName);
        this.composer = new EmailComposer(config.publicUrl());
        this.unsubscribe = new UnsubscribeLinks(config.jwtSecret());
        this.smtp = config.smtp() == null ? null : new SmtpSender(config.smtp());
        this.webPush = config.webPush() == null ? null : new WebPushSender(config.webPush());
        this.producer = new KafkaProducer<>(
                ProducerSettings.reliable(config.kafkaBootstrap(), config.groupId() + "-producer"),
                new StringSerializer(),
                new ByteArraySerializer());
        this.inAppLatency = Timer.builder("humanchat.notifier.in_app.latency")
                .description("From the event (for a digest: its last message becoming due) to the in-app row")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        this.emailLatency = Timer.builder("humanchat.notifier.email.latency")
                .description("From composing an e-mail into the ledger to the SMTP server accepting it")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        this.pushLatency = Timer.builder("humanchat.notifier.push.latency")
                .description("From sending a push message to the push service accepting it")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        this.pushSenders = webPush == null
                ? null
                : Executors.newFixedThreadPool(PUSH_CONCURRENCY, task -> {
                    Thread t = new Thread(task, "notifier-push");
                    t.setDaemon(true);
                    return t;
                });
        this.consumer = new SupervisedConsumer<>(
                "notifier",
                this::newConsumer,
                TOPICS.stream().map(Topic::name).toList(),
                () -> running,
                heartbeat,
                this::store);
        this.consumerThread = new Thread(consumer, "notifier-consumer");
        this.dispatcher = new Thread(this::dispatchUntilClosed, "notifier-dispatcher");
        this.dispatcher.setDaemon(true);
    }

    /**
     * Starts consuming and dispatching, counting into {@code registry} {@code humanchat.notifier.notifications{kind}},
     * {@code humanchat.notifier.emails{outcome}} (sent, retried, dead), {@code humanchat.notifier.pushes{outcome}}
     * (sent, retried, dead, gone) and the latency timers. Says at start what is
     * off. The caller closes it.
     */
    public static Notifier start(NotifierConfig config, MeterRegistry registry, Clock clock) {
        Notifier notifier = new Notifier(config, registry, clock);
        notifier.consumerThread.start();
        notifier.dispatcher.start();
        LOG.info("notifier started: {}", config);
        if (config.smtp() == null) {
            LOG.warn("notifier: no SMTP server configured (HUMANCHAT_SMTP_HOST): e-mail notifications are off;"
                    + " in-app notifications work");
        }
        if (config.webPush() == null) {
            LOG.warn("notifier: no VAPID keys configured (HUMANCHAT_VAPID_PUBLIC_KEY, HUMANCHAT_VAPID_PRIVATE_KEY):"
                    + " Web Push is off; in-app and e-mail notifications work");
        }
        return notifier;
    }

    // ---- consuming: events → PostgreSQL, then commit

    /** Stores what one poll causes in one transaction, wakes the dispatcher, then commits (nothing while stopping). */
    private void store(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        List<Envelope> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            read(record).ifPresent(events::add);
            offsets.put(
                    new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        }
        storeUntilDone(events);
        if (!running) {
            return; // given up while stopping: nothing committed, processed again later, harmlessly
        }
        if (!events.isEmpty()) {
            dispatchSignal.request(); // they may have composed e-mails or moved the next digest
        }
        offsets.keySet().retainAll(consumer.assignment());
        consumer.commitSync(offsets);
    }

    /** The record's event; an unreadable record goes to its {@code .dlq} topic (with its trace id in the log). */
    private Optional<Envelope> read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try (TraceMdc.Scope trace = TraceMdc.of(record.headers())) {
            Topic<String, ?> topic = TOPICS.stream()
                    .filter(t -> t.name().equals(record.topic()))
                    .findFirst()
                    .orElseThrow();
            return Optional.of(
                    (Envelope) topic.valueSerde().deserializer().deserialize(record.topic(), record.value()));
        } catch (SerializationException e) {
            deadLetter(record.topic() + ".dlq", record.key(), record.value(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Stores what a poll's events cause in one transaction — a message and the read position that covers it, polled
     * together, never let a digest in between — retrying with backoff while PostgreSQL is away. Every write is
     * idempotent, so a batch stored again after a crash changes nothing.
     */
    private void storeUntilDone(List<Envelope> events) {
        if (events.isEmpty()) {
            return;
        }
        Backoff backoff = new Backoff(MIN_BACKOFF, MAX_BACKOFF);
        try {
            while (running) {
                try {
                    store.inTransaction(c -> {
                        for (Envelope event : events) {
                            apply(c, event);
                        }
                        return null;
                    });
                    return;
                } catch (SQLException e) {
                    if (backoff.attempts() == 0) {
                        retrying.incrementAndGet();
                    }
                    Duration wait = backoff.next();
                    LOG.warn(
                            "notifier: {} event(s) not stored, retrying in {} ms: {}",
                            events.size(),
                            wait.toMillis(),
                            e.toString());
                    sleep(wait.toMillis());
                }
            }
        } finally {
            if (backoff.attempts() > 0) {
                retrying.decrementAndGet();
            }
        }
    }

    private void apply(Connection c, Envelope event) throws SQLException {
        switch (event) {
            case MessageSent message
            when message.messageType() != MessageKind.SYSTEM -> {
                NotificationStore.recordMessage(c, message);
                for (Notification mention : rules.derive(message)) {
                    deliver(c, mention, List.of(), false, null);
                }
            }
            case ReadAdvanced read -> NotificationStore.recordRead(c, read);
            default -> {
                Session session = event instanceof SessionStatusChanged changed ? changed.session() : null;
                for (Notification notification : rules.derive(event)) {
                    deliver(c, notification, List.of(), false, session);
                }
            }
        }
    }

    /**
     * Adds the notification to its recipient's list and composes it into the sent-ledger for every channel they may
     * get (a push message per subscribed device, an e-mail), not before their quiet hours end; in the caller's
     * transaction. Nothing when it was derived before.
     */
    private void deliver(Connection c, Notification notification, List<String> lines, boolean digest, Session session)
            throws SQLException {
        if (!NotificationStore.insertNotification(c, notification)) {
            return;
        }
        Instant now = clock.instant();
        inAppLatency.record(Duration.between(notification.createdAt(), now).abs());
        Counter.builder("humanchat.notifier.notifications")
                .tag("kind", notification.kind().wire())
                .register(registry)
                .increment();
        if (smtp == null && webPush == null) {
            return;
        }
        Recipient recipient = NotificationStore.recipient(c, notification.userId());
        Instant notBefore = recipient.outsideQuietHours(now);
        if (webPush != null && recipient.pushEnabled()) {
            NotificationStore.composePush(
                    c,
                    notification.id(),
                    notification.userId(),
                    notification.title(),
                    PushPayload.of(notification),
                    now,
                    notBefore);
        }
        if (smtp == null || !recipient.mayEmail()) {
            return;
        }
        String link = unsubscribe.link(config.publicUrl(), notification.userId());
        if (digest) {
            // hourly/daily: at most one digest e-mail per period; the later ones wait for theirs
            Instant last = NotificationStore.lastDigest(c, notification.userId());
            if (last != null && last.plus(recipient.digestPeriod()).isAfter(notBefore)) {
                notBefore = last.plus(recipient.digestPeriod());
            }
            NotificationStore.setLastDigest(c, notification.userId(), notBefore);
        }
        NotificationStore.composeEmail(
                c,
                notification.id(),
                notification.userId(),
                composer.compose(recipient.email(), notification, lines, link, session),
                now,
                notBefore);
    }

    // ---- dispatching: due digests, then the ledger

    /** Rounds until closed, each as {@link DispatchSignal} says: woken by the consumer, at the next due work, or rarely. */
    private void dispatchUntilClosed() {
        try {
            Duration dueIn = Duration.ZERO;
            while (dispatchSignal.awaitNextRound(dueIn)) {
                dispatchSignal.roundStarting();
                dueIn = dispatch();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One round: due digests, then due e-mails; returns how soon the next work falls due (null: nothing waits). */
    private Duration dispatch() {
        try {
            composeDigests();
            if (smtp != null || webPush != null) {
                sendDue();
            }
            List<String> channelsOn = new ArrayList<>();
            if (smtp != null) {
                channelsOn.add(NotificationStore.EMAIL);
            }
            if (webPush != null) {
                channelsOn.add(NotificationStore.PUSH);
            }
            Instant due = store.nextDue(config.unreadDelay(), channelsOn);
            return due == null ? null : Duration.between(clock.instant(), due);
        } catch (SQLException e) {
            LOG.warn("notifier: dispatch failed, trying again shortly: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.error("notifier: dispatch failed", e);
        }
        return DISPATCH_RETRY;
    }

    /** One digest per recipient with a message unread past the delay: every message waiting for them, oldest first. */
    private void composeDigests() throws SQLException {
        Instant now = clock.instant();
        for (UUID user : store.usersWithDueMessages(now, config.unreadDelay(), BATCH)) {
            store.inTransaction(c -> {
                List<Unread> unread = NotificationStore.takeUnread(c, user);
                if (!unread.isEmpty()) {
                    digest(c, user, unread, now);
                }
                return null;
            });
        }
    }

    private void digest(Connection c, UUID user, List<Unread> unread, Instant now) throws SQLException {
        Unread first = unread.getFirst();
        Set<UUID> senders = new LinkedHashSet<>();
        unread.forEach(u -> senders.add(u.senderId()));
        Map<UUID, String> names = new HashMap<>();
        for (UUID sender : senders) {
            names.put(sender, store.displayName(sender));
        }
        String from = String.join(", ", senders.stream().map(names::get).toList());
        String title = unread.size() == 1 ? "New message from " + from : unread.size() + " new messages";
        List<String> lines = unread.stream()
                .map(u -> names.get(u.senderId()) + ": " + u.preview())
                .toList();
        Notification notification = new Notification(
                Notification.idOf(NotificationKind.MESSAGES_UNREAD, first.messageId(), user),
                user,
                NotificationKind.MESSAGES_UNREAD,
                title,
                unread.size() == 1 ? first.preview() : "From " + from,
                "/#/c/" + first.conversationId(),
                first.conversationId(),
                first.messageId(),
                unread.getLast().sentAt().plus(config.unreadDelay()));
        deliver(c, notification, unread.size() == 1 ? List.of() : lines, true, null);
    }

    private void sendDue() throws SQLException {
        List<Future<Void>> pushes = new ArrayList<>();
        // a row of a channel switched off since stays pending until it is on again
        for (Delivery delivery : store.dueDeliveries(clock.instant(), BATCH)) {
            if (!running) {
                break;
            }
            if (NotificationStore.PUSH.equals(delivery.channel())) {
                if (webPush != null) {
                    pushes.add(pushSenders.submit(() -> {
                        send(delivery);
                        return null;
                    }));
                }
            } else if (smtp != null) {
                send(delivery);
            }
        }
        awaitAll(pushes);
    }

    /** Waits for the push messages sent at once; the first PostgreSQL failure among them is the dispatch's. */
    private static void awaitAll(List<Future<Void>> sends) throws SQLException {
        SQLException failed = null;
        for (Future<Void> send : sends) {
            try {
                send.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SQLException sql) {
                    failed = failed == null ? sql : failed;
                } else {
                    LOG.error("notifier: a push send failed", e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /**
     * Sends one ledger row with Failsafe's retries (backoff doubling from the configured first wait to 30 s) for the
     * attempts it has left; the last failure dead-letters it. A push subscription its push service calls gone is
     * deleted and not retried.
     */
    private void send(Delivery delivery) throws SQLException {
        String channel = delivery.channel();
        int left = config.maxAttempts() - delivery.attempts();
        if (left <= 0) {
            giveUp(delivery, "no attempts left");
            return;
        }
        NotificationStore.Send once = NotificationStore.PUSH.equals(channel)
                ? () -> webPush.send(delivery.push(), delivery.email().text())
                : () -> {
                    String link = unsubscribe.link(config.publicUrl(), delivery.userId());
                    smtp.send(delivery.notificationId(), delivery.email(), link);
                    return true;
                };
        RetryPolicy<Outcome> retries = RetryPolicy.<Outcome>builder()
                .handle(Exception.class)
                .abortIf((result, failure) -> !running || failure instanceof SQLException)
                .withBackoff(config.firstRetry(), NotifierConfig.MAX_RETRY)
                .withMaxAttempts(left)
                .onFailedAttempt(attempt -> {
                    count(channel, "retried");
                    LOG.warn(
                            "notifier: {} {} not sent (attempt {}): {}",
                            channel,
                            delivery.notificationId(),
                            delivery.attempts() + attempt.getAttemptCount(),
                            String.valueOf(attempt.getLastException()));
                })
                .build();
        retrying.incrementAndGet();
        try {
            Instant started = clock.instant();
            Outcome outcome = Failsafe.with(retries).get(() -> store.sendOnce(delivery, clock.instant(), once));
            if (outcome == Outcome.SENT) {
                count(channel, "sent");
                (NotificationStore.PUSH.equals(channel) ? pushLatency : emailLatency)
                        .record(Duration.between(started, clock.instant()));
            } else if (outcome == Outcome.GONE) {
                count(channel, "gone");
                LOG.info(
                        "notifier: push subscription {} is gone (404/410): deleted",
                        delivery.push().subscriptionId());
            }
        } catch (FailsafeException e) {
            if (running) {
                giveUp(delivery, String.valueOf(e.getCause()));
            }
        } finally {
            retrying.decrementAndGet();
        }
    }

    /** Dead-letters first, then marks the row dead: a crash in between dead-letters it again, never loses it. */
    private void giveUp(Delivery delivery, String reason) throws SQLException {
        Map<String, Object> letter = Map.of(
                "notificationId", delivery.notificationId(),
                "channel", delivery.channel(),
                "userId", delivery.userId(),
                "reason", reason);
        try {
            deadLetter(DEAD_LETTERS, delivery.userId().toString(), Json.mapper().writeValueAsBytes(letter), reason);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        store.markDead(delivery, reason);
        count(delivery.channel(), "dead");
    }

    private void deadLetter(String topic, String key, byte[] value, String reason) {
        LOG.warn("notifier: {} → {}: {}", key, topic, reason);
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(topic, key, value);
        letter.headers().add(DLQ_REASON_HEADER, String.valueOf(reason).getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(letter).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("dead letter not written to " + topic, e);
        }
    }

    private void count(String channel, String outcome) {
        Counter.builder(
                        NotificationStore.PUSH.equals(channel)
                                ? "humanchat.notifier.pushes"
                                : "humanchat.notifier.emails")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        Map<String, Object> properties = new HashMap<>(ConsumerSettings.longPollFetch());
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, config.groupId() + "-consumer");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static HikariDataSource dataSource(NotifierConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("humanchat-notifier");
        hikari.setJdbcUrl(config.postgres().jdbcUrl());
        hikari.setUsername(config.postgres().user());
        hikari.setPassword(config.postgres().password());
        hikari.setAutoCommit(false);
        // the consumer, the dispatcher, and each push sender holding its row's lock plus one to count a failed attempt
        hikari.setMaximumPoolSize(2 + 2 * PUSH_CONCURRENCY);
        hikari.setConnectionTimeout(2_000);
        hikari.setInitializationFailTimeout(-1);
        hikari.addDataSourceProperty("ApplicationName", "humanchat-notifier");
        return new HikariDataSource(hikari);
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Readiness: alive and neither PostgreSQL, the SMTP server nor a push service is being waited for. */
    public boolean isHealthy() {
        return isLive() && retrying.get() == 0;
    }

    /** Liveness: the consumer loop runs and has polled recently. */
    public boolean isLive() {
        return running && heartbeat.isAlive();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        dispatchSignal.close();
        try {
            consumerThread.join(Duration.ofSeconds(15));
            dispatcher.join(Duration.ofSeconds(15));
            if (pushSenders != null) {
                pushSenders.shutdown();
                pushSenders.awaitTermination(15, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
        dataSource.close();
    }
}
