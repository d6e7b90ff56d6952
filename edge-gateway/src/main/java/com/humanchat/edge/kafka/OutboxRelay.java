package com.humanchat.edge.kafka;

import com.humanchat.schemas.Topic;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.serialization.Serdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes unpublished {@code outbox} rows to their topics in id order and marks them published only after
 * Kafka acknowledged them (at-least-once: a crash between the ack and the commit republishes the batch, and
 * consumers dedupe on {@code eventId}).
 *
 * <p>With several edge replicas only one relays at a time: a round runs inside a transaction that first takes
 * the transaction-scoped advisory lock {@value #ADVISORY_LOCK_KEY}; the other replicas skip that round. {@code
 * FOR UPDATE SKIP LOCKED} would let replicas publish in parallel, but then a replica could publish a user's later
 * row before another replica has published the earlier one, breaking the per-key order consumers rely on. The
 * lock vanishes with the transaction (or with the connection of a replica that died), so there is no leader to
 * elect and none to fail over.
 *
 * <p>A round runs when a row is committed: a trigger on {@code outbox} notifies channel {@value #CHANNEL} (PostgreSQL
 * delivers a notification only once its transaction commits, and once per transaction), every replica listens, and
 * the notification {@linkplain #nudge() nudges} its relay. Rounds also run back to back while batches are full, with
 * a growing pause after a failure, and every {@code fallbackInterval} in case a notification was missed (the
 * listening connection was down, say; it reconnects, and a reconnect runs a round too). An idle relay therefore
 * costs no query at all between those rounds.
 */
public final class OutboxRelay {

    /** An arbitrary constant shared by every replica: "outbox" in ASCII. */
    static final long ADVISORY_LOCK_KEY = 0x6f7574626f78L;

    /** The channel the {@code outbox_inserted} trigger notifies (migration V64). */
    static final String CHANNEL = "outbox";

    /**
     * How often an idle relay looks anyway. A listening connection misses no notification (a reconnect runs a round),
     * so this only matters while it cannot listen: a short interval would cost an idle edge a transaction of four
     * statements every few seconds for nothing.
     */
    public static final Duration FALLBACK_INTERVAL = Duration.ofSeconds(30);

    private static final long FIRST_BACKOFF_MILLIS = 200;
    static final int BATCH_SIZE = 200;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final Vertx vertx;
    private final Context context;
    private final Pool pool;
    private final PgSubscriber subscriber;
    private final long fallbackMillis;
    private final CommandPublisher publisher;
    private final Counter published;
    private final Counter failures;
    private final Map<String, Topic<String, byte[]>> topics = new ConcurrentHashMap<>();

    // Confined to the relay's context.
    private boolean started;
    private boolean stopped;
    private boolean running;
    private boolean runAgain;
    private long timerId = -1;
    private long consecutiveFailures;
    private Promise<Void> stoppedPromise;

    /**
     * @param listen where to listen for the trigger's notifications: the database {@code pool} connects to
     * @param fallbackInterval how often an idle relay looks for rows without being notified
     */
    public OutboxRelay(
            Vertx vertx,
            Pool pool,
            PgConnectOptions listen,
            Duration fallbackInterval,
            CommandPublisher publisher,
            MeterRegistry registry) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.pool = pool;
        this.fallbackMillis = fallbackInterval.toMillis();
        this.subscriber = PgSubscriber.subscriber(vertx, listen)
                .reconnectPolicy(retries -> backoffAfter(retries + 1L).toMillis());
        subscriber.channel(CHANNEL).subscribeHandler(v -> nudge()).handler(payload -> nudge());
        this.publisher = publisher;
        this.published = Counter.builder("humanchat.outbox.published")
                .description("Outbox records published to Kafka")
                .register(registry);
        this.failures = Counter.builder("humanchat.outbox.relay.failures")
                .description("Relay rounds that failed and will be retried")
                .register(registry);
    }

    /** Starts listening and the rounds; the first one runs at once. */
    public void start() {
        context.runOnContext(v -> {
            if (!started && !stopped) {
                started = true;
                schedule(0);
                listen(1);
            }
        });
    }

    /** Connects the listening connection; once it is up, its own reconnect policy keeps it up. */
    private void listen(long attempt) {
        subscriber.connect().onFailure(error -> {
            long backoff = backoffAfter(attempt).toMillis();
            LOG.warn(
                    "outbox relay cannot listen for new rows yet ({}); looking every {} ms meanwhile, retrying in {} ms",
                    error.toString(),
                    fallbackMillis,
                    backoff);
            vertx.setTimer(
                    backoff,
                    id -> context.runOnContext(v -> {
                        if (!stopped) {
                            listen(attempt + 1);
                        }
                    }));
        });
    }

    /** Asks for a round as soon as possible, e.g. after a transaction wrote to the outbox; safe from any thread. */
    public void nudge() {
        context.runOnContext(v -> {
            if (!started || stopped) {
                return;
            }
            if (running) {
                runAgain = true;
            } else if (consecutiveFailures == 0) {
                schedule(0);
            }
        });
    }

    /** Stops scheduling and completes once a round in progress has finished. */
    public Future<Void> stop() {
        Promise<Void> promise = Promise.promise();
        context.runOnContext(v -> {
            stopped = true;
            subscriber.close();
            if (timerId >= 0) {
                vertx.cancelTimer(timerId);
                timerId = -1;
            }
            if (running) {
                stoppedPromise = promise;
            } else {
                promise.complete();
            }
        });
        return promise.future();
    }

    private void schedule(long delayMillis) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        timerId = vertx.setTimer(Math.max(1, delayMillis), id -> {
            timerId = -1;
            round();
        });
    }

    private void round() {
        if (stopped || running) {
            return;
        }
        running = true;
        runAgain = false;
        relayBatch().onComplete(result -> {
            running = false;
            if (stopped) {
                if (stoppedPromise != null) {
                    stoppedPromise.complete();
                }
                return;
            }
            if (result.failed()) {
                consecutiveFailures++;
                failures.increment();
                long backoff = backoffAfter(consecutiveFailures).toMillis();
                LOG.warn(
                        "outbox relay round failed, retrying in {} ms: {}",
                        backoff,
                        result.cause().toString());
                schedule(backoff);
                return;
            }
            consecutiveFailures = 0;
            schedule(runAgain || result.result() == BATCH_SIZE ? 0 : fallbackMillis);
        });
    }

    /** One round: returns how many rows were published (0 when another replica holds the lock). */
    Future<Integer> relayBatch() {
        return pool.withTransaction(tx -> tx.preparedQuery("select pg_try_advisory_xact_lock($1) as locked")
                .execute(Tuple.of(ADVISORY_LOCK_KEY))
                .compose(lock ->
                        lock.iterator().next().getBoolean("locked") ? publishPending(tx) : Future.succeededFuture(0)));
    }

    private Future<Integer> publishPending(SqlConnection tx) {
        return tx.preparedQuery("select id, topic, record_key, payload::text as payload from outbox"
                        + " where published_at is null order by id limit $1")
                .execute(Tuple.of(BATCH_SIZE))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.succeededFuture(0);
                    }
                    // publish() hands records to one producer thread in call order, and the idempotent producer
                    // keeps that order per partition.
                    List<Future<?>> acks = new ArrayList<>(rows.size());
                    List<Long> ids = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        ids.add(row.getLong("id"));
                        String payload = row.getString("payload");
                        // A null payload is a tombstone (an erased account): the key is published with a null value.
                        acks.add(publisher.publish(
                                topic(row.getString("topic")),
                                row.getString("record_key"),
                                payload == null ? null : payload.getBytes(StandardCharsets.UTF_8)));
                    }
                    return Future.all(acks)
                            .compose(acked -> tx.preparedQuery(
                                            "update outbox set published_at = now() where id = any($1)")
                                    .execute(Tuple.tuple().addArrayOfLong(ids.toArray(Long[]::new))))
                            .map(updated -> {
                                published.increment(ids.size());
                                return ids.size();
                            });
                });
    }

    private Topic<String, byte[]> topic(String name) {
        return topics.computeIfAbsent(name, n -> new Topic<>(n, Serdes.String(), Serdes.ByteArray()));
    }

    /** The pause after {@code failures} consecutive failures: doubling from 400 ms, capped at 5 s. */
    static Duration backoffAfter(long failures) {
        return Duration.ofMillis(Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(failures, 5)));
    }
}
