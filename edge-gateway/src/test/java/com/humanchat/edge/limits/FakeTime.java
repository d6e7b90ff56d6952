package com.humanchat.edge.limits;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/** A clock the test moves by hand. */
final class FakeTime implements TimeMeter {

    private long nanos = 1_000_000_000L;

    void advance(Duration by) {
        nanos += by.toNanos();
    }

    @Override
    public long currentTimeNanos() {
        return nanos;
    }

    @Override
    public boolean isWallClockBased() {
        return false;
    }
}
