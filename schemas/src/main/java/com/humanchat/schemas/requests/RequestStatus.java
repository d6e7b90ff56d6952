package com.humanchat.schemas.requests;

import com.fasterxml.jackson.annotation.JsonValue;

/** A managed request is {@code pending} until its one decision; every other status is final. */
public enum RequestStatus {
    PENDING("pending"),
    APPROVED("approved"),
    DECLINED("declined"),
    WITHDRAWN("withdrawn");

    private final String wire;

    RequestStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
