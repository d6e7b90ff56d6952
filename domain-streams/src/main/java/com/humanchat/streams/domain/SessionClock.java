package com.humanchat.streams.domain;

import com.humanchat.schemas.SystemActors;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.schemas.sessions.SessionReminder;
import com.humanchat.schemas.sessions.SessionStatus;
import com.humanchat.schemas.sessions.SessionStatusChanged;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What happens to a session by the clock alone: a confirmed scheduled session is reminded to both participants
 * {@link SessionReminder.Lead#DAY} and {@link SessionReminder.Lead#QUARTER_HOUR} before its start, once per lead and
 * start; one nobody started by its scheduled end ends as {@code no_show} (its actor is the participant who waited in
 * the call, or the platform when nobody came); one in progress completes {@link BookingLimits#completeGrace()} past
 * its scheduled end (an instant one past its start plus its length).
 *
 * <p>Each step is a {@link Due}: a kind and the instant it falls due, computed from the session alone. A step fires
 * only while it is still due for the session as it is (same status, same start, not sent), its ids derive from the
 * session, the kind and the due instant, and its events carry the due instant as their time, so firing it again after
 * a restart changes and emits nothing.
 */
public final class SessionClock {

    /** A reminder more than half its lead late is dropped: a 24 h reminder for a session booked 3 h ahead is noise. */
    private static final int LATE_DIVISOR = 2;

    /** What falls due. */
    public enum Kind {
        REMIND_DAY,
        REMIND_QUARTER_HOUR,
        NO_SHOW,
        COMPLETE
    }

    /** {@code kind} falls due for session {@code sessionId} at {@code at}. */
    public record Due(UUID sessionId, Kind kind, Instant at) {

        /** The id of this step, the {@code commandId} of what it emits: the same for the same session, kind and time. */
        public UUID stepId() {
            return UUID.nameUUIDFromBytes(
                    ("clock:" + sessionId + ":" + kind + ":" + at).getBytes(StandardCharsets.UTF_8));
        }
    }

    private SessionClock() {}

    /** Every step that will fall due for {@code record} as it is, if nothing else happens to it first. */
    public static List<Due> dues(SessionRecord record, BookingLimits limits) {
        Session session = record.session();
        List<Due> dues = new ArrayList<>();
        if (session.status() == SessionStatus.CONFIRMED && session.startTime() != null) {
            SessionSchedule schedule = SessionSchedule.of(record);
            for (SessionReminder.Lead lead : SessionReminder.Lead.values()) {
                if (!schedule.reminded().contains(reminderKey(lead, session.startTime()))) {
                    dues.add(new Due(session.sessionId(), kindOf(lead), reminderTime(lead, session.startTime())));
                }
            }
            dues.add(new Due(session.sessionId(), Kind.NO_SHOW, session.scheduledEnd()));
        }
        if (session.status() == SessionStatus.IN_PROGRESS) {
            Instant end = session.startTime() != null
                    ? session.scheduledEnd()
                    : session.startedAt().plus(Duration.ofMinutes(session.durationMinutes()));
            dues.add(new Due(session.sessionId(), Kind.COMPLETE, end.plus(limits.completeGrace())));
        }
        return dues;
    }

    /**
     * Fires {@code due} on {@code record}: the events it emits and the record after it, or nothing when it is no
     * longer due (the session moved, changed status or was reminded already). A reminder fired more than half its lead
     * late is recorded as sent without emitting anything.
     */
    public static Optional<Verdict<SessionRecord, SessionEvent>> fire(
            Due due, SessionRecord record, Instant now, BookingLimits limits) {
        if (!dues(record, limits).contains(due)) {
            return Optional.empty();
        }
        Session session = record.session();
        return Optional.of(
                switch (due.kind()) {
                    case REMIND_DAY -> remind(due, record, SessionReminder.Lead.DAY, now);
                    case REMIND_QUARTER_HOUR -> remind(due, record, SessionReminder.Lead.QUARTER_HOUR, now);
                    case NO_SHOW -> moved(due, record, SessionStatus.NO_SHOW, whoWaited(record), noShowReason(record));
                    case COMPLETE ->
                        moved(
                                due,
                                record,
                                SessionStatus.COMPLETED,
                                SystemActors.PLATFORM,
                                "completed by the platform "
                                        + limits.completeGrace().toMinutes() + " minutes after its scheduled end");
                });
    }

    /**
     * {@code userId} showed up in the session's call (sent a WebRTC signal) while it was confirmed: remembered once,
     * so a no-show names who waited. Empty when there is nothing new to remember.
     */
    public static Optional<SessionRecord> joined(SessionRecord record, UUID userId) {
        Session session = record.session();
        SessionSchedule schedule = SessionSchedule.of(record);
        if (session.status() != SessionStatus.CONFIRMED
                || !session.isParticipant(userId)
                || schedule.joined().contains(userId)) {
            return Optional.empty();
        }
        return Optional.of(record.with(session, schedule.joining(userId)));
    }

    private static Verdict<SessionRecord, SessionEvent> remind(
            Due due, SessionRecord record, SessionReminder.Lead lead, Instant now) {
        Session session = record.session();
        SessionSchedule after = SessionSchedule.of(record).reminding(reminderKey(lead, session.startTime()));
        SessionRecord next = record.with(session, after);
        Duration late = Duration.between(due.at(), now);
        if (late.compareTo(Duration.ofMinutes(lead.minutes()).dividedBy(LATE_DIVISOR)) > 0) {
            return Verdict.of(List.of(), next);
        }
        SessionReminder reminder = new SessionReminder(
                DeterministicIds.eventId(due.stepId()),
                1,
                due.at(),
                session.sessionId(),
                due.stepId(),
                lead,
                session.startTime(),
                session.participantIds(),
                "Your " + session.durationMinutes() + "-minute session starts in "
                        + (lead == SessionReminder.Lead.DAY ? "24 hours" : "15 minutes") + ", at "
                        + session.startTime(),
                session);
        return Verdict.of(List.of(reminder), next);
    }

    private static Verdict<SessionRecord, SessionEvent> moved(
            Due due, SessionRecord record, SessionStatus to, UUID actorId, String reason) {
        Session session = record.session();
        Session after = SessionDecider.afterStatusChange(session, to, due.at());
        SessionStatusChanged changed = new SessionStatusChanged(
                DeterministicIds.eventId(due.stepId()),
                1,
                due.at(),
                session.sessionId(),
                due.stepId(),
                actorId,
                session.status(),
                to,
                reason,
                after);
        return Verdict.of(List.of(changed), record.with(after, record.schedule()));
    }

    /** The one participant seen in the call; the platform when nobody or both came (then nobody waited alone). */
    private static UUID whoWaited(SessionRecord record) {
        List<UUID> joined = SessionSchedule.of(record).joined();
        return joined.size() == 1 ? joined.getFirst() : SystemActors.PLATFORM;
    }

    private static String noShowReason(SessionRecord record) {
        Session session = record.session();
        List<UUID> joined = SessionSchedule.of(record).joined();
        if (joined.size() == 1) {
            return (joined.getFirst().equals(session.hostUserId()) ? "the host" : "the guest")
                    + " waited; nobody started it before its scheduled end";
        }
        return joined.isEmpty()
                ? "nobody joined it before its scheduled end"
                : "both joined but nobody started it before its scheduled end";
    }

    private static Kind kindOf(SessionReminder.Lead lead) {
        return lead == SessionReminder.Lead.DAY ? Kind.REMIND_DAY : Kind.REMIND_QUARTER_HOUR;
    }

    private static Instant reminderTime(SessionReminder.Lead lead, Instant start) {
        return start.minus(Duration.ofMinutes(lead.minutes()));
    }

    private static String reminderKey(SessionReminder.Lead lead, Instant start) {
        return lead.wire() + "@" + start;
    }
}
