package com.humanchat.schemas.sam;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a request ended: answered, answered with some actions dropped, Sam not configured, given up on (dead-lettered),
 * or the model answered nothing usable (empty, cut off, blocked, unreadable) and Sam apologised.
 */
public enum SamOutcome {
    ANSWERED("answered"),
    DROPPED_ACTIONS("dropped_actions"),
    NOT_CONFIGURED("not_configured"),
    FAILED("failed"),
    UNUSABLE("unusable");

    private final String wire;

    SamOutcome(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
