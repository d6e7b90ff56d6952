package com.humanchat.schemas.sessions;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.humanchat.schemas.Envelope;
import java.util.UUID;

/** A request to create, move, reschedule or review a session, decided by the session topology; key = sessionId. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = RequestSession.class, name = "session.request"),
    @JsonSubTypes.Type(value = TransitionSession.class, name = "session.transition"),
    @JsonSubTypes.Type(value = ReviewSession.class, name = "session.review"),
    @JsonSubTypes.Type(value = AnswerReview.class, name = "session.answer-review"),
    @JsonSubTypes.Type(value = ProposeReschedule.class, name = "session.reschedule"),
    @JsonSubTypes.Type(value = AnswerReschedule.class, name = "session.reschedule-answer")
})
public sealed interface SessionCommand extends Envelope
        permits RequestSession, TransitionSession, ReviewSession, AnswerReview, ProposeReschedule, AnswerReschedule {

    UUID sessionId();

    /** The user (or {@code SystemActors.PLATFORM}) on whose behalf the command is issued. */
    UUID actorId();

    @Override
    default String key() {
        return sessionId().toString();
    }
}
