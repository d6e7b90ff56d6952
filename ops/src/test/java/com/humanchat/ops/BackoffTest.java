package com.humanchat.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromTheMinimumUpToTheMaximumAndStartsOverAfterAReset() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

        assertThat(java.util.stream.Stream.generate(backoff::next).limit(8).map(Duration::toMillis))
                .containsExactly(100L, 200L, 400L, 800L, 1600L, 3200L, 5000L, 5000L);
        assertThat(backoff.attempts()).isEqualTo(8);

        backoff.reset();
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(100));
    }
}
