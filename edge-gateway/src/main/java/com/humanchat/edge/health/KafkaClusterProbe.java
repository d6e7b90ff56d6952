package com.humanchat.edge.health;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Whether the Kafka cluster answers {@code describeCluster} within a short timeout. The call completes on the
 * admin client's own thread (never blocking an event loop), one probe at a time, and its answer is reused for
 * {@link #CACHE_FOR} so that frequent readiness polls cost nothing.
 */
public final class KafkaClusterProbe implements AutoCloseable {

    static final Duration CACHE_FOR = Duration.ofMillis(1500);
    static final int TIMEOUT_MILLIS = 1500;

    private final Vertx vertx;
    private final Admin admin;
    private final AtomicReference<Probe> last = new AtomicReference<>();

    private record Probe(Future<Boolean> result, long startedNanos) {}

    public KafkaClusterProbe(Vertx vertx, String bootstrapServers, String clientId) {
        this.vertx = vertx;
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, clientId,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MILLIS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MILLIS,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000));
    }

    /** {@code true} if the cluster answered; completes on the caller's context. */
    public Future<Boolean> isUp() {
        Context caller = vertx.getOrCreateContext();
        Promise<Boolean> answer = Promise.promise();
        current().onComplete(result -> caller.runOnContext(v -> answer.handle(result)));
        return answer.future();
    }

    private Future<Boolean> current() {
        while (true) {
            Probe previous = last.get();
            long now = System.nanoTime();
            if (previous != null
                    && (!previous.result().isComplete() || now - previous.startedNanos() < CACHE_FOR.toNanos())) {
                return previous.result();
            }
            Promise<Boolean> promise = Promise.promise();
            Probe next = new Probe(promise.future(), now);
            if (last.compareAndSet(previous, next)) {
                describeCluster(promise);
                return next.result();
            }
        }
    }

    private void describeCluster(Promise<Boolean> promise) {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MILLIS))
                    .clusterId()
                    .whenComplete((clusterId, error) -> promise.complete(error == null && clusterId != null));
        } catch (RuntimeException e) {
            promise.complete(false);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
