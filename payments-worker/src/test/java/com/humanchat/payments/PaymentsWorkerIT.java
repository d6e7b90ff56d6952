package com.humanchat.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.humanchat.infra.embedded.DatabaseCoordinates;
import com.humanchat.infra.embedded.SharedTestInfra;
import com.humanchat.migrations.Migrations;
import com.humanchat.migrations.PostgresUrl;
import com.humanchat.ops.TraceMdc;
import com.humanchat.payments.config.PaymentsConfig;
import com.humanchat.payments.domain.PlatformFee;
import com.humanchat.payments.stripe.StripeStub;
import com.humanchat.payments.stripe.StripeWebhooks;
import com.humanchat.schemas.Envelope;
import com.humanchat.schemas.Json;
import com.humanchat.schemas.SystemActors;
import com.humanchat.schemas.Topic;
import com.humanchat.schemas.TopicProvisioner;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.TraceParent;
import com.humanchat.schemas.chat.SendMessage;
import com.humanchat.schemas.payments.AccountUpdated;
import com.humanchat.schemas.payments.CreatePaymentIntent;
import com.humanchat.schemas.payments.OnboardHost;
import com.humanchat.schemas.payments.PaymentStatus;
import com.humanchat.schemas.payments.PaymentUpdated;
import com.humanchat.schemas.payments.StripeEventReceived;
import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.RefundPolicy;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionRescheduled;
import com.humanchat.schemas.sessions.SessionStatus;
import com.humanchat.schemas.sessions.SessionStatusChanged;
import com.humanchat.schemas.sessions.TransitionSession;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The worker against a real broker, a real PostgreSQL and a local Stripe server through the real SDK: intents with
 * the platform fee and the host as destination, exactly-once Stripe events in any order, refunds per the policy,
 * onboarding, and the revenue figures of the ledger.
 */
class PaymentsWorkerIT {

    private static final long PRICE = 5000;
    /** Shortened, so that an outage longer than it fits in a test. */
    private static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(3);
    /** The worker's clock: what it writes carries this time, however long the test takes. */
    private static final Instant WORKER_TIME = Instant.parse("2031-03-04T05:06:07Z");

    private static final String GROUP = "payments-it-" + UUID.randomUUID();
    private static StripeStub stripe;
    private static DatabaseCoordinates database;
    private static final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private static PaymentsWorker worker;
    private static KafkaProducer<String, byte[]> producer;
    private static final List<Envelope> seen = new CopyOnWriteArrayList<>();
    private static KafkaConsumer<String, byte[]> consumer;
    private static Admin admin;

