package com.humanchat.schemas.payments;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a payment pays for: a paid session's agreed price, or a donation (tip) to a host. */
public enum PaymentKind {
    SESSION("session"),
    DONATION("donation");

    private final String wire;

    PaymentKind(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
