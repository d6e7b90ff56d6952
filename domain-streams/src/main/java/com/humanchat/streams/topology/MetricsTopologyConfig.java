package com.humanchat.streams.topology;

import com.humanchat.schemas.config.Settings;
import java.time.Duration;
import java.util.Objects;

/**
 * Parameters of the metrics topology.
 *
 * @param interval how often (wall clock) a snapshot is emitted to {@code admin.metrics}
 */
public record MetricsTopologyConfig(Duration interval) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(Settings.METRICS_INTERVAL_SECONDS.intDefault());

    public MetricsTopologyConfig {
        Objects.requireNonNull(interval, "interval");
        if (interval.toSeconds() < 1) {
            throw new IllegalArgumentException("interval must be at least one second");
        }
    }

    public static MetricsTopologyConfig defaults() {
        return new MetricsTopologyConfig(DEFAULT_INTERVAL);
    }
}
