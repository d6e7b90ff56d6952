package com.humanchat.streams.topology;

import com.humanchat.schemas.admin.MetricsSnapshot;
import com.humanchat.schemas.payments.PaymentStatus;
import com.humanchat.schemas.requests.RequestStatus;
import com.humanchat.schemas.sessions.SessionStatus;
import com.humanchat.streams.domain.ConversationActivity;
import com.humanchat.streams.domain.PaymentTally;
import com.humanchat.streams.domain.Percentiles;
import com.humanchat.streams.domain.SamTurn;
import com.humanchat.streams.domain.TrackedStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Folds the platform's facts into {@value MetricsTopology#STORE} and, on a wall-clock punctuator, prunes it and emits
 * the {@link MetricsSnapshot}. Every fact is one write of one absolute entry (a re-delivered fact finds its effect
 * already there and writes nothing), so a replay after a crash — the restored store is a prefix of what was written —
 * never counts twice:
 *
 * <pre>
 * c|{conversationId}                    → ConversationActivity (highest seq counted, messages per second; 15 min)
 * s|{sessionId}                         → TrackedStatus (live sessions; final ones as 1 h tombstones)
 * r|{requestId}                         → TrackedStatus (pending requests; decided ones as 1 h tombstones)
 * q|{requestId}                         → SamTurn (asked and/or answered; pending 24 h at most, the rest 1 h)
 * l|{repliedAtMillis:019}|{requestId}   → latency ms of a recent reply (15 min, newest 500)
 * p|{paymentId}                         → PaymentTally (succeeded or refunded in the last 24 h)
 * </pre>
 *
 * The latency entry of a completed Sam turn is written before the turn: its key is deterministic, so a crash between
 * the two writes and the replay rewrite the same entry. Everything else is bounded by a window or a horizon, pruned at
 * each tick; no figure needs a scan of anything outside this store.
 */
final class MetricsProcessor implements Processor<String, MetricsFact, String, MetricsSnapshot> {

    /** How long a finished entry is kept so that a late duplicate of an earlier event finds it. */
    static final Duration DEDUPE_HORIZON = Duration.ofHours(1);

    /** A Sam request unanswered this long is given up on (the worker dead-letters and apologises long before). */
    static final Duration SAM_PENDING_LIMIT = Duration.ofHours(24);

    /** Which replies the latency percentiles are over: the last 15 minutes' … */
    static final Duration SAM_LATENCY_WINDOW = Duration.ofMinutes(15);

    /** … and at most the newest 500 of them. */
    static final int SAM_LATENCY_SAMPLES = 500;

    static final List<SessionStatus> LIVE_SESSION_STATUSES = Arrays.stream(SessionStatus.values())
            .filter(status -> !status.isFinal())
            .toList();

    private static final String CONVERSATION = "c|";
    private static final String SESSION = "s|";
    private static final String REQUEST = "r|";
    private static final String SAM_TURN = "q|";
    private static final String LATENCY = "l|";
    private static final String PAYMENT = "p|";
    private static final StringSerializer KEYS = new StringSerializer();

    private final MetricsTopologyConfig config;
    private ProcessorContext<String, MetricsSnapshot> context;
    private KeyValueStore<String, byte[]> store;

    MetricsProcessor(MetricsTopologyConfig config) {
        this.config = config;
    }

    @Override
    public void init(ProcessorContext<String, MetricsSnapshot> context) {
        this.context = context;
        this.store = context.getStateStore(MetricsTopology.STORE);
        context.schedule(config.interval(), PunctuationType.WALL_CLOCK_TIME, this::emit);
    }

