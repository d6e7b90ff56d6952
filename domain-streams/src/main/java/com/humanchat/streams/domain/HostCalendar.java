package com.humanchat.streams.domain;

import com.humanchat.schemas.sessions.SessionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The scheduled sessions of one host that still hold their slot: a new scheduled session is admitted only if its
 * half-open interval {@code [start, start + duration)} overlaps none of them. Instant sessions hold no slot. A session
 * that is declined, cancelled or completed is released; a booking whose end has passed the time of the request being
 * decided is dropped, as no future request can overlap it. A request once refused is refused again when processed
 * again (the latest {@link AnswerLog#CAPACITY} refusals are remembered).
 *
 * @param bookings the slots held, in admission order
 * @param refusedCommandIds the latest requests refused for a conflict, oldest first
 */
public record HostCalendar(List<HostCalendar.Booking> bookings, List<UUID> refusedCommandIds) {

    /** The slot {@code [start, end)} session {@code sessionId} holds. */
    public record Booking(UUID sessionId, Instant start, Instant end) {

        public Booking {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }

        boolean overlaps(Instant otherStart, Instant otherEnd) {
            return start.isBefore(otherEnd) && otherStart.isBefore(end);
        }
    }

    /** What the calendar answered a request with, and the calendar to store. */
    public record Admission(boolean admitted, HostCalendar calendar) {}

    public HostCalendar {
        bookings = List.copyOf(bookings);
        refusedCommandIds = List.copyOf(refusedCommandIds);
    }

    public static HostCalendar empty() {
        return new HostCalendar(List.of(), List.of());
    }

    /** True for the statuses whose session holds its slot: every status but declined, cancelled and completed. */
    public static boolean holdsSlot(SessionStatus status) {
        return !status.isFinal();
    }

    /**
     * Decides request {@code commandId} for session {@code sessionId} at {@code at}.
     *
     * @param start the scheduled start, null for an instant session (always admitted, nothing held)
     * @param end the scheduled end
     */
    public Admission admit(UUID commandId, UUID sessionId, Instant start, Instant end, Instant at) {
        List<Booking> current = new ArrayList<>(bookings);
        current.removeIf(booking -> !booking.end().isAfter(at));
        if (refusedCommandIds.contains(commandId)) {
            return new Admission(false, new HostCalendar(current, refusedCommandIds));
        }
        if (start == null
                || current.stream().anyMatch(booking -> booking.sessionId().equals(sessionId))) {
            return new Admission(true, new HostCalendar(current, refusedCommandIds));
        }
        if (current.stream().anyMatch(booking -> booking.overlaps(start, end))) {
            List<UUID> refused = new ArrayList<>(refusedCommandIds);
            refused.add(commandId);
            while (refused.size() > AnswerLog.CAPACITY) {
                refused.removeFirst();
            }
            return new Admission(false, new HostCalendar(current, refused));
        }
        current.add(new Booking(sessionId, start, end));
        return new Admission(true, new HostCalendar(current, refusedCommandIds));
    }

    /** Frees the slot of {@code sessionId}; releasing a session that holds none changes nothing. */
    public HostCalendar release(UUID sessionId) {
        List<Booking> kept = new ArrayList<>(bookings);
        kept.removeIf(booking -> booking.sessionId().equals(sessionId));
        return new HostCalendar(kept, refusedCommandIds);
    }
}
