package com.humanchat.schemas.payments;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Where a payment is: waiting for the payer, paid, failed (the payer may retry), or refunded. */
public enum PaymentStatus {
    PENDING("pending"),
    SUCCEEDED("succeeded"),
    FAILED("failed"),
    REFUNDED("refunded");

    private final String wire;

    PaymentStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** The status written as {@code wire} (as the ledger stores it). */
    public static PaymentStatus ofWire(String wire) {
        return Arrays.stream(values())
                .filter(s -> s.wire.equals(wire))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown payment status " + wire));
    }
}
