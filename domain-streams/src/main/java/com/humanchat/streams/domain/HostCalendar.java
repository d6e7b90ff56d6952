package com.humanchat.streams.domain;

import com.humanchat.schemas.availability.Availability;
import com.humanchat.schemas.availability.SlotCalculator;
import com.humanchat.schemas.availability.TimeSlot;
import com.humanchat.schemas.sessions.SessionRejectionCode;
import com.humanchat.schemas.sessions.SessionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The scheduled sessions of one host that still hold, or may come to hold, their slot. A new scheduled session is
 * admitted only if its half-open interval {@code [start, start + duration)} overlaps no booking that holds its slot at
 * the time of the request: an accepted one, or a requested one whose hold has not lapsed (see {@link RequestHold}).
 * A guest may have at most {@link BookingLimits#maxPendingPerGuest()} unanswered requests in one host's calendar.
 * The host's accept passes through the calendar: a lapsed request is accepted only if its slot is still free. Instant
 * sessions hold no slot. A session that is declined, cancelled or completed is released; a booking whose end has
 * passed the time of the request being decided is dropped, as no future request can overlap it.
 *
 * <p>Every decision compares stored deadlines with the time of the command being decided, never with a clock, so it is
 * the same when the command is processed again after a restart; a refused command is refused again with the same
 * answer (the latest {@link AnswerLog#CAPACITY} refusals are remembered).
 *
 * @param bookings the slots held or waiting for the host's answer, in admission order
 * @param refusals the latest commands refused, oldest first
 */
public record HostCalendar(List<HostCalendar.Booking> bookings, List<HostCalendar.Refusal> refusals) {

    /**
     * The slot {@code [start, end)} session {@code sessionId} asks for.
     *
     * @param guestUserId who asked; null in bookings stored before holds existed (they count as accepted)
     * @param heldUntil until when an unanswered request holds its slot; null once the host accepted
     * @param proposal the reschedule waiting for an answer, null if none (a proposal holds no slot)
     */
    public record Booking(
            UUID sessionId, UUID guestUserId, Instant start, Instant end, Instant heldUntil, Proposal proposal) {

        public Booking {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }

        /** True until the host answered: the request counts against its guest's pending limit. */
        public boolean pending() {
            return heldUntil != null;
        }

        /** True when the slot is taken at {@code at}: accepted, or requested and its hold not lapsed. */
        public boolean holds(Instant at) {
            return heldUntil == null || heldUntil.isAfter(at);
        }

        boolean overlaps(Instant otherStart, Instant otherEnd) {
            return start.isBefore(otherEnd) && otherStart.isBefore(end);
        }

        Booking accepted() {
            return new Booking(sessionId, guestUserId, start, end, null, proposal);
        }

        Booking proposing(Proposal next) {
            return new Booking(sessionId, guestUserId, start, end, heldUntil, next);
        }

        Booking movedTo(Instant newStart) {
            return new Booking(
                    sessionId, guestUserId, newStart, newStart.plus(Duration.between(start, end)), null, null);
        }
    }

    /** {@code proposedBy} asked to move a booking to {@code start}. */
    public record Proposal(UUID proposedBy, Instant start) {}

    /** What a reschedule proposal or its answer asks of the calendar; {@code accept} is null for a proposal. */
    public record Move(UUID commandId, UUID sessionId, UUID actorId, Instant start, Boolean accept) {}

    /** A command the calendar refused, and the answer it got. */
    public record Refusal(UUID commandId, SessionRejectionCode code, String reason) {}

    /** What the calendar answered: empty refusal = go on to the session; and the calendar to store. */
    public record Admission(Optional<Refusal> refusal, HostCalendar calendar) {

        public boolean admitted() {
            return refusal.isEmpty();
        }
    }

    /** What a session request asks of the calendar. */
    public record Ask(
            UUID commandId, UUID sessionId, UUID guestUserId, Instant start, Duration duration, Integer holdMinutes) {}

    public HostCalendar {
        bookings = List.copyOf(bookings == null ? List.of() : bookings);
        refusals = List.copyOf(refusals == null ? List.of() : refusals);
    }

    public static HostCalendar empty() {
        return new HostCalendar(List.of(), List.of());
    }

    /** True for the statuses whose session holds its slot: every status but declined, cancelled and completed. */
    public static boolean holdsSlot(SessionStatus status) {
        return !status.isFinal();
    }

    /** Decides a session request at {@code at} for a host without availability: any time that overlaps nothing. */
    public Admission admit(Ask ask, Instant at, BookingLimits limits) {
        return admit(ask, at, limits, null);
    }

    /**
     * Decides a session request at {@code at} (the request's time); an instant one (no start) is always admitted. A
     * scheduled one must be {@link #unbookable bookable} by the host's {@code availability} (null = any time).
     */
    public Admission admit(Ask ask, Instant at, BookingLimits limits, Availability availability) {
        List<Booking> current = current(at);
        Optional<Refusal> earlier = refusalOf(ask.commandId());
        if (earlier.isPresent()) {
            return new Admission(earlier, new HostCalendar(current, refusals));
        }
        if (ask.start() == null || find(current, ask.sessionId()).isPresent()) {
            return new Admission(Optional.empty(), new HostCalendar(current, refusals));
        }
        long pending = current.stream()
                .filter(booking -> booking.pending() && ask.guestUserId().equals(booking.guestUserId()))
                .count();
        if (pending >= limits.maxPendingPerGuest()) {
            return refuse(
                    current,
                    ask.commandId(),
                    SessionRejectionCode.TOO_MANY_PENDING,
                    "you already have " + pending + " requests waiting for this host's answer; wait for an answer"
                            + " or cancel one before asking again");
        }
        Instant end = ask.start().plus(ask.duration());
        Optional<Refusal> unbookable =
                unbookable(ask.commandId(), ask.sessionId(), ask.start(), ask.duration(), at, availability);
        if (unbookable.isPresent()) {
            return refuse(
                    current,
                    ask.commandId(),
                    unbookable.get().code(),
                    unbookable.get().reason());
        }
        current.add(new Booking(
                ask.sessionId(),
                ask.guestUserId(),
                ask.start(),
                end,
                RequestHold.heldUntil(ask.holdMinutes(), at, ask.start()),
                null));
        return new Admission(Optional.empty(), new HostCalendar(current, refusals));
    }

    /**
     * Decides the host's accept {@code commandId} of session {@code sessionId} at {@code at}: a request still holding
     * its slot is accepted; one whose hold lapsed only if no other booking took the slot meanwhile. A session the
     * calendar does not hold (instant, unknown, not this host's) goes on unchanged: the session decides.
     */
    public Admission accept(UUID commandId, UUID sessionId, Instant at) {
        List<Booking> current = current(at);
        Optional<Refusal> earlier = refusalOf(commandId);
        if (earlier.isPresent()) {
            return new Admission(earlier, new HostCalendar(current, refusals));
        }
        Optional<Booking> found = find(current, sessionId);
        if (found.isEmpty() || !found.get().pending()) {
            return new Admission(Optional.empty(), new HostCalendar(current, refusals));
        }
        Booking booking = found.get();
        boolean taken = !booking.holds(at)
                && current.stream()
                        .anyMatch(other -> !other.sessionId().equals(sessionId)
                                && other.holds(at)
                                && other.overlaps(booking.start(), booking.end()));
        if (taken) {
            return refuse(
                    current,
                    commandId,
                    SessionRejectionCode.SCHEDULE_CONFLICT,
                    "the request waited longer than its hold and the slot has been booked since; ask the guest for"
                            + " another time");
        }
        current.replaceAll(other -> other.sessionId().equals(sessionId) ? other.accepted() : other);
        return new Admission(Optional.empty(), new HostCalendar(current, refusals));
    }

    /**
     * Whether session {@code sessionId} may take {@code [start, start + duration)} at {@code at}: empty if it may,
     * else the refusal to answer command {@code commandId} with. Without {@code availability} (a host who never set
     * it) any interval overlapping no booking that holds its slot is bookable; with it, the interval must also be
     * within the host's hours, notice, horizon and lengths ({@code outside_availability}), and clear of the others'
     * bookings and both buffers ({@code schedule_conflict}), as {@link SlotCalculator#unbookable} decides. The
     * session's own booking never stands in its way, so a reschedule asks with the session's id.
     */
    public Optional<Refusal> unbookable(
            UUID commandId, UUID sessionId, Instant start, Duration duration, Instant at, Availability availability) {
        List<Booking> others = current(at).stream()
                .filter(booking -> !booking.sessionId().equals(sessionId) && booking.holds(at))
                .toList();
        if (availability == null) {
            Instant end = start.plus(duration);
            return others.stream().anyMatch(booking -> booking.overlaps(start, end))
                    ? Optional.of(new Refusal(
                            commandId,
                            SessionRejectionCode.SCHEDULE_CONFLICT,
                            "the host already has a session at that time"))
                    : Optional.empty();
        }
        List<TimeSlot> held = others.stream()
                .map(booking -> new TimeSlot(booking.start(), booking.end()))
                .toList();
        return new SlotCalculator(availability, held, at)
                .unbookable(start, duration)
                .map(refusal -> new Refusal(
                        commandId,
                        refusal.conflict()
                                ? SessionRejectionCode.SCHEDULE_CONFLICT
                                : SessionRejectionCode.OUTSIDE_AVAILABILITY,
                        refusal.reason()));
    }

    /**
     * Decides {@code host}'s calendar part of a reschedule at {@code at}: a proposal is admitted (and remembered) when
     * its actor is a participant of an accepted booking of this calendar, it comes before the late-reschedule notice,
     * and its new slot is {@link #unbookable bookable} by the host's {@code availability} (null = any time free of
     * every other booking); an answer when it is the other participant's, to the proposal of that start, and an accept
     * asks the same of the new slot again (the availability or the other bookings may have changed since). An accept
     * moves the booking (the old slot is free from then on), a decline forgets the proposal; any refusal changes
     * nothing. The session then decides again, with the same rules.
     */
    public Admission reschedule(UUID host, Move move, Instant at, BookingLimits limits, Availability availability) {
        List<Booking> current = current(at);
        Optional<Refusal> earlier = refusalOf(move.commandId());
        if (earlier.isPresent()) {
            return new Admission(earlier, new HostCalendar(current, refusals));
        }
        Optional<Booking> found = find(current, move.sessionId());
        if (found.isEmpty() || found.get().pending()) {
            return refuse(
                    current,
                    move.commandId(),
                    SessionRejectionCode.ILLEGAL_TRANSITION,
                    "only an accepted scheduled session that has not ended can be rescheduled");
        }
        Booking booking = found.get();
        if (!move.actorId().equals(host) && !move.actorId().equals(booking.guestUserId())) {
            return refuse(
                    current,
                    move.commandId(),
                    SessionRejectionCode.NOT_A_PARTICIPANT,
                    "the actor is not a participant of the session");
        }
        Optional<Refusal> refused = (move.accept() == null
                        ? proposalRefusal(booking, move, at, limits)
                        : answerRefusal(booking, move, at, limits))
                .or(() -> move.accept() == null || move.accept()
                        ? unbookable(
                                move.commandId(),
                                booking.sessionId(),
                                move.start(),
                                Duration.between(booking.start(), booking.end()),
                                at,
                                availability)
                        : Optional.empty());
        if (refused.isPresent()) {
            return refuse(
                    current,
                    move.commandId(),
                    refused.get().code(),
                    refused.get().reason());
        }
        Booking after = move.accept() == null
                ? booking.proposing(new Proposal(move.actorId(), move.start()))
                : move.accept() ? booking.movedTo(move.start()) : booking.proposing(null);
        current.replaceAll(other -> other.sessionId().equals(move.sessionId()) ? after : other);
        return new Admission(Optional.empty(), new HostCalendar(current, refusals));
    }

    private static Optional<Refusal> proposalRefusal(Booking booking, Move move, Instant at, BookingLimits limits) {
        Optional<String> late = limits.lateRescheduleRefusal(booking.start(), at);
        if (late.isPresent()) {
            return Optional.of(new Refusal(move.commandId(), SessionRejectionCode.RESCHEDULE_TOO_LATE, late.get()));
        }
        Optional<String> invalid = limits.startRefusal(move.start(), at);
        if (invalid.isEmpty() && move.start().equals(booking.start())) {
            invalid = Optional.of("the session already starts at " + move.start());
        }
        if (invalid.isPresent()) {
            return Optional.of(new Refusal(move.commandId(), SessionRejectionCode.INVALID, invalid.get()));
        }
        return Optional.empty();
    }

    private static Optional<Refusal> answerRefusal(Booking booking, Move move, Instant at, BookingLimits limits) {
        Proposal proposal = booking.proposal();
        if (proposal == null
                || !proposal.start().equals(move.start())
                || proposal.proposedBy().equals(move.actorId())) {
            return Optional.of(new Refusal(
                    move.commandId(),
                    SessionRejectionCode.NO_PROPOSAL,
                    "no proposal to move the session to " + move.start() + " is waiting for your answer"));
        }
        if (!move.accept()) {
            return Optional.empty();
        }
        Optional<String> late = limits.lateRescheduleRefusal(booking.start(), at);
        if (late.isPresent()) {
            return Optional.of(new Refusal(move.commandId(), SessionRejectionCode.RESCHEDULE_TOO_LATE, late.get()));
        }
        if (!move.start().isAfter(at)) {
            return Optional.of(new Refusal(
                    move.commandId(), SessionRejectionCode.INVALID, "the proposed time has passed; propose another"));
        }
        return Optional.empty();
    }

    /** Frees the slot of {@code sessionId}; releasing a session that holds none changes nothing. */
    public HostCalendar release(UUID sessionId) {
        List<Booking> kept = new ArrayList<>(bookings);
        kept.removeIf(booking -> booking.sessionId().equals(sessionId));
        return new HostCalendar(kept, refusals);
    }

    private List<Booking> current(Instant at) {
        List<Booking> current = new ArrayList<>(bookings);
        current.removeIf(booking -> !booking.end().isAfter(at));
        return current;
    }

    private static Optional<Booking> find(List<Booking> bookings, UUID sessionId) {
        return bookings.stream()
                .filter(booking -> booking.sessionId().equals(sessionId))
                .findFirst();
    }

    private Optional<Refusal> refusalOf(UUID commandId) {
        return refusals.stream()
                .filter(refusal -> refusal.commandId().equals(commandId))
                .findFirst();
    }

    private Admission refuse(List<Booking> current, UUID commandId, SessionRejectionCode code, String reason) {
        Refusal refusal = new Refusal(commandId, code, reason);
        List<Refusal> remembered = new ArrayList<>(refusals);
        remembered.add(refusal);
        while (remembered.size() > AnswerLog.CAPACITY) {
            remembered.removeFirst();
        }
        return new Admission(Optional.of(refusal), new HostCalendar(current, remembered));
    }
}
