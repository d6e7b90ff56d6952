package com.humanchat.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BoundedConcurrencyTest {

    @Test
    void neverRunsMoreThanTheLimitAndKeepsTaskOrder() {
        List<Promise<String>> started = new ArrayList<>();
        List<Long> progress = new ArrayList<>();

        Future<List<String>> all = BoundedConcurrency.run(
                10,
                3,
                i -> {
                    Promise<String> promise = Promise.promise();
                    started.add(promise);
                    return promise.future();
                },
                progress::add);

        assertThat(started).hasSize(3);
        started.get(1).complete("r1");
        assertThat(started).hasSize(4);
        started.get(0).complete("r0");
        started.get(3).complete("r3");
        assertThat(started).hasSize(6);
        for (int i = 0; i < 10; i++) {
            if (!started.get(i).future().isComplete()) {
                started.get(i).complete("r" + i);
            }
            assertThat(started.size()).isLessThanOrEqualTo(10);
        }

        assertThat(all.succeeded()).isTrue();
        assertThat(all.result())
                .containsExactlyElementsOf(
                        IntStream.range(0, 10).mapToObj(i -> "r" + i).toList());
        assertThat(progress).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }

    @Test
    void synchronousCompletionsDoNotRecurse() {
        Future<List<Integer>> all = BoundedConcurrency.run(200_000, 16, Future::succeededFuture, null);

        assertThat(all.succeeded()).isTrue();
        assertThat(all.result()).hasSize(200_000).startsWith(0, 1, 2).endsWith(199_999);
    }

    @Test
    void theFirstFailureFailsTheBatchAndStartsNothingMore() {
        AtomicInteger calls = new AtomicInteger();
        List<Promise<Integer>> started = new ArrayList<>();

        Future<List<Integer>> all = BoundedConcurrency.run(
                100,
                2,
                i -> {
                    calls.incrementAndGet();
                    Promise<Integer> promise = Promise.promise();
                    started.add(promise);
                    return promise.future();
                },
                null);
        started.get(0).fail(new IllegalStateException("409"));
        started.get(1).complete(1);

        assertThat(all.failed()).isTrue();
        assertThat(all.cause()).hasMessage("409");
        assertThat(calls).hasValue(2);
    }

    @Test
    void aTaskThatThrowsFailsTheBatch() {
        Future<List<Object>> all = BoundedConcurrency.run(
                3,
                1,
                i -> {
                    throw new IllegalArgumentException("bad task " + i);
                },
                null);

        assertThat(all.failed()).isTrue();
        assertThat(all.cause()).hasMessage("bad task 0");
    }

    @Test
    void anEmptyBatchSucceedsAtOnce() {
        assertThat(BoundedConcurrency.run(0, 4, i -> Future.succeededFuture(i), null)
                        .result())
                .isEmpty();
    }
}
