package com.humanchat.streams.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One Sam request as the metrics topology saw it: asked, answered, or both. A request is in Sam's queue while asked
 * and not answered. An answer may be read before its question (they travel on different topics), so either may come
 * first; the second of the two completes the turn and yields its latency once, and a re-delivered one changes nothing.
 *
 * @param requestedAt the {@code sam.requested} time, null while not seen
 * @param repliedAt the {@code sam.replied} time, null while not seen
 * @param seenAt when (wall clock) the turn last changed, for expiry
 */
public record SamTurn(Instant requestedAt, Instant repliedAt, Instant seenAt) {

    /** The turn after a {@code sam.requested}, or empty for a re-delivered one. */
    public static Optional<SamTurn> afterAsk(SamTurn current, Instant requestedAt, Instant now) {
        if (current != null && current.requestedAt != null) {
            return Optional.empty();
        }
        return Optional.of(new SamTurn(requestedAt, current == null ? null : current.repliedAt, now));
    }

    /** The turn after a {@code sam.replied}, or empty for a re-delivered one. */
    public static Optional<SamTurn> afterReply(SamTurn current, Instant repliedAt, Instant now) {
        if (current != null && current.repliedAt != null) {
            return Optional.empty();
        }
        return Optional.of(new SamTurn(current == null ? null : current.requestedAt, repliedAt, now));
    }

    public boolean isPending() {
        return requestedAt != null && repliedAt == null;
    }

    public boolean isComplete() {
        return requestedAt != null && repliedAt != null;
    }

    /** Ask → reply in milliseconds (0 if the clocks put the reply first); only for a complete turn. */
    public long latencyMillis() {
        return Math.max(0, Duration.between(requestedAt, repliedAt).toMillis());
    }

    /**
     * Whether to forget the turn: a pending one unanswered for {@code pendingLimit} (given up on: the worker dead-letters
     * and apologises long before), any other once nothing can be re-delivered any more ({@code dedupeHorizon}).
     */
    public boolean isExpired(Instant now, Duration pendingLimit, Duration dedupeHorizon) {
        return isPending() ? requestedAt.isBefore(now.minus(pendingLimit)) : seenAt.isBefore(now.minus(dedupeHorizon));
    }
}
