package com.humanchat.schemas.chat;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why the conversation topology refused a command; the edge maps each code to an HTTP status. */
public enum RejectionCode {
    UNKNOWN_CONVERSATION("unknown_conversation"),
    NOT_A_MEMBER("not_a_member"),
    CONVERSATION_EXISTS("conversation_exists"),
    UNKNOWN_MESSAGE("unknown_message"),
    NOT_THE_AUTHOR("not_the_author"),
    /**
     * The one neutral refusal of a blocked user (and of a stranger writing to a host who takes first contact through a
     * request only): it does not say which of the two it is.
     */
    NOT_ACCEPTING("not_accepting"),
    /** The host took as many new conversations today as their inbound limit allows. */
    INBOUND_LIMIT("inbound_limit"),
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
