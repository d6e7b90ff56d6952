package com.humanchat.streams.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestHoldTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant IN_A_WEEK = NOW.plus(Duration.ofDays(7));

    @Test
    void holdsForTheHostsChoice() {
        assertThat(RequestHold.heldUntil(90, NOW, IN_A_WEEK)).isEqualTo(NOW.plus(Duration.ofMinutes(90)));
    }

    @Test
    void holdsForADayWhenTheHostChoseNothing() {
        assertThat(RequestHold.heldUntil(null, NOW, IN_A_WEEK)).isEqualTo(NOW.plus(Duration.ofHours(24)));
    }

    @Test
    void holdsNothingWhenTheHostSaidSo() {
        assertThat(RequestHold.heldUntil(0, NOW, IN_A_WEEK)).isEqualTo(NOW);
    }

    @Test
    void neverHoldsPastTheStart() {
        Instant soon = NOW.plus(Duration.ofHours(2));

        assertThat(RequestHold.heldUntil(null, NOW, soon)).isEqualTo(soon);
    }
}
