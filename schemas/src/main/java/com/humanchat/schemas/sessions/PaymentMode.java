package com.humanchat.schemas.sessions;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a session is paid: not at all, a fixed price before it starts, or an optional tip. */
public enum PaymentMode {
    FREE("free"),
    PAID("paid"),
    DONATION("donation");

    private final String wire;

    PaymentMode(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
