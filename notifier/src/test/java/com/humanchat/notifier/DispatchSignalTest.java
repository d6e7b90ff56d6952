package com.humanchat.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DispatchSignalTest {

    /** Far longer than any wait these tests allow, so that a round they see was caused by what they did. */
    private static final Duration RESCAN = Duration.ofMinutes(10);

    @Test
    void aRequestMadeWhileWaitingEndsTheWaitAfterTheMinimumPause() throws Exception {
        DispatchSignal signal = new DispatchSignal(Duration.ofMillis(50), RESCAN);
        CompletableFuture<Long> waited = waitInBackground(signal, null);

        signal.request();

        assertThat(waited.get(30, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(50);
    }

    @Test
    void aRequestMadeDuringARoundAsksForAnotherOneAndRoundStartingClearsIt() throws Exception {
        DispatchSignal signal = new DispatchSignal(Duration.ZERO, RESCAN);
        signal.request(); // before the round below started: it covered this request
        signal.roundStarting();
        signal.request(); // during the round

        assertThat(signal.awaitNextRound(null)).isTrue();
    }

    @Test
    void closeEndsAWaitAndEveryLaterOne() throws Exception {
        DispatchSignal signal = new DispatchSignal(Duration.ZERO, RESCAN);
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return signal.awaitNextRound(null);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        signal.close();

        assertThat(waiting.get(30, TimeUnit.SECONDS)).isFalse();
        assertThat(signal.awaitNextRound(Duration.ZERO)).isFalse();
    }

    @Test
    void workDueSoonEndsTheWaitWhenItFallsDue() throws Exception {
        DispatchSignal signal = new DispatchSignal(Duration.ZERO, RESCAN);

        long waited = waitInBackground(signal, Duration.ofMillis(200)).get(30, TimeUnit.SECONDS);

        assertThat(waited).isGreaterThanOrEqualTo(200);
    }

    @Test
    void workAlreadyDueWaitsOnlyTheMinimumPauseAndNothingDueWaitsForTheRescan() throws Exception {
        DispatchSignal signal = new DispatchSignal(Duration.ofMillis(30), Duration.ofMillis(300));

        assertThat(waitInBackground(signal, Duration.ofSeconds(-5)).get(30, TimeUnit.SECONDS))
                .isBetween(30L, 290L);
        assertThat(waitInBackground(signal, null).get(30, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(300);
        assertThat(waitInBackground(signal, Duration.ofDays(1)).get(30, TimeUnit.SECONDS))
                .as("due later than the rescan: the rescan comes first")
                .isGreaterThanOrEqualTo(300);
    }

    /** Runs one wait on another thread; completes with how many milliseconds it took. */
    private static CompletableFuture<Long> waitInBackground(DispatchSignal signal, Duration dueIn) {
        return CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            try {
                signal.awaitNextRound(dueIn);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return (System.nanoTime() - start) / 1_000_000;
        });
    }
}
