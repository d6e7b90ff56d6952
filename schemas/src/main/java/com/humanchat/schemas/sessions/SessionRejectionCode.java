package com.humanchat.schemas.sessions;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why the session topology refused a command; the edge maps each code to an HTTP status. */
public enum SessionRejectionCode {
    UNKNOWN_SESSION("unknown_session"),
    NOT_A_PARTICIPANT("not_a_participant"),
    ILLEGAL_TRANSITION("illegal_transition"),
    SCHEDULE_CONFLICT("schedule_conflict"),
    /** A scheduled request outside the host's availability: hours, notice, horizon or a length not offered. */
    OUTSIDE_AVAILABILITY("outside_availability"),
    SESSION_EXISTS("session_exists"),
    TOO_MANY_PENDING("too_many_pending"),
    /** A review by the host (or the platform): only the guest reviews a session. */
    NOT_THE_GUEST("not_the_guest"),
    /** An answer to a review by the guest (or the platform): only the host answers. */
    NOT_THE_HOST("not_the_host"),
    NOT_COMPLETED("not_completed"),
    ALREADY_REVIEWED("already_reviewed"),
    NOT_REVIEWED("not_reviewed"),
    ALREADY_ANSWERED("already_answered"),
    /** The host blocked the one asking: the same neutral refusal as the conversation topology's. */
    NOT_ACCEPTING("not_accepting"),
    /** A reschedule inside the late-reschedule notice before the current start. */
    RESCHEDULE_TOO_LATE("reschedule_too_late"),
    /** An answer to a reschedule when no proposal of that time waits for this participant's answer. */
    NO_PROPOSAL("no_proposal"),
    INVALID("invalid");

    private final String wire;

    SessionRejectionCode(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
