package com.humanchat.schemas.sessions;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a session is in its lifecycle; {@code declined}, {@code cancelled}, {@code completed} and {@code no_show} (the
 * participant who waited says the other never came) are final.
 */
public enum SessionStatus {
    REQUESTED("requested"),
    ACCEPTED("accepted"),
    DECLINED("declined"),
    CANCELLED("cancelled"),
    AWAITING_PAYMENT("awaiting_payment"),
    CONFIRMED("confirmed"),
    IN_PROGRESS("in_progress"),
    COMPLETED("completed"),
    NO_SHOW("no_show");

    private final String wire;

    SessionStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /**
     * How far along its lifecycle a status is: a snapshot of a higher rank replaces one of a lower rank, never the
     * reverse, so replays and out-of-order deliveries cannot move a session back. The same ranks as the projection's
     * SQL function {@code session_status_rank} (migration V3).
     */
    public int lifecycleRank() {
        return switch (this) {
            case REQUESTED -> 0;
            case ACCEPTED -> 1;
            case AWAITING_PAYMENT -> 2;
            case CONFIRMED -> 3;
            case IN_PROGRESS -> 4;
            case DECLINED, CANCELLED, COMPLETED, NO_SHOW -> 5;
        };
    }

    /** True for the statuses no transition leaves. */
    public boolean isFinal() {
        return this == DECLINED || this == CANCELLED || this == COMPLETED || this == NO_SHOW;
    }
}
