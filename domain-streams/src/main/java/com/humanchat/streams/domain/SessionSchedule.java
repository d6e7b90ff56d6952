package com.humanchat.streams.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the session topology keeps about a session's time besides its snapshot: the reschedule proposal waiting for an
 * answer (null if none), how many times it moved ({@code sequence}, the calendar file's {@code SEQUENCE}), the
 * reminders already sent (as {@code <lead>@<start>}, so a moved session is reminded again) and the participants seen
 * in its call while it was confirmed (from their WebRTC signals: who waited, should nobody start it).
 */
public record SessionSchedule(Proposal proposal, int sequence, List<String> reminded, List<UUID> joined) {

    /** {@code proposedBy} asks to move the session to {@code startTime}; {@code commandId} proposed it. */
    public record Proposal(UUID commandId, UUID proposedBy, Instant startTime) {}

    public SessionSchedule {
        reminded = List.copyOf(reminded == null ? List.of() : reminded);
        joined = List.copyOf(joined == null ? List.of() : joined);
    }

    /** The schedule of a record stored before schedules existed, or of a new session. */
    public static SessionSchedule of(SessionRecord record) {
        return record == null || record.schedule() == null
                ? new SessionSchedule(null, 0, List.of(), List.of())
                : record.schedule();
    }

    SessionSchedule proposing(Proposal next) {
        return new SessionSchedule(next, sequence, reminded, joined);
    }

    SessionSchedule answered() {
        return new SessionSchedule(null, sequence, reminded, joined);
    }

    SessionSchedule moved() {
        return new SessionSchedule(null, sequence + 1, reminded, joined);
    }

    SessionSchedule reminding(String reminder) {
        List<String> more = new ArrayList<>(reminded);
        more.add(reminder);
        return new SessionSchedule(proposal, sequence, more, joined);
    }

    SessionSchedule joining(UUID userId) {
        List<UUID> more = new ArrayList<>(joined);
        more.add(userId);
        return new SessionSchedule(proposal, sequence, reminded, more);
    }
}
