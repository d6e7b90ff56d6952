package com.humanchat.schemas.sam;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a request ended: answered, answered with some actions dropped, Sam not configured, or given up on. */
public enum SamOutcome {
    ANSWERED("answered"),
    DROPPED_ACTIONS("dropped_actions"),
    NOT_CONFIGURED("not_configured"),
    FAILED("failed");

    private final String wire;

    SamOutcome(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
