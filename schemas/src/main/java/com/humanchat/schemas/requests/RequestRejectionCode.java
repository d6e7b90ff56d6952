package com.humanchat.schemas.requests;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why the request topology refused a command; the edge maps each code to an HTTP status. */
public enum RequestRejectionCode {
    UNKNOWN_REQUEST("unknown_request"),
    NOT_THE_MANAGER("not_the_manager"),
    ILLEGAL_TRANSITION("illegal_transition"),
    REQUEST_EXISTS("request_exists"),
    /** The host blocked the one asking: the same neutral refusal as the conversation topology's. */
    NOT_ACCEPTING("not_accepting"),
    INVALID("invalid");

    private final String wire;

    RequestRejectionCode(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