    @BeforeAll
    static void start() {
        SharedTestInfra infra = SharedTestInfra.get();
        database = infra.newDatabase("payments_worker");
        Migrations.apply(database.jdbcUrl(), database.user(), database.password());
        TopicProvisioner.ensureTopics(infra.kafkaBootstrap(), 3, (short) 1);
        stripe = StripeStub.start();
        worker = PaymentsWorker.start(
                new PaymentsConfig(
                        infra.kafkaBootstrap(),
                        new PostgresUrl(
                                database.host(),
                                database.port(),
                                database.database(),
                                database.user(),
                                database.password()),
                        "sk_test_payments_worker_it",
                        stripe.baseUrl(),
                        new PlatformFee(1000),
                        new RefundPolicy(Duration.ofHours(24)),
                        "http://localhost:8080/#/settings?stripe=return",
                        "http://localhost:8080/#/settings?stripe=refresh",
                        2,
                        MAX_POLL_INTERVAL,
                        GROUP),
                registry,
                Clock.fixed(WORKER_TIME, ZoneOffset.UTC));
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap()),
                new StringSerializer(),
                new ByteArraySerializer());
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        infra.kafkaBootstrap(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic :
                List.of(Topics.PAYMENTS_EVENTS.name(), Topics.SESSIONS_COMMANDS.name(), Topics.CHAT_COMMANDS.name())) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap()));
    }

    @AfterAll
    static void stop() {
        worker.close();
        producer.close();
        consumer.close();
        admin.close();
        stripe.close();
    }

    @Test
    void countsProcessedAndDeadLetteredRecordsAndReportsItselfHealthy() {
        assertThat(worker.isHealthy()).isTrue();
        double processedBefore = count(Topics.SESSIONS_EVENTS, "processed");
        double deadBefore = count(Topics.PAYMENTS_COMMANDS, "dead_lettered");

        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger workerLog = (Logger) LoggerFactory.getLogger(PaymentsWorker.class);
        logged.start();
        workerLog.addAppender(logged);
        String traceId = TraceParent.newTraceId();
        try {
            // A session the ledger knows nothing of: processed, nothing to pay or refund.
            send(Topics.SESSIONS_EVENTS, cancelled(UUID.randomUUID(), UUID.randomUUID(), Instant.now()));
            ProducerRecord<String, byte[]> unreadable = new ProducerRecord<>(
                    Topics.PAYMENTS_COMMANDS.name(), "unreadable", "{not json".getBytes(StandardCharsets.UTF_8));
            TraceParent.set(unreadable.headers(), traceId);
            producer.send(unreadable);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(count(Topics.SESSIONS_EVENTS, "processed")).isEqualTo(processedBefore + 1);
                assertThat(count(Topics.PAYMENTS_COMMANDS, "dead_lettered")).isEqualTo(deadBefore + 1);
            });
            // the dead-letter line carries the trace id of the request that caused the record
            assertThat(logged.list)
                    .filteredOn(event -> event.getFormattedMessage().contains("unreadable"))
                    .singleElement()
                    .satisfies(event -> assertThat(event.getMDCPropertyMap()).containsEntry(TraceMdc.MDC_KEY, traceId));
        } finally {
            workerLog.detachAppender(logged);
        }
        assertThat(worker.isHealthy()).isTrue();
    }

    private static double count(Topic<?, ?> topic, String outcome) {
        Counter counter = registry.find("humanchat.payments.records")
                .tag("topic", topic.name())
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void onboardingCreatesTheAccountOnceAndTheLatestAccountUpdatedWins() throws Exception {
        UUID host = UUID.randomUUID();
        OnboardHost first = OnboardHost.of(host);
        OnboardHost again = OnboardHost.of(host);
        send(Topics.PAYMENTS_COMMANDS, first);
        send(Topics.PAYMENTS_COMMANDS, again);

        List<AccountUpdated> answers = awaitAccounts(host, 2);
        assertThat(answers).extracting(AccountUpdated::commandId).containsExactly(first.eventId(), again.eventId());
        assertThat(answers).allSatisfy(a -> assertThat(a.onboardingUrl()).contains(a.stripeAccountId()));
        String account = answers.getFirst().stripeAccountId();
        assertThat(answers.get(1).stripeAccountId()).isEqualTo(account);
        // (other tests of this class onboard other hosts through the same stub)
        assertThat(stripe.requests("/v1/accounts"))
                .filteredOn(r -> host.toString().equals(r.form().get("metadata[host_user_id]")))
                .isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.idempotencyKey()).isEqualTo("account:" + host);
                    assertThat(r.authorization()).isEqualTo("Bearer sk_test_payments_worker_it");
                    assertThat(r.form()).containsEntry("type", "express");
                });
        assertThat(stripe.requests("/v1/account_links")).anySatisfy(r -> assertThat(r.form())
                .containsEntry("account", account)
                .containsEntry("type", "account_onboarding"));

        webhook("evt_acct_new_" + host, "account.updated", 200, account, StripeWebhooks.account(account, true, true));
        webhook("evt_acct_old_" + host, "account.updated", 100, account, StripeWebhooks.account(account, false, false));
        webhook("evt_acct_new_" + host, "account.updated", 200, account, StripeWebhooks.account(account, true, true));

        List<AccountUpdated> updates = awaitAccounts(host, 3);
        assertThat(registry.get("humanchat.payments.outbox.published").counter().count())
                .isGreaterThanOrEqualTo(3);
        assertThat(updates.get(2).chargesEnabled()).isTrue();
        Thread.sleep(500);
        assertThat(accounts(host)).hasSize(3);
        assertThat(single("select charges_enabled from payment_accounts where host_user_id = ?", host))
                .isEqualTo(true);
    }

    @Test
    void aStripeOutageLongerThanTheMaxPollIntervalKeepsTheWorkerInItsGroupAndOnboardsOnceWhenStripeIsBack() {
        UUID host = UUID.randomUUID();
        int accountsBefore = stripe.created("/v1/accounts");
        OnboardHost during = OnboardHost.of(host);
        stripe.outage(true);
        try {
            send(Topics.PAYMENTS_COMMANDS, during);
            await().atMost(Duration.ofSeconds(30)).until(() -> stripe.requests("/v1/accounts").stream()
                    .anyMatch(r -> r.idempotencyKey().equals("account:" + host)));
            // Stripe stays away for three poll intervals: the worker keeps polling (its partitions paused), so it
            // stays in its group and reports itself alive.
            await().during(MAX_POLL_INTERVAL.multipliedBy(3))
                    .atMost(MAX_POLL_INTERVAL.multipliedBy(4))
                    .pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> {
                        assertThat(groupMembers())
                                .as("members of the worker's group")
                                .isEqualTo(1);
                        assertThat(worker.isLive()).as("liveness").isTrue();
                        assertThat(worker.isHealthy()).as("readiness").isFalse();
                    });
        } finally {
            stripe.outage(false);
        }

        // Stripe is back: the onboarding completes, and the worker goes on with the next command (a barrier: same
        // host, same partition, so it is answered after anything else the first command could have caused).
        OnboardHost after = OnboardHost.of(host);
        send(Topics.PAYMENTS_COMMANDS, after);
        List<AccountUpdated> answers = awaitAccounts(host, 2);
        assertThat(answers).extracting(AccountUpdated::commandId).containsExactly(during.eventId(), after.eventId());
        assertThat(answers.get(1).stripeAccountId())
                .isEqualTo(answers.getFirst().stripeAccountId());
        assertThat(stripe.created("/v1/accounts")).as("accounts created").isEqualTo(accountsBefore + 1);
        assertThat(worker.isHealthy()).isTrue();
    }

    private static int groupMembers() throws Exception {
        return admin.describeConsumerGroups(List.of(GROUP))
                .describedGroups()
                .get(GROUP)
                .get(10, TimeUnit.SECONDS)
                .members()
                .size();
    }

    @Test
    void anIntentIsCreatedOnceWithTheAgreedPriceTheFeeAndTheHostAsDestination() throws Exception {
        UUID host = payableHost("acct_dest_1");
        UUID session = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            send(
                    Topics.PAYMENTS_COMMANDS,
                    CreatePaymentIntent.of(payment, session, UUID.randomUUID(), host, Money.of(PRICE, "usd")));
        }

        PaymentUpdated pending = awaitPayment(payment, PaymentStatus.PENDING);
        assertThat(pending.clientSecret()).startsWith("pi_");
        // Kept for the payer, who may have missed the frame (GET /api/payments/:id, /api/sync).
        assertThat(single("select stripe_client_secret from payments where payment_id = ?", payment))
                .isEqualTo(pending.clientSecret());
        assertThat(pending.amountCents()).isEqualTo(PRICE);
        assertThat(pending.feeCents()).isEqualTo(500);
        List<StripeStub.Recorded> intents = stripe.requests("/v1/payment_intents").stream()
                .filter(r -> session.toString().equals(r.form().get("metadata[session_id]")))
                .toList();
        assertThat(intents).singleElement().satisfies(r -> {
            assertThat(r.idempotencyKey()).isEqualTo("intent:" + session);
            assertThat(r.form())
                    .containsEntry("amount", "5000")
                    .containsEntry("currency", "usd")
                    .containsEntry("application_fee_amount", "500")
                    .containsEntry("transfer_data[destination]", "acct_dest_1")
                    .containsEntry("metadata[payment_id]", payment.toString());
        });
        Thread.sleep(500);
        assertThat(single("select count(*) from payments where session_id = ?", session))
                .isEqualTo(1L);
        assertThat(payments(payment)).hasSize(1);
    }

    @Test
    void aHostWhoCannotBePaidGetsNoIntentAndTheGuestIsToldItFailed() {
        UUID payment = intentToAHostWhoCannotBePaid();

        PaymentUpdated failed = awaitPayment(payment, PaymentStatus.FAILED);
        assertThat(failed.reason()).contains("cannot receive payments");
    }

    @Test
    void whatTheWorkerWritesCarriesTheTimeOfItsClock() {
        UUID payment = intentToAHostWhoCannotBePaid();

        assertThat(awaitPayment(payment, PaymentStatus.FAILED).occurredAt()).isEqualTo(WORKER_TIME);
        assertThat(single("select occurred_at from payment_status_history where payment_id = ?", payment))
                .isInstanceOfSatisfying(
                        Timestamp.class, at -> assertThat(at.toInstant()).isEqualTo(WORKER_TIME));
    }

    @Test
    void theSameEventFiveTimesOrAStaleFailureAfterItChangesTheStateOnce() throws Exception {
        UUID session = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        String intent = pendingIntent(payment, session, payableHost("acct_once"));
        long pendingTx = (Long) single("select tx from payments where payment_id = ?", payment);

        for (int i = 0; i < 5; i++) {
            intentSucceeded("evt_ok_" + payment, 300, payment, intent);
        }
        intentFailed("evt_stale_" + payment, 200, payment, intent);

        awaitPayment(payment, PaymentStatus.SUCCEEDED);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(single(
                        "select count(*) from processed_stripe_events where stripe_event_id = ?",
                        "evt_stale_" + payment))
                .isEqualTo(1L));
        Thread.sleep(500);
        assertThat(history(payment)).containsExactly("null->pending", "pending->succeeded");
        // The trigger of V7 moved the row's tx, so /api/sync shows the change.
        assertThat((Long) single("select tx from payments where payment_id = ?", payment))
                .isGreaterThan(pendingTx);
        assertThat(payments(payment))
                .extracting(PaymentUpdated::status)
                .containsExactly(PaymentStatus.PENDING, PaymentStatus.SUCCEEDED);
        assertThat(confirmations(session)).singleElement().satisfies(t -> {
            assertThat(t.actorId()).isEqualTo(SystemActors.PLATFORM);
            assertThat(t.toStatus()).isEqualTo(SessionStatus.CONFIRMED);
        });
    }

    @Test
    void aFailedPaymentTellsTheGuestWhyKeepsTheSessionWaitingAndMaySucceedOnRetry() throws Exception {
        UUID session = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        String intent = pendingIntent(payment, session, payableHost("acct_declined"));

        intentFailed("evt_declined_" + payment, 100, payment, intent);

        PaymentUpdated failed = awaitPayment(payment, PaymentStatus.FAILED);
        assertThat(failed.reason()).isEqualTo("Your card was declined.");
        Thread.sleep(300);
        assertThat(confirmations(session)).isEmpty();

        intentSucceeded("evt_retried_" + payment, 200, payment, intent);
        awaitPayment(payment, PaymentStatus.SUCCEEDED);
        await().atMost(Duration.ofSeconds(10)).pollInSameThread().untilAsserted(() -> assertThat(confirmations(session))
                .hasSize(1));
    }

    @Test
    void aConfirmedPaidSessionCancelledBeforeTheCutoffIsRefundedOnceAndAfterItNot() throws Exception {
        UUID host = payableHost("acct_refunds");
        PaidSession early = paidSession(host);
        PaidSession late = paidSession(host);

        SessionStatusChanged cancelEarly =
                cancelled(early.session(), host, Instant.now().plus(Duration.ofHours(48)));
        send(Topics.SESSIONS_EVENTS, cancelEarly);
        send(Topics.SESSIONS_EVENTS, cancelEarly);
        send(
                Topics.SESSIONS_EVENTS,
                cancelled(late.session(), host, Instant.now().plus(Duration.ofHours(2))));

        PaymentUpdated refunded = awaitPayment(early.payment(), PaymentStatus.REFUNDED);
        assertThat(refunded.refundedCents()).isEqualTo(PRICE);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(payments(late.payment()))
                .anySatisfy(p -> assertThat(p.reason()).contains("No refund")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(seen().stream()
                        .filter(e -> e instanceof SendMessage m
                                && (m.clientMessageId().equals("refund:" + early.payment())
                                        || m.clientMessageId().equals("refund:" + late.payment())))
                        .map(e -> ((SendMessage) e).content()))
                .as("the thread says what was refunded")
                .containsExactlyInAnyOrder(
                        "Refunded 50.00 USD: cancelled at least 24 h before the start",
                        "No refund: cancelled less than 24 h before the start"));
        Thread.sleep(500);
        assertThat(stripe.requests("/v1/refunds").stream()
                        .filter(r -> early.payment().toString().equals(r.form().get("metadata[payment_id]"))))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.idempotencyKey()).isEqualTo("refund:" + early.payment());
                    assertThat(r.form())
                            .containsEntry("amount", "5000")
                            .containsEntry("reverse_transfer", "true")
                            .containsEntry("refund_application_fee", "true");
                });
        assertThat(payments(early.payment()))
                .extracting(PaymentUpdated::status)
                .containsOnlyOnce(PaymentStatus.REFUNDED);
        assertThat(single("select status from payments where payment_id = ?", late.payment()))
                .isEqualTo("succeeded");
        assertThat(single("select stripe_refund_id from payments where payment_id = ?", early.payment()))
                .asString()
                .startsWith("re_");
    }

    @Test
    void aNoShowIsRefundedInFullWhenTheGuestWaitedAndNotAtAllWhenTheHostDid() throws Exception {
        UUID host = payableHost("acct_no_show");
        PaidSession hostAbsent = paidSession(host);
        PaidSession guestAbsent = paidSession(host);
        Instant startedAgo = Instant.now().minus(Duration.ofMinutes(20));

        SessionStatusChanged markedByGuest = cancelled(hostAbsent.session(), host, startedAgo, SessionStatus.CONFIRMED);
        send(
                Topics.SESSIONS_EVENTS,
                noShow(markedByGuest, markedByGuest.session().guestUserId()));
        SessionStatusChanged markedByHost = cancelled(guestAbsent.session(), host, startedAgo, SessionStatus.CONFIRMED);
        send(Topics.SESSIONS_EVENTS, noShow(markedByHost, host));

        assertThat(awaitPayment(hostAbsent.payment(), PaymentStatus.REFUNDED).refundedCents())
                .isEqualTo(PRICE);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(payments(guestAbsent.payment()))
                .anySatisfy(p -> assertThat(p.reason()).isEqualTo("No refund: the guest did not come to the session")));
        assertThat(single("select status from payments where payment_id = ?", guestAbsent.payment()))
                .isEqualTo("succeeded");
    }

    @Test
    void anAcceptedRescheduleNeitherChargesAgainNorRefunds() throws Exception {
        UUID host = payableHost("acct_reschedule");
        PaidSession paid = paidSession(host);
        int intentsBefore = stripe.requests("/v1/payment_intents").size();
        double processedBefore = count(Topics.SESSIONS_EVENTS, "processed");
        Session was = cancelled(paid.session(), host, Instant.now().plus(Duration.ofHours(48)))
                .session();
        Session moved = new Session(
                was.sessionId(),
                was.guestUserId(),
                was.hostUserId(),
                was.conversationId(),
                was.startTime().plus(Duration.ofDays(1)),
                was.durationMinutes(),
                was.agreedPrice(),
                was.paymentMode(),
                SessionStatus.CONFIRMED,
                was.requestedAt(),
                Instant.now(),
                null,
                null,
                null,
                null);

        send(
                Topics.SESSIONS_EVENTS,
                new SessionRescheduled(
                        UUID.randomUUID(),
                        1,
                        Instant.now(),
                        paid.session(),
                        UUID.randomUUID(),
                        was.guestUserId(),
                        host,
                        was.startTime(),
                        1,
                        moved));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(count(Topics.SESSIONS_EVENTS, "processed")).isEqualTo(processedBefore + 1));
        assertThat(single("select status from payments where payment_id = ?", paid.payment()))
                .as("the payment follows the session")
                .isEqualTo("succeeded");
        assertThat(stripe.requests("/v1/refunds").stream()
                        .filter(r -> paid.payment().toString().equals(r.form().get("metadata[payment_id]"))))
                .as("no refund")
                .isEmpty();
        assertThat(stripe.requests("/v1/payment_intents"))
                .as("no second charge")
                .hasSize(intentsBefore);
        assertThat(payments(paid.payment()))
                .extracting(PaymentUpdated::status)
                .as("nothing happened to the payment after it succeeded")
                .containsExactly(PaymentStatus.PENDING, PaymentStatus.SUCCEEDED);
    }

    /** {@code cancelled} turned into the no-show {@code actor} marked. */
    private static SessionStatusChanged noShow(SessionStatusChanged cancelled, UUID actor) {
        Session s = cancelled.session();
        Session after = new Session(
                s.sessionId(),
                s.guestUserId(),
                s.hostUserId(),
                s.conversationId(),
                s.startTime(),
                s.durationMinutes(),
                s.agreedPrice(),
                s.paymentMode(),
                SessionStatus.NO_SHOW,
                s.requestedAt(),
                s.updatedAt(),
                null,
                null,
                null,
                null);
        return new SessionStatusChanged(
                cancelled.eventId(),
                1,
                cancelled.occurredAt(),
                cancelled.sessionId(),
                cancelled.commandId(),
                actor,
                SessionStatus.CONFIRMED,
                SessionStatus.NO_SHOW,
                null,
                after);
    }

    @Test
    void aSessionCancelledBeforeItsPaymentCancelsTheIntentAndALateSuccessIsRefundedInFull() throws Exception {
        UUID host = payableHost("acct_abandoned");
        UUID session = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        String intent = pendingIntent(payment, session, host);

        send(
                Topics.SESSIONS_EVENTS,
                cancelled(session, host, Instant.now().plus(Duration.ofHours(48)), SessionStatus.AWAITING_PAYMENT));

        PaymentUpdated abandoned = awaitPayment(payment, PaymentStatus.FAILED);
        assertThat(abandoned.reason()).isEqualTo("the session was cancelled");
        assertThat(stripe.requests("/v1/payment_intents/" + intent + "/cancel"))
                .singleElement()
                .satisfies(r -> assertThat(r.idempotencyKey()).isEqualTo("cancel:" + payment));

        intentSucceeded("evt_late_" + payment, 400, payment, intent);

        assertThat(awaitPayment(payment, PaymentStatus.REFUNDED).refundedCents())
                .isEqualTo(PRICE);
        Thread.sleep(300);
        assertThat(confirmations(session)).isEmpty();
    }

    @Test
    void revenueFiguresComeFromTheLedger() throws Exception {
        try (Connection connection = connection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into payments (payment_id, kind, session_id, payer_user_id, payee_user_id, amount_cents,"
                                + " currency, fee_cents, refunded_cents, status, succeeded_at) values"
                                + " (?, 'session', ?, ?, ?, ?, 'chf', ?, ?, ?, now())")) {
            Object[][] rows = {{10_000L, 1_000L, 0L, "succeeded"}, {4_000L, 400L, 4_000L, "refunded"}};
            for (Object[] row : rows) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, UUID.randomUUID());
                insert.setObject(3, UUID.randomUUID());
                insert.setObject(4, UUID.randomUUID());
                insert.setLong(5, (Long) row[0]);
                insert.setLong(6, (Long) row[1]);
                insert.setLong(7, (Long) row[2]);
                insert.setString(8, (String) row[3]);
                insert.executeUpdate();
            }
        }

        try (Connection connection = connection();
                ResultSet revenue = connection
                        .createStatement()
                        .executeQuery("select payments, gross_cents, fee_cents, refunded_cents"
                                + " from platform_revenue(now() - interval '24 hours') where currency = 'chf'")) {
            assertThat(revenue.next()).isTrue();
            assertThat(revenue.getLong(1)).isEqualTo(2);
            assertThat(revenue.getLong(2)).isEqualTo(14_000);
            assertThat(revenue.getLong(3)).isEqualTo(1_000);
            assertThat(revenue.getLong(4)).isEqualTo(4_000);
        }
    }

    /** A session of {@code host}'s and its payment, which succeeded. */
    private record PaidSession(UUID session, UUID payment) {}

    private static PaidSession paidSession(UUID host) {
        UUID session = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        String intent = pendingIntent(payment, session, host);
        intentSucceeded("evt_paid_" + payment, 300, payment, intent);
        awaitPayment(payment, PaymentStatus.SUCCEEDED);
        return new PaidSession(session, payment);
    }

    /** Asks for an intent to a host nobody onboarded, for a session the worker does not know: the worker fails it. */
    private static UUID intentToAHostWhoCannotBePaid() {
        UUID payment = UUID.randomUUID();
        send(
                Topics.PAYMENTS_COMMANDS,
                CreatePaymentIntent.of(
                        payment, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Money.of(PRICE, "usd")));
        return payment;
    }

    private static String pendingIntent(UUID payment, UUID session, UUID host) {
        send(
                Topics.PAYMENTS_COMMANDS,
                CreatePaymentIntent.of(payment, session, UUID.randomUUID(), host, Money.of(PRICE, "usd")));
        awaitPayment(payment, PaymentStatus.PENDING);
        return (String) single("select stripe_payment_intent_id from payments where payment_id = ?", payment);
    }

    private static UUID payableHost(String account) throws SQLException {
        UUID host = UUID.randomUUID();
        try (Connection connection = connection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into payment_accounts (host_user_id, stripe_account_id, charges_enabled, payouts_enabled)"
                                + " values (?, ?, true, true)")) {
            insert.setObject(1, host);
            insert.setString(2, account);
            insert.executeUpdate();
        }
        return host;
    }

    private static SessionStatusChanged cancelled(UUID sessionId, UUID host, Instant start) {
        return cancelled(sessionId, host, start, SessionStatus.CONFIRMED);
    }

    private static SessionStatusChanged cancelled(UUID sessionId, UUID host, Instant start, SessionStatus from) {
        return SessionCancellations.cancelledByHost(sessionId, host, Money.of(PRICE, "usd"), start, from);
    }

    /** Stripe telling that the intent of {@code payment} succeeded. */
    private static void intentSucceeded(String eventId, long created, UUID payment, String intent) {
        intentEvent(eventId, "payment_intent.succeeded", "succeeded", created, payment, intent);
    }

    /** Stripe telling that the intent of {@code payment} failed and needs another payment method. */
    private static void intentFailed(String eventId, long created, UUID payment, String intent) {
        intentEvent(eventId, "payment_intent.payment_failed", "requires_payment_method", created, payment, intent);
    }

    private static void intentEvent(
            String eventId, String type, String status, long created, UUID payment, String intent) {
        webhook(
                eventId,
                type,
                created,
                payment.toString(),
                StripeWebhooks.paymentIntent(intent, payment.toString(), status));
    }

    private static void webhook(
            String id, String type, long created, String subject, com.fasterxml.jackson.databind.JsonNode object) {
        try {
            send(
                    Topics.PAYMENTS_WEBHOOKS,
                    StripeEventReceived.of(
                            id,
                            type,
                            subject,
                            Json.mapper().readTree(StripeWebhooks.event(id, type, created, object))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <V extends Envelope> void send(Topic<String, V> topic, V value) {
        try {
            producer.send(new ProducerRecord<>(
                            topic.name(),
                            value.key(),
                            topic.valueSerde().serializer().serialize(topic.name(), value)))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized List<Envelope> seen() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
            if (record.topic().equals(Topics.PAYMENTS_EVENTS.name())) {
                seen.add(
                        Topics.PAYMENTS_EVENTS.valueSerde().deserializer().deserialize(record.topic(), record.value()));
            } else if (record.topic().equals(Topics.CHAT_COMMANDS.name())) {
                seen.add(Topics.CHAT_COMMANDS.valueSerde().deserializer().deserialize(record.topic(), record.value()));
            } else {
                seen.add(Topics.SESSIONS_COMMANDS
                        .valueSerde()
                        .deserializer()
                        .deserialize(record.topic(), record.value()));
            }
        }
        return seen;
    }

    private static List<PaymentUpdated> payments(UUID payment) {
        return seen().stream()
                .filter(e -> e instanceof PaymentUpdated p && p.paymentId().equals(payment))
                .map(PaymentUpdated.class::cast)
                .toList();
    }

    private static List<AccountUpdated> accounts(UUID host) {
        return seen().stream()
                .filter(e -> e instanceof AccountUpdated a && a.hostUserId().equals(host))
                .map(AccountUpdated.class::cast)
                .toList();
    }

    private static List<TransitionSession> confirmations(UUID session) {
        return seen().stream()
                .filter(e -> e instanceof TransitionSession t && t.sessionId().equals(session))
                .map(TransitionSession.class::cast)
                .toList();
    }

    private static PaymentUpdated awaitPayment(UUID payment, PaymentStatus status) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInSameThread()
                .until(
                        () -> payments(payment).stream()
                                .filter(p -> p.status() == status)
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static List<AccountUpdated> awaitAccounts(UUID host, int count) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInSameThread()
                .until(() -> accounts(host), list -> list.size() >= count);
    }

    private static List<String> history(UUID payment) throws SQLException {
        List<String> steps = new ArrayList<>();
        try (Connection connection = connection();
                PreparedStatement select = connection.prepareStatement(
                        "select from_status, to_status from payment_status_history where payment_id = ? order by id")) {
            select.setObject(1, payment);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    steps.add(rows.getString(1) + "->" + rows.getString(2));
                }
            }
        }
        return steps;
    }

    private static Object single(String sql, Object parameter) {
        try (Connection connection = connection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, parameter);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connection() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }
}
