package com.humanchat.edge.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per key ({@code capacity} tokens, refilled greedily over {@code window}) in a bounded map: a key
 * idle for a whole window is dropped (its bucket would be full again, so nothing is lost), and past {@code maxKeys}
 * the least recently used key is dropped.
 */
public final class KeyedRateLimiter {

    private final long capacity;
    private final Duration window;
    private final int maxKeys;
    private final TimeMeter time;
    private final LinkedHashMap<String, Tracked> buckets = new LinkedHashMap<>(256, 0.75f, true);

    private record Tracked(Bucket bucket, long lastUsedNanos) {}

    public KeyedRateLimiter(long capacity, Duration window, int maxKeys) {
        this(capacity, window, maxKeys, TimeMeter.SYSTEM_NANOTIME);
    }

    KeyedRateLimiter(long capacity, Duration window, int maxKeys, TimeMeter time) {
        if (capacity < 1 || window.isNegative() || window.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("capacity, window and maxKeys must be positive");
        }
        this.capacity = capacity;
        this.window = window;
        this.maxKeys = maxKeys;
        this.time = time;
    }

    /**
     * Takes a token for {@code key}.
     *
     * @return 0 if the call is allowed, else the whole seconds (at least 1) until the next token refills
     */
    public long tryAcquire(String key) {
        long now = time.currentTimeNanos();
        Bucket bucket;
        synchronized (buckets) {
            evictIdle(now);
            Tracked tracked = buckets.get(key);
            bucket = tracked == null ? newBucket() : tracked.bucket();
            buckets.put(key, new Tracked(bucket, now));
            if (buckets.size() > maxKeys) {
                Iterator<String> eldest = buckets.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : RetryAfter.seconds(probe.getNanosToWaitForRefill());
    }

    /** Keys currently tracked (for tests and metrics). */
    public int trackedKeys() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    public long capacity() {
        return capacity;
    }

    public Duration window() {
        return window;
    }

    /** The map is in access order, so idle keys sit at its head. */
    private void evictIdle(long now) {
        long idleNanos = window.toNanos();
        Iterator<Map.Entry<String, Tracked>> it = buckets.entrySet().iterator();
        while (it.hasNext()) {
            if (now - it.next().getValue().lastUsedNanos() < idleNanos) {
                return;
            }
            it.remove();
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
                .withCustomTimePrecision(time)
                .build();
    }
}
