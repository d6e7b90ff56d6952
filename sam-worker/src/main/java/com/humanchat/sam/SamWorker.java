package com.humanchat.sam;

import com.humanchat.ops.TraceMdc;
import com.humanchat.readmodels.hosts.HostReadModel;
import com.humanchat.readmodels.presence.PresenceReader;
import com.humanchat.sam.config.SamWorkerConfig;
import com.humanchat.sam.gemini.GeminiConcierge;
import com.humanchat.sam.kafka.ReplyProducer;
import com.humanchat.sam.kafka.SamRequestConsumer;
import com.humanchat.sam.tools.LiveData;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.sam.SamRequest;
import com.humanchat.schemas.sam.SamRequested;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sam in one process: the bounded consumer of {@code sam.requests}, Gemini (or the "not configured" answer without a
 * key), the read-only tools and the reply producer. {@link #close()} stops in reverse order.
 */
public final class SamWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SamWorker.class);
    private static final int PG_POOL_SIZE = 4;

    private final Vertx vertx;
    private final Pool pg;
    private final Redis redis;
    private final ScheduledExecutorService retryScheduler;
    private final GeminiConcierge concierge;
    private final ReplyProducer replies;
    private final SamRequestConsumer consumer;

    private SamWorker(SamWorkerConfig config, MeterRegistry registry) {
        SamMetrics metrics = new SamMetrics(registry);
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        this.pg = PgBuilder.pool()
                .with(new PoolOptions()
                        .setName("sam-pg")
                        .setMaxSize(PG_POOL_SIZE)
                        .setMaxWaitQueueSize(1024))
                .connectingTo(new PgConnectOptions()
                        .setHost(config.postgres().host())
                        .setPort(config.postgres().port())
                        .setDatabase(config.postgres().database())
                        .setUser(config.postgres().user())
                        .setPassword(config.postgres().password())
                        .setCachePreparedStatements(true))
                .using(vertx)
                .build();
        this.redis = Redis.createClient(
                vertx, new RedisOptions().setConnectionString(config.redisUrl()).setMaxPoolSize(2));
        LiveData live = new LiveData(pg, new PresenceReader(redis), new HostReadModel(pg));
        this.retryScheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "sam-model-retries");
            thread.setDaemon(true);
            return thread;
        });
        this.concierge = config.geminiConfigured() ? new GeminiConcierge(config, live, metrics, retryScheduler) : null;
        if (concierge == null) {
            LOG.warn("HUMANCHAT_GEMINI_API_KEY is not set: Sam answers every request with 'not configured'");
        }
        this.replies = new ReplyProducer(config.kafkaBootstrap(), config.groupId());
        SamResponder responder =
                new SamResponder(config, live, concierge, replies, metrics, new SamTyping(vertx, redis));
        this.consumer = new SamRequestConsumer(
                config.kafkaBootstrap(),
                config.groupId(),
                config.maxInFlight(),
                config.maxBuffered(),
                record -> handle(responder, record),
                metrics);
    }

    /** Starts consuming; topics must exist (the main or the platform provisions them). */
    public static SamWorker start(SamWorkerConfig config, MeterRegistry registry) {
        SamWorker worker = new SamWorker(config, registry);
        worker.consumer.start();
        return worker;
    }

    private static void handle(SamResponder responder, ConsumerRecord<String, byte[]> record) throws Exception {
        try (TraceMdc.Scope trace = TraceMdc.of(record.headers())) {
            answer(responder, record);
        }
    }

    private static void answer(SamResponder responder, ConsumerRecord<String, byte[]> record) throws Exception {
        SamRequest request;
        try {
            request = Topics.SAM_REQUESTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            responder.unreadable(record, e.getMessage());
            return;
        }
        switch (request) {
            case SamRequested requested -> responder.answer(record, requested);
            case null -> responder.unreadable(record, "a null record");
        }
    }

    public boolean isHealthy() {
        return consumer.isHealthy();
    }

    /** Liveness ({@code /health/live}): the consumer loop runs and polls. */
    public boolean isLive() {
        return consumer.isLive();
    }

    /**
     * Stops; requests under way get up to {@code grace} to be answered and committed. {@link Duration#ZERO} is as
     * good as a crash for Kafka: what was under way is answered again by the next worker, once.
     */
    public void close(Duration grace) {
        consumer.close(grace);
        if (concierge != null) {
            concierge.close();
        }
        replies.close();
        retryScheduler.shutdownNow();
        redis.close();
        pg.close();
        vertx.close()
                .toCompletionStage()
                .toCompletableFuture()
                .orTimeout(10, TimeUnit.SECONDS)
                .exceptionally(e -> null)
                .join();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(20));
    }
}
