package com.humanchat.streams.topology;

import com.humanchat.schemas.config.Settings;
import java.time.Duration;
import java.util.Objects;

/**
 * Parameters of the conversation topology.
 *
 * @param dedupeRetention how long a send stays deduplicated and editable; at least 24 h (the product's promise)
 * @param expiryInterval how often (wall-clock) the store drops entries older than the retention
 * @param expiryBatchLimit the most messages one expiry run deletes, bounding the pause it adds to processing
 */
public record ConversationTopologyConfig(Duration dedupeRetention, Duration expiryInterval, int expiryBatchLimit) {

    public static final Duration MIN_DEDUPE_RETENTION = Duration.ofHours(24);

    /** 24 h promised plus an hour of margin for clock skew between the edge and the broker. */
    public static final Duration DEFAULT_DEDUPE_RETENTION =
            Duration.ofHours(Settings.DEDUPE_RETENTION_HOURS.intDefault());

    public static final Duration DEFAULT_EXPIRY_INTERVAL = Duration.ofSeconds(10);
    public static final int DEFAULT_EXPIRY_BATCH_LIMIT = 20_000;

    public ConversationTopologyConfig {
        Objects.requireNonNull(dedupeRetention, "dedupeRetention");
        Objects.requireNonNull(expiryInterval, "expiryInterval");
        if (dedupeRetention.compareTo(MIN_DEDUPE_RETENTION) < 0) {
            throw new IllegalArgumentException("dedupeRetention must be at least " + MIN_DEDUPE_RETENTION);
        }
        if (expiryInterval.isNegative() || expiryInterval.isZero()) {
            throw new IllegalArgumentException("expiryInterval must be positive");
        }
        if (expiryBatchLimit < 1) {
            throw new IllegalArgumentException("expiryBatchLimit must be positive");
        }
    }

    public static ConversationTopologyConfig defaults() {
        return new ConversationTopologyConfig(
                DEFAULT_DEDUPE_RETENTION, DEFAULT_EXPIRY_INTERVAL, DEFAULT_EXPIRY_BATCH_LIMIT);
    }

    public ConversationTopologyConfig withDedupeRetention(Duration retention) {
        return new ConversationTopologyConfig(retention, expiryInterval, expiryBatchLimit);
    }
}
