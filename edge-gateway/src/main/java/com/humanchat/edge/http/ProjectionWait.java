package com.humanchat.edge.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Read-your-writes over an asynchronous projection: after the topology decided, an answer waits (bounded) until the
 * projection shows the decision, so the caller's next GET agrees with it. Polls without blocking.
 */
public final class ProjectionWait {

    private static final Duration POLL = Duration.ofMillis(20);

    private ProjectionWait() {}

    /** Completes once {@code projected} answers true or {@code within} has passed (never fails for the timeout). */
    public static Future<Void> until(Vertx vertx, Supplier<Future<Boolean>> projected, Duration within) {
        return poll(vertx, projected, System.nanoTime() + within.toNanos());
    }

    private static Future<Void> poll(Vertx vertx, Supplier<Future<Boolean>> projected, long deadline) {
        return projected.get().compose(done -> {
            if (done || System.nanoTime() - deadline > 0) {
                return Future.succeededFuture();
            }
            Promise<Void> later = Promise.promise();
            vertx.setTimer(POLL.toMillis(), t -> later.complete());
            return later.future().compose(v -> poll(vertx, projected, deadline));
        });
    }
}
