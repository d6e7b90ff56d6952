package com.humanchat.loadgen;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.LongConsumer;

/**
 * Runs {@code count} asynchronous tasks with at most {@code limit} in flight; the results keep task order and the
 * first failure fails the batch (tasks already started still finish, no new one starts).
 *
 * <p>Tasks complete on whatever event loop served them, so the bookkeeping is guarded by the instance lock; a
 * task that completes synchronously does not recurse, the pump loop just goes round again.
 */
final class BoundedConcurrency<T> {

    private final int count;
    private final int limit;
    private final IntFunction<Future<T>> task;
    private final LongConsumer onProgress;
    private final List<T> results;
    private final Promise<List<T>> done = Promise.promise();

    private int next;
    private int running;
    private int completed;
    private boolean failed;
    private boolean pumping;
    private boolean pumpAgain;

    private BoundedConcurrency(int count, int limit, IntFunction<Future<T>> task, LongConsumer onProgress) {
        this.count = count;
        this.limit = limit;
        this.task = task;
        this.onProgress = onProgress;
        this.results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            results.add(null);
        }
    }

    /**
     * Starts the batch; {@code onProgress} gets the number of tasks completed after each completion.
     *
     * @param task builds task {@code i}'s future (0 ≤ i < count); it is called at most once per index
     */
    static <T> Future<List<T>> run(int count, int limit, IntFunction<Future<T>> task, LongConsumer onProgress) {
        if (count < 0 || limit < 1) {
            throw new IllegalArgumentException("need count >= 0 and limit >= 1, got " + count + ", " + limit);
        }
        BoundedConcurrency<T> batch = new BoundedConcurrency<>(count, limit, task, onProgress);
        if (count == 0) {
            return Future.succeededFuture(List.of());
        }
        batch.pump();
        return batch.done.future();
    }

    private synchronized void pump() {
        if (pumping) {
            pumpAgain = true;
            return;
        }
        pumping = true;
        try {
            do {
                pumpAgain = false;
                while (!failed && running < limit && next < count) {
                    int index = next++;
                    running++;
                    Future<T> future;
                    try {
                        future = task.apply(index);
                    } catch (RuntimeException e) {
                        future = Future.failedFuture(e);
                    }
                    future.onComplete(result -> finished(index, result.succeeded(), result.result(), result.cause()));
                }
            } while (pumpAgain);
        } finally {
            pumping = false;
        }
    }

    private void finished(int index, boolean succeeded, T value, Throwable cause) {
        long completedNow;
        boolean failNow = false;
        List<T> allResults = null;
        synchronized (this) {
            running--;
            if (!succeeded) {
                failNow = !failed;
                failed = true;
                completedNow = -1;
            } else {
                results.set(index, value);
                completed++;
                completedNow = completed;
                if (completed == count) {
                    allResults = Collections.unmodifiableList(new ArrayList<>(results));
                }
            }
        }
        if (failNow) {
            done.fail(cause);
            return;
        }
        if (completedNow < 0) {
            return;
        }
        if (onProgress != null) {
            onProgress.accept(completedNow);
        }
        if (allResults != null) {
            done.complete(allResults);
        } else {
            pump();
        }
    }
}
