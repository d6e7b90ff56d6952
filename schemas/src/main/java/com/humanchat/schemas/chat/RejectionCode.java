package com.humanchat.schemas.chat;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why the conversation topology refused a command; the edge maps each code to an HTTP status. */
public enum RejectionCode {
    UNKNOWN_CONVERSATION("unknown_conversation"),
    NOT_A_MEMBER("not_a_member"),
    CONVERSATION_EXISTS("conversation_exists"),
    UNKNOWN_MESSAGE("unknown_message"),
    NOT_THE_AUTHOR("not_the_author"),
    INVALID("invalid");

    private final String wire;

    RejectionCode(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
