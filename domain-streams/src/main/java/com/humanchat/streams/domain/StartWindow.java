package com.humanchat.streams.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A scheduled session can be started from {@link #EARLY} before its start time, not sooner (an instant session at
 * once): a guest cannot open tomorrow's paid call today, nor make the host's refund window close early. A confirmed
 * session nobody started can be marked a no-show by the participant who waited, from {@link #NO_SHOW_AFTER} past its
 * start: the other one had that long to come.
 */
public final class StartWindow {

    public static final Duration EARLY = Duration.ofMinutes(10);
    public static final Duration NO_SHOW_AFTER = Duration.ofMinutes(15);

    private StartWindow() {}

    /** Why a session starting at {@code startTime} cannot be started at {@code at}; empty when it can. */
    public static Optional<String> refusal(Instant startTime, Instant at) {
        if (startTime == null || !at.isBefore(startTime.minus(EARLY))) {
            return Optional.empty();
        }
        return Optional.of("the session starts at " + startTime + "; it can be started from " + EARLY.toMinutes()
                + " minutes before");
    }

    /** Why a session starting at {@code startTime} cannot be marked a no-show at {@code at}; empty when it can. */
    public static Optional<String> noShowRefusal(Instant startTime, Instant at) {
        if (startTime == null) {
            return Optional.of("an instant session has no start time to wait for: cancel it instead");
        }
        if (at.isBefore(startTime.plus(NO_SHOW_AFTER))) {
            return Optional.of("a no-show can be marked from " + NO_SHOW_AFTER.toMinutes()
                    + " minutes after the start (" + startTime + ")");
        }
        return Optional.empty();
    }
}