    @Override
    public void process(Record<String, MetricsFact> record) {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        switch (record.value()) {
            case MetricsFact.Message message -> {
                String key = CONVERSATION + message.conversationId();
                ConversationActivity.afterMessage(
                                read(key, ConversationActivity.class),
                                message.seq(),
                                message.occurredAt(),
                                now,
                                MetricsSnapshot.ACTIVE_CONVERSATION_WINDOW)
                        .ifPresent(activity -> write(key, activity));
            }
            case MetricsFact.SessionChange change -> {
                SessionStatus status = change.status();
                track(SESSION + change.sessionId(), status.wire(), status.lifecycleRank(), status.isFinal(), now);
            }
            case MetricsFact.RequestChange change -> {
                boolean pending = change.status() == RequestStatus.PENDING;
                track(REQUEST + change.requestId(), change.status().wire(), pending ? 0 : 1, !pending, now);
            }
            case MetricsFact.SamAsked asked -> {
                String key = SAM_TURN + asked.requestId();
                SamTurn.afterAsk(read(key, SamTurn.class), asked.occurredAt(), now)
                        .ifPresent(turn -> writeTurn(key, asked.requestId(), turn));
            }
            case MetricsFact.SamAnswered answered -> {
                String key = SAM_TURN + answered.requestId();
                SamTurn.afterReply(read(key, SamTurn.class), answered.occurredAt(), now)
                        .ifPresent(turn -> writeTurn(key, answered.requestId(), turn));
            }
            case MetricsFact.Payment payment -> {
                String key = PAYMENT + payment.paymentId();
                PaymentTally tally = PaymentTally.after(
                        read(key, PaymentTally.class),
                        payment.status() == PaymentStatus.REFUNDED,
                        payment.currency(),
                        payment.amountCents(),
                        payment.feeCents(),
                        payment.refundedCents(),
                        payment.occurredAt(),
                        now);
                if (tally.succeededWithin(now, MetricsSnapshot.REVENUE_WINDOW)
                        || tally.refundedWithin(now, MetricsSnapshot.REVENUE_WINDOW)) {
                    write(key, tally);
                }
            }
            case null -> {
                // a fact without a value moves nothing
            }
        }
    }

    private void track(String key, String status, int rank, boolean isFinal, Instant now) {
        TrackedStatus.after(read(key, TrackedStatus.class), status, rank, isFinal, now)
                .ifPresent(tracked -> write(key, tracked));
    }

    private void writeTurn(String key, UUID requestId, SamTurn turn) {
        if (turn.isComplete()) {
            store.put(latencyKey(turn.repliedAt(), requestId), StoreJson.write(turn.latencyMillis()));
        }
        write(key, turn);
    }

    private static String latencyKey(Instant repliedAt, UUID requestId) {
        return LATENCY + String.format("%019d", Math.max(0, repliedAt.toEpochMilli())) + "|" + requestId;
    }

    /** Prunes what fell out of its window and emits the figures as of the wall-clock {@code nowMillis}. */
    private void emit(long nowMillis) {
        Instant now = Instant.ofEpochMilli(nowMillis);
        context.forward(new Record<>(MetricsSnapshot.KEY, snapshot(now), nowMillis));
    }

