package com.humanchat.schemas;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * How every back-end consumer fetches: a long poll that the broker answers as soon as one byte is there. An idle
 * consumer then waits at the broker instead of asking again every few milliseconds (which kept a core busy doing
 * nothing), and a busy one still gets whole batches, because a fetch takes everything that arrived since the last.
 */
public final class ConsumerSettings {

    /** The broker answers a fetch as soon as this much is there… */
    public static final int FETCH_MIN_BYTES = 1;

    /**
     * …or after this long with nothing: how often an idle consumer asks again. Data ends the wait at once; the one
     * other cost is that partitions a consumer gains in a rebalance are fetched when its pending fetch returns, so at
     * most this much later.
     */
    public static final int FETCH_MAX_WAIT_MS = 2_000;

    /**
     * How long an idle consumer loop waits in {@code poll}: as long as its fetch waits at the broker, so that it wakes
     * once per empty fetch instead of several times. Records end the wait at once and {@code wakeup()} ends it on
     * close, so this adds no latency; it only sets how often an idle loop checks its own state (liveness beats).
     */
    public static final Duration IDLE_POLL = Duration.ofMillis(FETCH_MAX_WAIT_MS);

    private ConsumerSettings() {}

    public static Map<String, Object> longPollFetch() {
        return Map.of(
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, FETCH_MIN_BYTES,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS);
    }
}
