package com.humanchat.edge.limits;

import java.util.concurrent.TimeUnit;

/** {@code Retry-After} is in whole seconds; round a refill wait up and never answer 0. */
final class RetryAfter {

    private RetryAfter() {}

    static long seconds(long nanosToWait) {
        long seconds = (nanosToWait + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
        return Math.max(1, seconds);
    }
}
