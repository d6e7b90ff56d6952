package com.humanchat.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeasuredRateTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void countsPerSecondOfTheWindowStretchedToALateLastEvent() {
        assertThat(MeasuredRate.of(1000, 10, 5 * SECOND, 14 * SECOND)).isEqualTo(100.0);
        assertThat(MeasuredRate.of(1000, 10, 5 * SECOND, 25 * SECOND))
                .as("last event 20 s in")
                .isEqualTo(50.0);
        assertThat(MeasuredRate.of(333, 10, 0, Long.MIN_VALUE)).isEqualTo(33.3);
        assertThat(MeasuredRate.of(0, 10, 0, Long.MIN_VALUE)).isZero();
    }
}
