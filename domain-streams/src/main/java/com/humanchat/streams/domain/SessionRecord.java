package com.humanchat.streams.domain;

import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionEvent;
import java.util.Objects;

/**
 * What the session topology keeps per session: the current snapshot, the answers to its latest commands, its
 * review (null until the guest reviewed it; absent from records stored before reviews existed) and its schedule
 * (reschedules, reminders, who joined; null in records stored before schedules existed, see
 * {@link SessionSchedule#of}).
 */
public record SessionRecord(
        Session session, AnswerLog<SessionEvent> answers, SessionReview review, SessionSchedule schedule) {

    public SessionRecord {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(answers, "answers");
    }

    /** The same record with {@code next} as its session and {@code nextSchedule} as its schedule. */
    public SessionRecord with(Session next, SessionSchedule nextSchedule) {
        return new SessionRecord(next, answers, review, nextSchedule);
    }
}
