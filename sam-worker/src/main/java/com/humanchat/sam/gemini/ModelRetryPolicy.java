package com.humanchat.sam.gemini;

import dev.failsafe.RetryPolicy;
import java.time.Duration;

/**
 * Retries of one model call: exponential backoff from {@code initial} to {@code max} with 25 % jitter on 429, 408,
 * 5xx and timeouts; a server's {@code Retry-After} replaces the backoff (at most {@code max}). Others fail at once.
 */
public final class ModelRetryPolicy {

    static final double JITTER = 0.25;
    /** Failsafe falls back to the backoff when the delay function answers a negative duration (null is an error). */
    private static final Duration USE_BACKOFF = Duration.ofNanos(-1);

    private ModelRetryPolicy() {}

    /**
     * The server's wait (at most {@code max}), stretched by 1 / (1 - jitter): Failsafe jitters this delay too, and even
     * its shortest jittered wait must not come before {@code Retry-After}.
     */
    static Duration honouring(Duration retryAfter, Duration max) {
        Duration asked = retryAfter.compareTo(max) > 0 ? max : retryAfter;
        return Duration.ofNanos(Math.round(asked.toNanos() / (1 - JITTER)));
    }

    public static <R> RetryPolicy<R> of(int maxAttempts, Duration initial, Duration max, Runnable onRetry) {
        return RetryPolicy.<R>builder()
                .handleIf((result, failure) -> failure instanceof ModelCallFailed failed && failed.retryable())
                .withMaxAttempts(maxAttempts)
                .withBackoff(initial, max.compareTo(initial) > 0 ? max : initial.plusMillis(1))
                .withJitter(JITTER)
                .withDelayFn(context ->
                        context.getLastException() instanceof ModelCallFailed failed && failed.retryAfter() != null
                                ? honouring(failed.retryAfter(), max)
                                : USE_BACKOFF)
                .onRetry(event -> onRetry.run())
                .build();
    }
}
