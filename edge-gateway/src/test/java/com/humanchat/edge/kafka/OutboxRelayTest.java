package com.humanchat.edge.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {

    @Test
    void backsOffByDoublingUpToFiveSeconds() {
        assertThat(OutboxRelay.backoffAfter(1)).isEqualTo(Duration.ofMillis(400));
        assertThat(OutboxRelay.backoffAfter(2)).isEqualTo(Duration.ofMillis(800));
        assertThat(OutboxRelay.backoffAfter(4)).isEqualTo(Duration.ofMillis(3200));
        assertThat(OutboxRelay.backoffAfter(5)).isEqualTo(Duration.ofSeconds(5));
        assertThat(OutboxRelay.backoffAfter(1_000)).isEqualTo(Duration.ofSeconds(5));
    }
}
