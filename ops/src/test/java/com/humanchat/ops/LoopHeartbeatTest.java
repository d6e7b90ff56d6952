package com.humanchat.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoopHeartbeatTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final LoopHeartbeat heartbeat = new LoopHeartbeat(Duration.ofNanos(100), now::get);

    @Test
    void aLoopThatPollsWithinTheBoundIsAlive() {
        now.addAndGet(99);
        assertThat(heartbeat.isAlive()).isTrue();
        heartbeat.beat();
        now.addAndGet(99);
        assertThat(heartbeat.isAlive()).isTrue();
    }

    @Test
    void aLoopThatHasNotPolledWithinTheBoundIsDeadUntilItPollsAgain() {
        now.addAndGet(100);
        assertThat(heartbeat.isAlive()).isFalse();
        heartbeat.beat();
        assertThat(heartbeat.isAlive()).isTrue();
    }

    @Test
    void aLoopThatEndedIsDeadEvenRightAfterAPoll() {
        heartbeat.beat();
        heartbeat.ended();
        assertThat(heartbeat.isAlive()).isFalse();
    }
}
