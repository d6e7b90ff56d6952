package com.humanchat.streams.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A scheduled session can be started from {@link #EARLY} before its start time, not sooner (an instant session at
 * once): a guest cannot open tomorrow's paid call today, nor make the host's refund window close early.
 */
public final class StartWindow {

    public static final Duration EARLY = Duration.ofMinutes(10);

    private StartWindow() {}

    /** Why a session starting at {@code startTime} cannot be started at {@code at}; empty when it can. */
    public static Optional<String> refusal(Instant startTime, Instant at) {
        if (startTime == null || !at.isBefore(startTime.minus(EARLY))) {
            return Optional.empty();
        }
        return Optional.of("the session starts at " + startTime + "; it can be started from " + EARLY.toMinutes()
                + " minutes before");
    }
}
