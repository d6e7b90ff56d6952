package com.humanchat.schemas.sessions;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.humanchat.schemas.Envelope;
import java.util.UUID;

/** A fact about a session, in per-session order; key = sessionId. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SessionRequested.class, name = "session.requested"),
    @JsonSubTypes.Type(value = SessionStatusChanged.class, name = "session.status-changed"),
    @JsonSubTypes.Type(value = SessionReviewed.class, name = "session.reviewed"),
    @JsonSubTypes.Type(value = ReviewAnswered.class, name = "session.review-answered"),
    @JsonSubTypes.Type(value = RescheduleProposed.class, name = "session.reschedule-proposed"),
    @JsonSubTypes.Type(value = RescheduleDeclined.class, name = "session.reschedule-declined"),
    @JsonSubTypes.Type(value = SessionRescheduled.class, name = "session.rescheduled"),
    @JsonSubTypes.Type(value = SessionReminder.class, name = "session.reminder"),
    @JsonSubTypes.Type(value = SessionCommandRejected.class, name = "command.rejected")
})
public sealed interface SessionEvent extends Envelope
        permits SessionRequested,
                SessionStatusChanged,
                SessionReviewed,
                ReviewAnswered,
                RescheduleProposed,
                RescheduleDeclined,
                SessionRescheduled,
                SessionReminder,
                SessionCommandRejected {

    UUID sessionId();

    /** The command this event answers, so that the edge that produced it can reply to its caller. */
    UUID commandId();

    @Override
    default String key() {
        return sessionId().toString();
    }
}
