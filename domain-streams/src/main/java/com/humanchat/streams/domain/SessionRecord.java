package com.humanchat.streams.domain;

import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionEvent;
import java.util.Objects;

/**
 * What the session topology keeps per session: the current snapshot, the answers to its latest commands and its
 * review (null until the guest reviewed it; absent from records stored before reviews existed).
 */
public record SessionRecord(Session session, AnswerLog<SessionEvent> answers, SessionReview review) {

    public SessionRecord {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(answers, "answers");
    }
}
