package com.humanchat.edge.limits;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket per key ({@code capacity} tokens refilled evenly over {@code window}, as {@link KeyedRateLimiter}'s)
 * kept in Redis, so that every edge replica spends the same budget. It is the generic cell rate algorithm: one value
 * per key, the time at which the bucket would be full again, read and moved in one Lua script on Redis's own clock
 * (so the replicas' clocks do not matter), and expiring once the bucket is full.
 */
public final class SharedTokenBucket {

    /**
     * ARGV: microseconds per token, microseconds of burst tolerance ((capacity - 1) tokens). Returns 0 when a token
     * was taken, else the microseconds until the next one.
     */
    private static final String SCRIPT =
            """
            redis.replicate_commands()
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
            local interval = tonumber(ARGV[1])
            local full = tonumber(redis.call('GET', KEYS[1]) or now)
            if full < now then full = now end
            local allowed = full - tonumber(ARGV[2])
            if now < allowed then return allowed - now end
            full = full + interval
            redis.call('SET', KEYS[1], string.format('%d', full), 'PX', math.ceil((full - now) / 1000))
            return 0
            """;

    /** How long a sign-in waits for Redis before the caller falls back to its own replica's count. */
    static final long REDIS_WAIT_MILLIS = 500;

    private final Redis redis;
    private final String prefix;
    private final long capacity;
    private final long intervalMicros;

    /**
     * @param prefix the Redis key prefix of this limit; the capacity and window are added to it, so that replicas of
     *     different settings (during a rolling change) count apart
     */
    public SharedTokenBucket(Redis redis, String prefix, long capacity, Duration window) {
        if (capacity < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("capacity and window must be positive");
        }
        this.redis = redis;
        this.prefix = prefix + capacity + "/" + window.toSeconds() + "s:";
        this.capacity = capacity;
        this.intervalMicros = Math.max(1, TimeUnit.NANOSECONDS.toMicros(window.toNanos()) / capacity);
    }

    /**
     * Takes a token of {@code key}'s bucket.
     *
     * @return 0 if the call is allowed, else the whole seconds (at least 1) until the next token; a failed future when
     *     Redis does not answer in time
     */
    public Future<Long> tryAcquire(String key) {
        Request eval = Request.cmd(Command.EVAL)
                .arg(SCRIPT)
                .arg(1)
                .arg(prefix + key)
                .arg(intervalMicros)
                .arg(intervalMicros * (capacity - 1));
        return redis.send(eval)
                .timeout(REDIS_WAIT_MILLIS, TimeUnit.MILLISECONDS)
                .map(answer -> {
                    long waitMicros = answer.toLong();
                    return waitMicros <= 0 ? 0L : RetryAfter.seconds(TimeUnit.MICROSECONDS.toNanos(waitMicros));
                });
    }

    public long capacity() {
        return capacity;
    }
}
