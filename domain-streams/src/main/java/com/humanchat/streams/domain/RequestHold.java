package com.humanchat.streams.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a request the host has not answered keeps its slot from others: the host's choice ({@code holdMinutes}
 * of their profile, 0 = not at all), {@link #DEFAULT} when they made none, and never past the session's start.
 */
public final class RequestHold {

    /** A day to answer: long enough for a host who checks once a day, short enough that a stranger cannot camp. */
    public static final Duration DEFAULT = Duration.ofHours(24);

    public static final int MAX_MINUTES = 7 * 24 * 60;

    private RequestHold() {}

    /** Until when a request made at {@code at} for a session starting at {@code start} holds its slot. */
    public static Instant heldUntil(Integer holdMinutes, Instant at, Instant start) {
        Duration hold = holdMinutes == null ? DEFAULT : Duration.ofMinutes(Math.clamp(holdMinutes, 0, MAX_MINUTES));
        Instant until = at.plus(hold);
        return until.isAfter(start) ? start : until;
    }
}
