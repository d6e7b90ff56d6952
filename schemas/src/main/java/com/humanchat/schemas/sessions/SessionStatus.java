package com.humanchat.schemas.sessions;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a session is in its lifecycle; {@code declined}, {@code cancelled} and {@code completed} are final. */
public enum SessionStatus {
    REQUESTED("requested"),
    ACCEPTED("accepted"),
    DECLINED("declined"),
    CANCELLED("cancelled"),
    AWAITING_PAYMENT("awaiting_payment"),
    CONFIRMED("confirmed"),
    IN_PROGRESS("in_progress"),
    COMPLETED("completed");

    private final String wire;

    SessionStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** True for the statuses no transition leaves. */
    public boolean isFinal() {
        return this == DECLINED || this == CANCELLED || this == COMPLETED;
    }
}
