package com.humanchat.streams.domain;

import com.humanchat.schemas.sessions.AnswerReschedule;
import com.humanchat.schemas.sessions.ProposeReschedule;
import com.humanchat.schemas.sessions.RescheduleDeclined;
import com.humanchat.schemas.sessions.RescheduleProposed;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionCommand;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.schemas.sessions.SessionRejectionCode;
import com.humanchat.schemas.sessions.SessionRescheduled;
import com.humanchat.schemas.sessions.SessionStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The session's side of a reschedule, after the host's calendar admitted it (see {@link HostCalendar#reschedule}):
 * either participant of an accepted scheduled session proposes a new start until the late-reschedule notice before
 * the current one; the other participant accepts (the session moves, keeping its status, price and payment, and its
 * {@link SessionSchedule#sequence()} grows by one) or declines (it keeps its time). A new proposal replaces a waiting
 * one. The same rules as the calendar's, checked again against the session itself, so a session that changed status
 * meanwhile is not moved.
 */
final class Reschedules {

    /** The statuses of a session that may be moved: accepted, by the host, and not started. */
    static final Set<SessionStatus> MOVABLE = EnumSet.of(SessionStatus.AWAITING_PAYMENT, SessionStatus.CONFIRMED);

    private Reschedules() {}

    /** A refusal of {@code command} on {@code record} at {@code at}, or the proposal's event and the record after it. */
    static Outcome propose(ProposeReschedule command, Instant at, SessionRecord record, BookingLimits limits) {
        Session session = record.session();
        Optional<Refused> refused = movable(command, at, record, limits);
        if (refused.isEmpty() && command.startTime() == null) {
            refused = Refused.of(SessionRejectionCode.INVALID, "startTime is required");
        }
        if (refused.isEmpty()) {
            refused = limits.startRefusal(command.startTime(), at)
                    .map(reason -> new Refused(SessionRejectionCode.INVALID, reason));
        }
        if (refused.isPresent()) {
            return new Outcome(refused, null, null);
        }
        SessionSchedule schedule = SessionSchedule.of(record)
                .proposing(new SessionSchedule.Proposal(command.eventId(), command.actorId(), command.startTime()));
        RescheduleProposed proposed = new RescheduleProposed(
                DeterministicIds.eventId(command.eventId()),
                1,
                at,
                session.sessionId(),
                command.eventId(),
                command.actorId(),
                session.startTime(),
                command.startTime(),
                session);
        return new Outcome(Optional.empty(), proposed, record.with(session, schedule));
    }

    /** A refusal of {@code command}, or the accept's move or the decline, and the record after it. */
    static Outcome answer(AnswerReschedule command, Instant at, SessionRecord record, BookingLimits limits) {
        Session session = record.session();
        SessionSchedule schedule = SessionSchedule.of(record);
        SessionSchedule.Proposal proposal = schedule.proposal();
        Optional<Refused> refused = SessionRole.of(session, command.actorId()) == SessionRole.STRANGER
                ? Refused.of(SessionRejectionCode.NOT_A_PARTICIPANT, "the actor is not a participant of the session")
                : Optional.empty();
        if (refused.isEmpty()
                && (proposal == null
                        || !proposal.startTime().equals(command.startTime())
                        || proposal.proposedBy().equals(command.actorId()))) {
            refused = Refused.of(
                    SessionRejectionCode.NO_PROPOSAL,
                    "no proposal to move the session to " + command.startTime() + " is waiting for your answer");
        }
        if (refused.isEmpty() && command.accept()) {
            refused = movable(command, at, record, limits);
        }
        if (refused.isPresent()) {
            return new Outcome(refused, null, null);
        }
        if (!command.accept()) {
            RescheduleDeclined declined = new RescheduleDeclined(
                    DeterministicIds.eventId(command.eventId()),
                    1,
                    at,
                    session.sessionId(),
                    command.eventId(),
                    command.actorId(),
                    proposal.proposedBy(),
                    proposal.startTime(),
                    session);
            return new Outcome(Optional.empty(), declined, record.with(session, schedule.answered()));
        }
        Session moved = session.movedTo(proposal.startTime(), at);
        SessionSchedule after = schedule.moved();
        SessionRescheduled rescheduled = new SessionRescheduled(
                DeterministicIds.eventId(command.eventId()),
                1,
                at,
                session.sessionId(),
                command.eventId(),
                command.actorId(),
                proposal.proposedBy(),
                session.startTime(),
                after.sequence(),
                moved);
        return new Outcome(Optional.empty(), rescheduled, record.with(moved, after));
    }

    /** Why the session cannot be moved now by the command's actor; empty when it can. */
    private static Optional<Refused> movable(
            SessionCommand command, Instant at, SessionRecord record, BookingLimits limits) {
        Session session = record.session();
        if (SessionRole.of(session, command.actorId()) == SessionRole.STRANGER) {
            return Refused.of(SessionRejectionCode.NOT_A_PARTICIPANT, "the actor is not a participant of the session");
        }
        if (session.startTime() == null || !MOVABLE.contains(session.status())) {
            return Refused.of(
                    SessionRejectionCode.ILLEGAL_TRANSITION,
                    "a " + session.status().wire() + (session.startTime() == null ? " instant" : "")
                            + " session cannot be rescheduled: only an accepted scheduled session can");
        }
        return limits.lateRescheduleRefusal(session.startTime(), at)
                .map(reason -> new Refused(SessionRejectionCode.RESCHEDULE_TOO_LATE, reason));
    }

    /** Why a reschedule step is refused. */
    record Refused(SessionRejectionCode code, String reason) {
        static Optional<Refused> of(SessionRejectionCode code, String reason) {
            return Optional.of(new Refused(code, reason));
        }
    }

    /** A refusal, or the one event of a reschedule step and the record after it. */
    record Outcome(Optional<Refused> refused, SessionEvent event, SessionRecord record) {}
}
