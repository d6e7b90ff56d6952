package com.humanchat.edge.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.edge.limits.FrameRateLimit.Decision;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FrameRateLimitTest {

    private final FakeTime time = new FakeTime();

    @Test
    void notifiesOncePerBurstAndRecovers() {
        FrameRateLimit limit = new FrameRateLimit(2, time);

        assertThat(limit.onFrame()).isEqualTo(Decision.ACCEPT);
        assertThat(limit.onFrame()).isEqualTo(Decision.ACCEPT);
        assertThat(limit.onFrame()).isEqualTo(Decision.REJECT_AND_NOTIFY);
        assertThat(limit.onFrame()).isEqualTo(Decision.REJECT);
        assertThat(limit.onFrame()).isEqualTo(Decision.REJECT);

        time.advance(Duration.ofMillis(500));

        assertThat(limit.onFrame()).isEqualTo(Decision.ACCEPT);
        assertThat(limit.onFrame()).isEqualTo(Decision.REJECT_AND_NOTIFY);
    }
}
