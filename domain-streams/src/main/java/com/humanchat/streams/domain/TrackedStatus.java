package com.humanchat.streams.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The status the metrics topology last saw of one session or managed request. Statuses only move forward along a
 * rank (the lifecycle is acyclic), so an event whose rank is not above the stored one is a re-delivery or a stale
 * re-emission and changes nothing. A final status is kept only as a tombstone for {@code dedupeHorizon}, so that a late
 * duplicate of an earlier event cannot bring the finished one back; tombstones are not counted.
 *
 * @param rank position along the lifecycle; every final status has the highest rank
 * @param finalSince when (wall clock) the final status was seen; null while not final
 */
public record TrackedStatus(String status, int rank, Instant finalSince) {

    /**
     * The tracked status after an event moved it to {@code status}, or empty when the event changes nothing.
     *
     * @param current the stored status, null if none
     */
    public static Optional<TrackedStatus> after(
            TrackedStatus current, String status, int rank, boolean isFinal, Instant now) {
        if (current != null && rank <= current.rank) {
            return Optional.empty();
        }
        return Optional.of(new TrackedStatus(status, rank, isFinal ? now : null));
    }

    public boolean isFinal() {
        return finalSince != null;
    }

    /** A tombstone past the horizon: nothing can be re-delivered that late any more. */
    public boolean isExpired(Instant now, Duration dedupeHorizon) {
        return finalSince != null && finalSince.isBefore(now.minus(dedupeHorizon));
    }
}
