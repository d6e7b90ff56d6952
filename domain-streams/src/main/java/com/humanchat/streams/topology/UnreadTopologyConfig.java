package com.humanchat.streams.topology;

import java.util.OptionalInt;

/**
 * Parameters of the unread topology.
 *
 * @param repartitionPartitions partitions of the {@code unread-by-user} repartition topic; empty = as many as
 *     {@code chat.events}
 */
public record UnreadTopologyConfig(OptionalInt repartitionPartitions) {

    public UnreadTopologyConfig {
        if (repartitionPartitions.isPresent() && repartitionPartitions.getAsInt() < 1) {
            throw new IllegalArgumentException("repartitionPartitions must be positive");
        }
    }

    public static UnreadTopologyConfig defaults() {
        return new UnreadTopologyConfig(OptionalInt.empty());
    }
}
