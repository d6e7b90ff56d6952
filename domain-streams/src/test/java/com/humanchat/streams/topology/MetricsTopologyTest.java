package com.humanchat.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.schemas.Json;
import com.humanchat.schemas.RecordSchemas;
import com.humanchat.schemas.Topic;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.admin.MetricsSnapshot;
import com.humanchat.schemas.chat.ChatEvent;
import com.humanchat.schemas.chat.MessageEdited;
import com.humanchat.schemas.chat.MessageKind;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.payments.PaymentEvent;
import com.humanchat.schemas.payments.PaymentKind;
import com.humanchat.schemas.payments.PaymentStatus;
import com.humanchat.schemas.payments.PaymentUpdated;
import com.humanchat.schemas.requests.ManagedRequest;
import com.humanchat.schemas.requests.RequestCreated;
import com.humanchat.schemas.requests.RequestEvent;
import com.humanchat.schemas.requests.RequestStatus;
import com.humanchat.schemas.requests.RequestStatusChanged;
import com.humanchat.schemas.sam.SamActionEvent;
import com.humanchat.schemas.sam.SamOutcome;
import com.humanchat.schemas.sam.SamReplied;
import com.humanchat.schemas.sam.SamRequest;
import com.humanchat.schemas.sam.SamRequested;
import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.PaymentMode;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.schemas.sessions.SessionRequested;
import com.humanchat.schemas.sessions.SessionStatus;
import com.humanchat.schemas.sessions.SessionStatusChanged;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsTopologyTest {

    /** Thirty seconds into a minute, so that the trailing minute and the last full minute differ. */
    private static final Instant START = Instant.parse("2026-11-24T10:00:30Z");

    private static final Duration INTERVAL = Duration.ofSeconds(5);

    @TempDir
    Path stateDir;

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    private TopologyTestDriver driver;
    private Instant now = START;
    private TestInputTopic<String, ChatEvent> chat;
    private TestInputTopic<String, SessionEvent> sessions;
    private TestInputTopic<String, RequestEvent> requests;
    private TestInputTopic<String, SamRequest> samRequests;
    private TestInputTopic<String, SamActionEvent> samActions;
    private TestInputTopic<String, PaymentEvent> payments;
    private TestOutputTopic<String, MetricsSnapshot> snapshots;
    private KeyValueStore<String, byte[]> store;

    @BeforeEach
    void setUp() {
        StreamsSettings settings = new StreamsSettings(
                "humanchat-metrics",
                "unused:9092",
                stateDir,
                1,
                (short) 1,
                0,
                Duration.ofSeconds(1),
                Topics.deadLetterOf(Topics.ADMIN_METRICS.name()));
        driver = new TopologyTestDriver(
                MetricsTopology.build(new MetricsTopologyConfig(INTERVAL)), settings.toProperties(), START);
        chat = input(Topics.CHAT_EVENTS);
        sessions = input(Topics.SESSIONS_EVENTS);
        requests = input(Topics.REQUESTS_EVENTS);
        samRequests = input(Topics.SAM_REQUESTS);
        samActions = input(Topics.SAM_ACTIONS);
        payments = input(Topics.PAYMENTS_EVENTS);
        snapshots = driver.createOutputTopic(
                Topics.ADMIN_METRICS.name(),
                Topics.ADMIN_METRICS.keySerde().deserializer(),
                Topics.ADMIN_METRICS.valueSerde().deserializer());
        store = driver.getKeyValueStore(MetricsTopology.STORE);
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(
                topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    /** Moves the wall clock to {@code to} (punctuating on the way) and answers the snapshot emitted last. */
    private MetricsSnapshot snapshotAt(Instant to) {
        driver.advanceWallClockTime(Duration.between(now, to));
        now = to;
        List<TestRecord<String, MetricsSnapshot>> emitted = snapshots.readRecordsToList();
        assertThat(emitted).as("a snapshot by %s", to).isNotEmpty();
        TestRecord<String, MetricsSnapshot> last = emitted.getLast();
        assertThat(last.key()).isEqualTo("platform");
        return last.value();
    }

    private MetricsSnapshot nextSnapshot() {
        return snapshotAt(now.plus(INTERVAL));
    }

    private long storeEntries(String prefix) {
        long count = 0;
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                if (all.next().key.startsWith(prefix)) {
                    count++;
                }
            }
        }
        return count;
    }

    // --- messages and conversations ---

    private MessageSent message(UUID conversationId, long seq, Instant at) {
        UUID command = UUID.randomUUID();
        return new MessageSent(
                UUID.nameUUIDFromBytes(("event:" + command).getBytes()),
                1,
                at,
                conversationId,
                command,
                UUID.randomUUID(),
                seq,
                alice,
                "c-" + seq,
                "hello " + seq,
                MessageKind.TEXT,
                List.of(),
                List.of(alice, bob));
    }

    private void send(MessageSent message) {
        chat.pipeInput(message.conversationId().toString(), message, message.occurredAt());
    }

    @Test
    void emitsASnapshotEveryIntervalEvenWithNothingHappening() {
        for (int i = 0; i < 3; i++) {
            driver.advanceWallClockTime(INTERVAL);
            now = now.plus(INTERVAL);
        }

        List<MetricsSnapshot> emitted = snapshots.readValuesToList();
        assertThat(emitted).hasSize(3);
        MetricsSnapshot quiet = emitted.getLast();
        assertThat(quiet.asOf()).isEqualTo(now);
        assertThat(quiet.intervalSeconds()).isEqualTo(5);
        assertThat(quiet.messagesPerMinute()).isZero();
        assertThat(quiet.activeConversations()).isZero();
        assertThat(quiet.activeWindowMinutes()).isEqualTo(15);
        assertThat(quiet.sessionsByStatus())
                .containsOnlyKeys("requested", "accepted", "awaiting_payment", "confirmed", "in_progress")
                .allSatisfy((status, count) -> assertThat(count).isZero());
        assertThat(quiet.sam().queueDepth()).isZero();
        assertThat(quiet.sam().latencyP50Ms()).isNull();
        assertThat(quiet.revenue24h()).isEmpty();
        assertThat(RecordSchemas.violations(
                        Topics.ADMIN_METRICS.name(), Json.mapper().valueToTree(quiet)))
                .isEmpty();
    }

    @Test
    void countsMessagesOverTheTrailingMinuteAndTheLastFullMinuteAndLetsThemExpire() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        send(message(first, 1, START.minusSeconds(10))); // 10:00:20
        send(message(first, 2, START.minusSeconds(5)));
        send(message(second, 1, START));
        send(message(first, 3, START.plusSeconds(1)));

        MetricsSnapshot live = snapshotAt(START.plusSeconds(5)); // 10:00:35
        assertThat(live.messagesPerMinute()).isEqualTo(4);
        assertThat(live.messagesLastFullMinute()).as("09:59 had none").isZero();
        assertThat(live.activeConversations()).isEqualTo(2);

        MetricsSnapshot nextMinute = snapshotAt(Instant.parse("2026-11-24T10:01:15Z"));
        assertThat(nextMinute.messagesPerMinute()).as("10:00:16–10:01:15").isEqualTo(4);
        assertThat(nextMinute.messagesLastFullMinute()).as("10:00").isEqualTo(4);

        MetricsSnapshot later = snapshotAt(Instant.parse("2026-11-24T10:01:35Z"));
        assertThat(later.messagesPerMinute()).as("10:00:36–10:01:35").isZero();
        assertThat(later.messagesLastFullMinute()).isEqualTo(4);

        MetricsSnapshot twoMinutesOn = snapshotAt(Instant.parse("2026-11-24T10:02:05Z"));
        assertThat(twoMinutesOn.messagesLastFullMinute()).as("10:01").isZero();
        assertThat(twoMinutesOn.activeConversations())
                .as("still within 15 minutes")
                .isEqualTo(2);

        MetricsSnapshot firstGone = snapshotAt(Instant.parse("2026-11-24T10:15:05Z"));
        assertThat(firstGone.activeConversations())
                .as("the second's last message (10:00:30) is 14:35 old, the first's (10:00:31) too")
                .isEqualTo(2);
        MetricsSnapshot idle = snapshotAt(Instant.parse("2026-11-24T10:15:35Z"));
        assertThat(idle.activeConversations()).isZero();
        assertThat(storeEntries("c|")).as("idle conversations are pruned").isZero();
    }

    @Test
    void aReDeliveredMessageIsCountedOnceAndAConversationOnce() {
        UUID conversation = UUID.randomUUID();
        MessageSent one = message(conversation, 1, START);
        MessageSent two = message(conversation, 2, START.plusMillis(1));
        send(one);
        send(two);
        send(one); // a re-emission after a crash: same seq, same ids
        send(two);

        MetricsSnapshot snapshot = nextSnapshot();

        assertThat(snapshot.messagesPerMinute()).isEqualTo(2);
        assertThat(snapshot.activeConversations()).isEqualTo(1);

        send(message(conversation, 3, now));
        assertThat(nextSnapshot().messagesPerMinute()).as("a new seq counts").isEqualTo(3);
    }

    @Test
    void ignoresMessagesTooOldForAnyWindowOtherChatEventsAndClampsFutureTimes() {
        UUID conversation = UUID.randomUUID();
        send(message(conversation, 1, START.minus(Duration.ofMinutes(16))));
        chat.pipeInput(
                conversation.toString(),
                new MessageEdited(
                        UUID.randomUUID(), 1, START, conversation, UUID.randomUUID(), 1, alice, "edited", List.of()));
        send(message(UUID.randomUUID(), 1, START.plus(Duration.ofMinutes(10)))); // a sender's clock running fast

        MetricsSnapshot snapshot = nextSnapshot();

        assertThat(snapshot.messagesPerMinute())
                .as("the future message counts now")
                .isEqualTo(1);
        assertThat(snapshot.activeConversations()).isEqualTo(1);
    }

    // --- sessions ---

    private Session session(UUID sessionId, SessionStatus status) {
        return new Session(
                sessionId,
                alice,
                bob,
                null,
                START.plus(Duration.ofDays(1)),
                30,
                Money.of(5000, "usd"),
                PaymentMode.PAID,
                status,
                START,
                START,
                null,
                null,
                null,
                null);
    }

    private SessionEvent requested(UUID sessionId) {
        return new SessionRequested(
                UUID.randomUUID(), 1, now, sessionId, UUID.randomUUID(), session(sessionId, SessionStatus.REQUESTED));
    }

    private SessionEvent changed(UUID sessionId, SessionStatus from, SessionStatus to) {
        return new SessionStatusChanged(
                UUID.randomUUID(), 1, now, sessionId, UUID.randomUUID(), bob, from, to, null, session(sessionId, to));
    }

    private void session(SessionEvent event) {
        sessions.pipeInput(event.key(), event, now);
    }

    @Test
    void sessionsMoveBetweenStatusCountsAndLeaveThemWhenFinished() {
        UUID paid = UUID.randomUUID();
        UUID free = UUID.randomUUID();
        UUID declined = UUID.randomUUID();
        SessionEvent paidRequested = requested(paid);
        session(paidRequested);
        session(requested(free));
        session(requested(declined));
        assertThat(nextSnapshot().sessionsByStatus()).containsEntry("requested", 3L);

        session(changed(paid, SessionStatus.REQUESTED, SessionStatus.AWAITING_PAYMENT));
        session(changed(free, SessionStatus.REQUESTED, SessionStatus.CONFIRMED));
        session(changed(declined, SessionStatus.REQUESTED, SessionStatus.DECLINED));
        session(paidRequested); // re-delivered: must not move the session back
        MetricsSnapshot moved = nextSnapshot();
        assertThat(moved.sessionsByStatus())
                .containsEntry("requested", 0L)
                .containsEntry("awaiting_payment", 1L)
                .containsEntry("confirmed", 1L)
                .doesNotContainKey("declined");

        session(changed(free, SessionStatus.CONFIRMED, SessionStatus.IN_PROGRESS));
        session(changed(free, SessionStatus.IN_PROGRESS, SessionStatus.COMPLETED));
        session(requested(free)); // a stale re-emission after the end: the tombstone keeps it finished
        MetricsSnapshot finished = nextSnapshot();
        assertThat(finished.sessionsByStatus())
                .containsEntry("in_progress", 0L)
                .containsEntry("confirmed", 0L)
                .containsEntry("requested", 0L)
                .containsEntry("awaiting_payment", 1L);

        assertThat(storeEntries("s|")).isEqualTo(3);
        snapshotAt(now.plus(MetricsProcessor.DEDUPE_HORIZON).plusSeconds(10));
        assertThat(storeEntries("s|"))
                .as("tombstones of finished sessions are dropped")
                .isEqualTo(1);
    }

    // --- managed requests ---

    private ManagedRequest request(UUID requestId, RequestStatus status) {
        return new ManagedRequest(
                requestId,
                alice,
                bob,
                UUID.randomUUID(),
                "Rep",
                "May I?",
                status,
                null,
                START,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private void request(RequestEvent event) {
        requests.pipeInput(event.key(), event, now);
    }

    @Test
    void pendingRequestsCountUntilDecidedAndADuplicateCreationDoesNotBringOneBack() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        RequestCreated created = new RequestCreated(
                UUID.randomUUID(), 1, now, first, UUID.randomUUID(), request(first, RequestStatus.PENDING));
        request(created);
        request(created);
        request(new RequestCreated(
                UUID.randomUUID(), 1, now, second, UUID.randomUUID(), request(second, RequestStatus.PENDING)));
        assertThat(nextSnapshot().requestsPending()).isEqualTo(2);

        request(new RequestStatusChanged(
                UUID.randomUUID(),
                1,
                now,
                first,
                UUID.randomUUID(),
                bob,
                RequestStatus.PENDING,
                RequestStatus.APPROVED,
                null,
                request(first, RequestStatus.APPROVED)));
        request(created);

        assertThat(nextSnapshot().requestsPending()).isEqualTo(1);
    }

    // --- Sam ---

    private SamRequested ask(UUID requestId, Instant at) {
        return new SamRequested(UUID.randomUUID(), 1, at, requestId, UUID.randomUUID(), alice, "who knows Postgres?");
    }

    private SamReplied reply(SamRequested asked, Instant at) {
        return new SamReplied(
                UUID.randomUUID(),
                1,
                at,
                asked.requestId(),
                asked.conversationId(),
                alice,
                "Bob does.",
                List.of(),
                SamOutcome.ANSWERED);
    }

    @Test
    void samQueueDepthIsAskedMinusAnsweredAndLatencyPercentilesCoverRecentReplies() {
        SamRequested fast = ask(UUID.randomUUID(), START);
        SamRequested slow = ask(UUID.randomUUID(), START);
        SamRequested waiting = ask(UUID.randomUUID(), START);
        SamRequested answeredFirst = ask(UUID.randomUUID(), START);
        for (SamRequested asked : List.of(fast, slow, waiting)) {
            samRequests.pipeInput(asked.key(), asked, START);
        }
        // the answer is read before its question: they travel on different topics
        SamReplied early = reply(answeredFirst, START.plusMillis(2000));
        samActions.pipeInput(early.key(), early, START);
        SamReplied fastReply = reply(fast, START.plusMillis(1000));
        samActions.pipeInput(fastReply.key(), fastReply, START);
        samActions.pipeInput(fastReply.key(), fastReply, START); // re-delivered
        SamReplied slowReply = reply(slow, START.plusMillis(4000));
        samActions.pipeInput(slowReply.key(), slowReply, START);
        samRequests.pipeInput(answeredFirst.key(), answeredFirst, START);
        samRequests.pipeInput(fast.key(), fast, START); // re-delivered after its answer

        MetricsSnapshot.Sam sam = nextSnapshot().sam();

        assertThat(sam.queueDepth()).isEqualTo(1);
        assertThat(sam.latencySamples()).isEqualTo(3);
        assertThat(sam.latencyP50Ms()).isEqualTo(2000);
        assertThat(sam.latencyP95Ms()).isEqualTo(4000);

        SamReplied lastReply = reply(waiting, START.plusSeconds(30));
        samActions.pipeInput(lastReply.key(), lastReply, START);
        MetricsSnapshot.Sam drained = nextSnapshot().sam();
        assertThat(drained.queueDepth()).isZero();
        assertThat(drained.latencySamples()).isEqualTo(4);
        assertThat(drained.latencyP95Ms()).isEqualTo(30_000);

        MetricsSnapshot.Sam later = snapshotAt(
                        START.plus(MetricsProcessor.SAM_LATENCY_WINDOW).plusSeconds(10))
                .sam();
        assertThat(later.latencySamples()).as("only recent replies").isEqualTo(1);
        assertThat(later.latencyP50Ms()).isEqualTo(30_000);
        MetricsSnapshot.Sam quiet = snapshotAt(
                        START.plus(MetricsProcessor.SAM_LATENCY_WINDOW).plusSeconds(40))
                .sam();
        assertThat(quiet.latencySamples()).isZero();
        assertThat(quiet.latencyP50Ms()).isNull();
        assertThat(storeEntries("l|")).isZero();
    }

    @Test
    void anUnansweredSamRequestLeavesTheQueueAfterTheLimit() {
        SamRequested lost = ask(UUID.randomUUID(), START);
        samRequests.pipeInput(lost.key(), lost, START);
        assertThat(nextSnapshot().sam().queueDepth()).isEqualTo(1);

        MetricsSnapshot dayLater =
                snapshotAt(START.plus(MetricsProcessor.SAM_PENDING_LIMIT).plusSeconds(10));

        assertThat(dayLater.sam().queueDepth()).isZero();
        assertThat(storeEntries("q|")).isZero();
    }

    @Test
    void keepsTheLatencySampleBounded() {
        for (int i = 0; i < MetricsProcessor.SAM_LATENCY_SAMPLES + 20; i++) {
            SamRequested asked = ask(UUID.randomUUID(), START);
            samRequests.pipeInput(asked.key(), asked, START);
            SamReplied replied = reply(asked, START.plusMillis(1 + i));
            samActions.pipeInput(replied.key(), replied, START);
        }

        MetricsSnapshot.Sam sam = nextSnapshot().sam();

        assertThat(sam.latencySamples()).isEqualTo(MetricsProcessor.SAM_LATENCY_SAMPLES);
        assertThat(storeEntries("l|")).isEqualTo(MetricsProcessor.SAM_LATENCY_SAMPLES);
        assertThat(sam.latencyP50Ms()).as("the oldest 20 dropped: 21..520").isEqualTo(270);
    }

    // --- revenue ---

    private PaymentUpdated payment(
            UUID paymentId, PaymentStatus status, long amount, String currency, long fee, long refunded, Instant at) {
        return new PaymentUpdated(
                UUID.randomUUID(),
                1,
                at,
                paymentId,
                null,
                PaymentKind.SESSION,
                UUID.randomUUID(),
                null,
                alice,
                bob,
                status,
                amount,
                currency,
                fee,
                refunded,
                null,
                null);
    }

    private void pay(PaymentUpdated updated) {
        payments.pipeInput(updated.key(), updated, updated.occurredAt());
    }

    @Test
    void revenueSumsSucceededRefundedAndKeptFeesPerCurrencyOverTheLastDay() {
        UUID session = UUID.randomUUID();
        UUID refundedLater = UUID.randomUUID();
        UUID donation = UUID.randomUUID();
        pay(payment(session, PaymentStatus.PENDING, 5000, "usd", 500, 0, START));
        PaymentUpdated succeeded = payment(session, PaymentStatus.SUCCEEDED, 5000, "usd", 500, 0, START);
        pay(succeeded);
        pay(succeeded); // re-delivered
        pay(payment(refundedLater, PaymentStatus.SUCCEEDED, 2000, "usd", 200, 0, START));
        pay(payment(donation, PaymentStatus.SUCCEEDED, 300, "eur", 30, 0, START));
        pay(payment(UUID.randomUUID(), PaymentStatus.FAILED, 9999, "usd", 999, 0, START));

        assertThat(nextSnapshot().revenue24h())
                .containsEntry("usd", new MetricsSnapshot.Revenue(7000, 0, 700))
                .containsEntry("eur", new MetricsSnapshot.Revenue(300, 0, 30));

        snapshotAt(START.plusSeconds(60));
        PaymentUpdated refund =
                payment(refundedLater, PaymentStatus.REFUNDED, 2000, "usd", 200, 2000, START.plusSeconds(60));
        pay(refund);
        pay(refund);
        assertThat(snapshotAt(START.plusSeconds(65)).revenue24h())
                .containsEntry("usd", new MetricsSnapshot.Revenue(7000, 2000, 500));

        Instant dayAfterTheSuccesses =
                START.plus(MetricsSnapshot.REVENUE_WINDOW).plusSeconds(30);
        assertThat(snapshotAt(dayAfterTheSuccesses).revenue24h())
                .as("only the refund is still within the day")
                .containsOnlyKeys("usd")
                .containsEntry("usd", new MetricsSnapshot.Revenue(0, 2000, 0));
        assertThat(snapshotAt(dayAfterTheSuccesses.plusSeconds(60)).revenue24h())
                .isEmpty();
        assertThat(storeEntries("p|")).isZero();
    }

    @Test
    void aRefundOfAPaymentThatSucceededBeforeTheWindowCountsOnlyTheRefund() {
        UUID old = UUID.randomUUID();
        pay(payment(old, PaymentStatus.SUCCEEDED, 4000, "gbp", 400, 0, START.minus(Duration.ofHours(30))));
        pay(payment(old, PaymentStatus.REFUNDED, 4000, "gbp", 400, 4000, START));

        assertThat(nextSnapshot().revenue24h()).isEqualTo(Map.of("gbp", new MetricsSnapshot.Revenue(0, 4000, 0)));
    }

    @Test
    void everyInputIsReKeyedToThePlatformIntoOneStore() {
        send(message(UUID.randomUUID(), 1, START));
        session(requested(UUID.randomUUID()));
        UUID requestId = UUID.randomUUID();
        request(new RequestCreated(
                UUID.randomUUID(), 1, now, requestId, UUID.randomUUID(), request(requestId, RequestStatus.PENDING)));
        SamRequested asked = ask(UUID.randomUUID(), START);
        samRequests.pipeInput(asked.key(), asked, START);
        pay(payment(UUID.randomUUID(), PaymentStatus.SUCCEEDED, 100, "usd", 10, 0, START));

        assertThat(driver.producedTopicNames()).contains("humanchat-metrics-" + MetricsTopology.FACTS + "-repartition");
        for (String prefix : List.of("c|", "s|", "r|", "q|", "p|")) {
            assertThat(storeEntries(prefix)).as(prefix).isEqualTo(1);
        }
        MetricsSnapshot snapshot = nextSnapshot();
        assertThat(snapshot.activeConversations()).isEqualTo(1);
        assertThat(snapshot.sessionsByStatus()).containsEntry("requested", 1L);
        assertThat(snapshot.requestsPending()).isEqualTo(1);
        assertThat(snapshot.sam().queueDepth()).isEqualTo(1);
        assertThat(snapshot.revenue24h()).containsKey("usd");
    }
}