    MetricsSnapshot snapshot(Instant now) {
        Duration activeWindow = MetricsSnapshot.ACTIVE_CONVERSATION_WINDOW;
        long[] messages = new long[3]; // trailing minute, last full minute, active conversations
        scan(CONVERSATION, ConversationActivity.class, (key, activity) -> {
            if (!activity.isActive(now, activeWindow)) {
                return true;
            }
            messages[0] += activity.trailingMinute(now);
            messages[1] += activity.lastFullMinute(now);
            messages[2]++;
            return false;
        });

        Map<String, Long> sessions = new LinkedHashMap<>();
        LIVE_SESSION_STATUSES.forEach(status -> sessions.put(status.wire(), 0L));
        scan(SESSION, TrackedStatus.class, (key, tracked) -> {
            if (!tracked.isFinal()) {
                sessions.merge(tracked.status(), 1L, Long::sum);
            }
            return tracked.isExpired(now, DEDUPE_HORIZON);
        });

        long[] pendingRequests = new long[1];
        scan(REQUEST, TrackedStatus.class, (key, tracked) -> {
            if (!tracked.isFinal()) {
                pendingRequests[0]++;
            }
            return tracked.isExpired(now, DEDUPE_HORIZON);
        });

        long[] samQueue = new long[1];
        scan(SAM_TURN, SamTurn.class, (key, turn) -> {
            boolean expired = turn.isExpired(now, SAM_PENDING_LIMIT, DEDUPE_HORIZON);
            if (turn.isPending() && !expired) {
                samQueue[0]++;
            }
            return expired;
        });

        Percentiles latency = Percentiles.of(recentLatencies(now));

        Map<String, long[]> revenue = new TreeMap<>();
        Duration revenueWindow = MetricsSnapshot.REVENUE_WINDOW;
        scan(PAYMENT, PaymentTally.class, (key, tally) -> {
            boolean succeeded = tally.succeededWithin(now, revenueWindow);
            boolean refunded = tally.refundedWithin(now, revenueWindow);
            if (succeeded || refunded) {
                long[] sums = revenue.computeIfAbsent(tally.currency(), currency -> new long[3]);
                if (succeeded) {
                    sums[0] += tally.amountCents();
                    sums[2] += tally.keptFeeCents();
                }
                if (refunded) {
                    sums[1] += tally.refundedCents();
                }
            }
            return !succeeded && !refunded;
        });
        Map<String, MetricsSnapshot.Revenue> revenue24h = new TreeMap<>();
        revenue.forEach(
                (currency, sums) -> revenue24h.put(currency, new MetricsSnapshot.Revenue(sums[0], sums[1], sums[2])));

        return new MetricsSnapshot(
                UUID.randomUUID(),
                1,
                now,
                (int) config.interval().toSeconds(),
                messages[0],
                messages[1],
                messages[2],
                (int) activeWindow.toMinutes(),
                sessions,
                pendingRequests[0],
                new MetricsSnapshot.Sam(samQueue[0], latency.at(50), latency.at(95), latency.size()),
                revenue24h);
    }

    /** The latencies of the newest replies within the window; older entries and those past the cap are deleted. */
    private List<Long> recentLatencies(Instant now) {
        long cutoff = now.minus(SAM_LATENCY_WINDOW).toEpochMilli();
        List<KeyValue<String, Long>> recent = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> entries = store.prefixScan(LATENCY, KEYS)) {
            while (entries.hasNext()) {
                KeyValue<String, byte[]> entry = entries.next();
                long repliedAt = Long.parseLong(entry.key.substring(LATENCY.length(), LATENCY.length() + 19));
                if (repliedAt < cutoff) {
                    stale.add(entry.key);
                } else {
                    recent.add(KeyValue.pair(entry.key, StoreJson.read(entry.value, Long.class)));
                }
            }
        }
        // keys sort by reply time: the oldest beyond the cap go
        int excess = Math.max(0, recent.size() - SAM_LATENCY_SAMPLES);
        recent.subList(0, excess).forEach(entry -> stale.add(entry.key));
        stale.forEach(store::delete);
        return recent.subList(excess, recent.size()).stream()
                .map(entry -> entry.value)
                .toList();
    }

    /** Visits every entry under {@code prefix}; those the visitor answers true for are deleted afterwards. */
    private <T> void scan(String prefix, Class<T> type, EntryVisitor<T> visitor) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> entries = store.prefixScan(prefix, KEYS)) {
            while (entries.hasNext()) {
                KeyValue<String, byte[]> entry = entries.next();
                if (visitor.visit(entry.key, StoreJson.read(entry.value, type))) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(store::delete);
    }

    @FunctionalInterface
    private interface EntryVisitor<T> {
        /** Returns true to delete the entry. */
        boolean visit(String key, T value);
    }

    private <T> T read(String key, Class<T> type) {
        byte[] bytes = store.get(key);
        return bytes == null ? null : StoreJson.read(bytes, type);
    }

    private void write(String key, Object value) {
        store.put(key, StoreJson.write(value));
    }
}
