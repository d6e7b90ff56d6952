package com.humanchat.edge.presence;

import java.util.ArrayDeque;

/**
 * At most {@code max} events per sliding window of {@code windowMillis}; one instance per socket, confined to the
 * socket's context (not thread-safe).
 */
public final class TypingRateLimit {

    private final int max;
    private final long windowMillis;
    private final ArrayDeque<Long> accepted = new ArrayDeque<>();

    public TypingRateLimit(int max, long windowMillis) {
        if (max < 1 || windowMillis < 1) {
            throw new IllegalArgumentException("max and windowMillis must be positive");
        }
        this.max = max;
        this.windowMillis = windowMillis;
    }

    /** True (and counted) if an event at {@code nowMillis} is within the limit; a refused event is not counted. */
    public boolean tryAcquire(long nowMillis) {
        while (!accepted.isEmpty() && nowMillis - accepted.peekFirst() >= windowMillis) {
            accepted.pollFirst();
        }
        if (accepted.size() >= max) {
            return false;
        }
        accepted.addLast(nowMillis);
        return true;
    }
}
