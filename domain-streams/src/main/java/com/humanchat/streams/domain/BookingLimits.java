package com.humanchat.streams.domain;

import com.humanchat.schemas.config.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the platform allows a guest to ask of one host's calendar: a start time in the future and at most
 * {@code horizon} ahead, and at most {@code maxPendingPerGuest} requests the host has not answered yet; a session may be
 * rescheduled until {@code rescheduleNotice} before its current start, and one in progress is completed by the clock
 * {@code completeGrace} past its scheduled end.
 */
public record BookingLimits(
        Duration horizon, int maxPendingPerGuest, Duration rescheduleNotice, Duration completeGrace) {

    public static final Duration DEFAULT_HORIZON = Duration.ofDays(Settings.BOOKING_HORIZON_DAYS.intDefault());
    public static final int DEFAULT_MAX_PENDING_PER_GUEST = Settings.MAX_PENDING_REQUESTS_PER_HOST.intDefault();
    public static final Duration DEFAULT_RESCHEDULE_NOTICE =
            Duration.ofMinutes(Settings.RESCHEDULE_MIN_NOTICE_MINUTES.intDefault());
    public static final Duration DEFAULT_COMPLETE_GRACE =
            Duration.ofMinutes(Settings.SESSION_COMPLETE_GRACE_MINUTES.intDefault());

    public BookingLimits {
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("the booking horizon must be positive");
        }
        if (maxPendingPerGuest < 1) {
            throw new IllegalArgumentException("a guest must be allowed at least one pending request");
        }
        if (rescheduleNotice.isNegative() || completeGrace.isNegative()) {
            throw new IllegalArgumentException("the reschedule notice and the completion grace are not negative");
        }
    }

    /** The booking limits with the default reschedule notice and completion grace. */
    public BookingLimits(Duration horizon, int maxPendingPerGuest) {
        this(horizon, maxPendingPerGuest, DEFAULT_RESCHEDULE_NOTICE, DEFAULT_COMPLETE_GRACE);
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

    /**
     * Why a session starting at {@code currentStart} cannot be rescheduled at {@code at}, in plain words; empty when it
     * can. Never closer to the start than the session's start window ({@link StartWindow#EARLY}): a session that can
     * be started is not moved.
     */
    public Optional<String> lateRescheduleRefusal(Instant currentStart, Instant at) {
        Duration notice = rescheduleNotice.compareTo(StartWindow.EARLY) < 0 ? StartWindow.EARLY : rescheduleNotice;
        if (at.isBefore(currentStart.minus(notice))) {
            return Optional.empty();
        }
        return Optional.of("it is too late to reschedule: a session can be moved until " + notice.toMinutes()
                + " minutes before it starts (" + currentStart + "); cancel it instead");
    }
}
