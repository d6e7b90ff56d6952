package com.humanchat.streams.domain;

import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionEvent;
import java.util.Objects;

/** What the session topology keeps per session: the current snapshot and the answers to its latest commands. */
public record SessionRecord(Session session, AnswerLog<SessionEvent> answers) {

    public SessionRecord {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(answers, "answers");
    }
}
