package com.humanchat.streams.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InboundLedgerTest {

    private static final Instant MORNING = Instant.parse("2026-12-07T08:00:00Z");

    @Test
    void admitsUpToTheCapADayCountsARetryOnceAndStartsAgainTheNextUtcDay() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        InboundLedger.Admission a = InboundLedger.empty().admit(first, MORNING, 1);
        assertThat(a.admitted()).isTrue();
        InboundLedger.Admission retried = a.ledger().admit(first, MORNING.plusSeconds(60), 1);
        assertThat(retried.admitted())
                .as("a retried create is not a new conversation")
                .isTrue();
        InboundLedger.Admission over = retried.ledger().admit(second, MORNING.plusSeconds(120), 1);
        assertThat(over.admitted()).isFalse();
        assertThat(over.ledger().admitted()).containsExactly(first);

        InboundLedger.Admission tomorrow = over.ledger().admit(second, Instant.parse("2026-12-08T00:00:00Z"), 1);
        assertThat(tomorrow.admitted()).isTrue();
        assertThat(tomorrow.ledger().day()).isEqualTo("2026-12-08");
        assertThat(tomorrow.ledger().admitted()).containsExactly(second);
        assertThat(tomorrow.ledger()
                        .admit(first, MORNING.plus(Duration.ofDays(1)), 1)
                        .admitted())
                .as("yesterday's conversation is a new one today")
                .isFalse();
    }
}
