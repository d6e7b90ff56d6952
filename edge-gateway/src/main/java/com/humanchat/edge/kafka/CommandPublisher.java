package com.humanchat.edge.kafka;

import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.RequestTrace;
import com.humanchat.schemas.ProducerSettings;
import com.humanchat.schemas.Topic;
import com.humanchat.schemas.TraceParent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces commands with {@code acks=all} and idempotence, and answers only once Kafka acknowledged them. A command
 * published while serving an HTTP request carries the request's trace id in a {@code traceparent} header.
 * {@link KafkaProducer#send} may block on metadata while the broker is away, so it runs on one dedicated
 * thread behind a bounded queue, never on an event loop; a full queue, a delivery timeout, or a send still queued
 * when its delivery timeout has passed (not produced at all) becomes a 503 problem with {@code Retry-After}.
 */
public final class CommandPublisher implements AutoCloseable {

    private static final int MAX_QUEUED_SENDS = 10_000;

    private final Vertx vertx;
    private final KafkaProducer<String, byte[]> producer;
    private final ThreadPoolExecutor sender;
    private final long deliveryTimeoutNanos;

    public CommandPublisher(Vertx vertx, String bootstrapServers, Duration deliveryTimeout, String clientId) {
        this.vertx = vertx;
        this.deliveryTimeoutNanos = deliveryTimeout.toNanos();
        int delivery = (int) deliveryTimeout.toMillis();
        // The platform's reliable producer (acks=all, idempotent) with the edge's own timing: every wait is bounded by
        // the delivery timeout the caller answers within.
        Map<String, Object> config = new HashMap<>(ProducerSettings.reliable(bootstrapServers, clientId));
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, delivery);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(500, delivery - 500));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, delivery);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 16L * 1024 * 1024);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.sender = new ThreadPoolExecutor(
                1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(MAX_QUEUED_SENDS), runnable -> {
                    Thread thread = new Thread(runnable, "kafka-command-publisher");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Publishes {@code value} under {@code key}; completes on the caller's context once every in-sync replica
     * has it, or fails with a 503 {@link ProblemException}.
     */
    public <V> Future<RecordMetadata> publish(Topic<String, V> topic, String key, V value) {
        Context context = vertx.getOrCreateContext();
        Promise<RecordMetadata> promise = Promise.promise();
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic.name(), key, bytes);
        RequestTrace.current().ifPresent(traceId -> TraceParent.set(record.headers(), traceId));
        long queuedAt = System.nanoTime();
        try {
            sender.execute(() -> {
                if (System.nanoTime() - queuedAt >= deliveryTimeoutNanos) {
                    // Queued for its whole delivery timeout behind sends blocked on an unreachable broker (each up to
                    // max.block.ms): answer now and produce nothing, so that no answer waits in proportion to the
                    // queue.
                    context.runOnContext(v -> promise.fail(ProblemException.unavailable(
                            "the message bus did not acknowledge in time: queued past the delivery timeout", 5)));
                    return;
                }
                try {
                    producer.send(
                            record,
                            (metadata, error) -> context.runOnContext(v -> {
                                if (error == null) {
                                    promise.complete(metadata);
                                } else {
                                    promise.fail(unavailable(error));
                                }
                            }));
                } catch (RuntimeException error) {
                    context.runOnContext(v -> promise.fail(unavailable(error)));
                }
            });
        } catch (RejectedExecutionException full) {
            promise.fail(ProblemException.unavailable("the message bus is saturated; retry shortly", 2));
        }
        return promise.future();
    }

    private static ProblemException unavailable(Throwable error) {
        return ProblemException.unavailable("the message bus did not acknowledge in time: " + error.getMessage(), 5);
    }

    @Override
    public void close() {
        sender.shutdown();
        producer.close(Duration.ofSeconds(5));
    }
}
