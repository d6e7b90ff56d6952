package com.humanchat.sam.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ModelRetryPolicyTest {

    private final AtomicInteger retries = new AtomicInteger();
    private final RetryPolicy<String> policy =
            ModelRetryPolicy.of(4, Duration.ofMillis(20), Duration.ofMillis(400), retries::incrementAndGet);

    private static ModelCallFailed failure(int status, Duration retryAfter) {
        return new ModelCallFailed(status, retryAfter, new RuntimeException("HTTP " + status));
    }

    @Test
    void retriesA429HonouringRetryAfterThenSucceeds() {
        List<Long> attemptsAt = new ArrayList<>();
        long start = System.nanoTime();

        String answer = Failsafe.with(policy).get(() -> {
            attemptsAt.add((System.nanoTime() - start) / 1_000_000);
            if (attemptsAt.size() < 3) {
                throw failure(429, Duration.ofMillis(150));
            }
            return "ok";
        });

        assertThat(answer).isEqualTo("ok");
        assertThat(retries).hasValue(2);
        assertThat(attemptsAt.get(1) - attemptsAt.get(0)).isGreaterThanOrEqualTo(140);
        assertThat(attemptsAt.get(2) - attemptsAt.get(1)).isGreaterThanOrEqualTo(140);
    }

    @Test
    void backsOffExponentiallyWithJitterOn5xxAndTimeouts() {
        List<Long> attemptsAt = new ArrayList<>();
        long start = System.nanoTime();

        assertThatThrownBy(() -> Failsafe.with(policy).get(() -> {
                    attemptsAt.add((System.nanoTime() - start) / 1_000_000);
                    throw attemptsAt.size() % 2 == 0
                            ? failure(503, null)
                            : new ModelCallFailed(0, null, new InterruptedIOException("timeout"));
                }))
                .isInstanceOf(ModelCallFailed.class);

        assertThat(attemptsAt).hasSize(4);
        long first = attemptsAt.get(1) - attemptsAt.get(0);
        long third = attemptsAt.get(3) - attemptsAt.get(2);
        assertThat(first).isGreaterThanOrEqualTo(15);
        assertThat(third).as("20 ms doubled twice, minus 25 %% jitter").isGreaterThanOrEqualTo(60);
        assertThat(retries).hasValue(3);
    }

    @Test
    void neverRetriesARequestTheServerRefused() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> Failsafe.with(policy).get(() -> {
                    attempts.incrementAndGet();
                    throw failure(400, null);
                }))
                .isInstanceOf(ModelCallFailed.class);
        assertThatThrownBy(() -> Failsafe.with(policy).get(() -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("a bug");
                }))
                .isInstanceOfAny(IllegalStateException.class, FailsafeException.class);

        assertThat(attempts).hasValue(2);
        assertThat(retries).hasValue(0);
    }

    @Test
    void capsAServersRetryAfterAtTheMaximumDelay() {
        List<Long> attemptsAt = new ArrayList<>();
        long start = System.nanoTime();

        Failsafe.with(policy).get(() -> {
            attemptsAt.add((System.nanoTime() - start) / 1_000_000);
            if (attemptsAt.size() == 1) {
                throw failure(429, Duration.ofMinutes(5));
            }
            return "ok";
        });

        assertThat(attemptsAt.get(1) - attemptsAt.get(0)).isBetween(350L, 2_000L);
    }
}
