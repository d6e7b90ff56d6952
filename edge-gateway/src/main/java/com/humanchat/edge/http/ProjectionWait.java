package com.humanchat.edge.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Read-your-writes over an asynchronous projection: after the topology decided, an answer waits (bounded) until the
 * projection shows the decision, so the caller's next GET agrees with it. Polls without blocking.
 */
public final class ProjectionWait {

    private static final Duration POLL = Duration.ofMillis(15);

    private ProjectionWait() {}

    /**
     * Reads until {@code projected} accepts what {@code read} answers or {@code within} has passed; completes with the
     * last value read either way (never fails for the timeout).
     */
    public static <T> Future<T> until(Vertx vertx, Supplier<Future<T>> read, Predicate<T> projected, Duration within) {
        return poll(vertx, read, projected, System.nanoTime() + within.toNanos());
    }

    private static <T> Future<T> poll(Vertx vertx, Supplier<Future<T>> read, Predicate<T> projected, long deadline) {
        return read.get().compose(value -> {
            if (projected.test(value) || System.nanoTime() - deadline > 0) {
                return Future.succeededFuture(value);
            }
            Promise<Void> later = Promise.promise();
            vertx.setTimer(POLL.toMillis(), t -> later.complete());
            return later.future().compose(v -> poll(vertx, read, projected, deadline));
        });
    }
}
