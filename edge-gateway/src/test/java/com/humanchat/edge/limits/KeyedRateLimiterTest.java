package com.humanchat.edge.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeyedRateLimiterTest {

    private final FakeTime time = new FakeTime();

    @Test
    void refusesOverCapacityWithTheWaitForTheNextToken() {
        KeyedRateLimiter limiter = new KeyedRateLimiter(3, Duration.ofMinutes(1), 10, time);

        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isZero();

        // 3 per minute: one token every 20 s.
        assertThat(limiter.tryAcquire("a")).isEqualTo(20);
        assertThat(limiter.tryAcquire("b")).as("keys are independent").isZero();
    }

    @Test
    void refillsOverTime() {
        KeyedRateLimiter limiter = new KeyedRateLimiter(2, Duration.ofSeconds(2), 10, time);
        limiter.tryAcquire("a");
        limiter.tryAcquire("a");
        assertThat(limiter.tryAcquire("a")).isEqualTo(1);

        time.advance(Duration.ofSeconds(1));

        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isPositive();
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        KeyedRateLimiter limiter = new KeyedRateLimiter(1000, Duration.ofSeconds(1), 10, time);
        for (int i = 0; i < 1000; i++) {
            limiter.tryAcquire("a");
        }

        assertThat(limiter.tryAcquire("a")).isEqualTo(1);
    }

    @Test
    void dropsIdleKeysAndBoundsTheMap() {
        KeyedRateLimiter limiter = new KeyedRateLimiter(5, Duration.ofSeconds(10), 3, time);
        limiter.tryAcquire("a");
        limiter.tryAcquire("b");
        limiter.tryAcquire("c");
        limiter.tryAcquire("d");

        assertThat(limiter.trackedKeys()).isEqualTo(3);

        time.advance(Duration.ofSeconds(11));
        limiter.tryAcquire("e");

        assertThat(limiter.trackedKeys()).isEqualTo(1);
    }
}
