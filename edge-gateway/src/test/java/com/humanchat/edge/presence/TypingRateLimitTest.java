package com.humanchat.edge.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TypingRateLimitTest {

    @Test
    void acceptsUpToMaxPerWindowThenRefuses() {
        TypingRateLimit limit = new TypingRateLimit(5, 2000);
        for (int i = 0; i < 5; i++) {
            assertThat(limit.tryAcquire(1000 + i)).as("event %d", i).isTrue();
        }
        assertThat(limit.tryAcquire(1005)).isFalse();
        assertThat(limit.tryAcquire(2999)).isFalse();
    }

    @Test
    void theWindowSlides() {
        TypingRateLimit limit = new TypingRateLimit(2, 2000);
        assertThat(limit.tryAcquire(0)).isTrue();
        assertThat(limit.tryAcquire(1500)).isTrue();
        assertThat(limit.tryAcquire(1999)).isFalse();
        // the first event left the window; the second is still in it
        assertThat(limit.tryAcquire(2000)).isTrue();
        assertThat(limit.tryAcquire(2001)).isFalse();
        assertThat(limit.tryAcquire(3500)).isTrue();
    }

    @Test
    void refusedEventsAreNotCounted() {
        TypingRateLimit limit = new TypingRateLimit(1, 1000);
        assertThat(limit.tryAcquire(0)).isTrue();
        for (int t = 1; t < 1000; t += 100) {
            assertThat(limit.tryAcquire(t)).isFalse();
        }
        assertThat(limit.tryAcquire(1000)).isTrue();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new TypingRateLimit(0, 1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TypingRateLimit(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
