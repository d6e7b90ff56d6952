package com.humanchat.schemas.sessions;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why the session topology refused a command; the edge maps each code to an HTTP status. */
public enum SessionRejectionCode {
    UNKNOWN_SESSION("unknown_session"),
    NOT_A_PARTICIPANT("not_a_participant"),
    ILLEGAL_TRANSITION("illegal_transition"),
    SCHEDULE_CONFLICT("schedule_conflict"),
    SESSION_EXISTS("session_exists"),
    TOO_MANY_PENDING("too_many_pending"),
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
