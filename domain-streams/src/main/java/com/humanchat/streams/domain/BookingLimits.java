package com.humanchat.streams.domain;

import com.humanchat.schemas.config.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the platform allows a guest to ask of one host's calendar: a start time in the future and at most
 * {@code horizon} ahead, and at most {@code maxPendingPerGuest} requests the host has not answered yet.
 */
public record BookingLimits(Duration horizon, int maxPendingPerGuest) {

    public static final Duration DEFAULT_HORIZON = Duration.ofDays(Settings.BOOKING_HORIZON_DAYS.intDefault());
    public static final int DEFAULT_MAX_PENDING_PER_GUEST = Settings.MAX_PENDING_REQUESTS_PER_HOST.intDefault();

    public BookingLimits {
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("the booking horizon must be positive");
        }
        if (maxPendingPerGuest < 1) {
            throw new IllegalArgumentException("a guest must be allowed at least one pending request");
        }
    }

    public static BookingLimits defaults() {
        return new BookingLimits(DEFAULT_HORIZON, DEFAULT_MAX_PENDING_PER_GUEST);
    }

    /** Why {@code start} cannot be booked at {@code at}, in words for the guest; empty when it can. */
    public Optional<String> startRefusal(Instant start, Instant at) {
        if (!start.isAfter(at)) {
            return Optional.of("startTime must be in the future");
        }
        if (start.isAfter(at.plus(horizon))) {
            return Optional.of("startTime is too far ahead: sessions can be booked at most " + horizon.toDays()
                    + " days in advance");
        }
        return Optional.empty();
    }
}
