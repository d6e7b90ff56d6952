package com.humanchat.schemas.chat;

import com.fasterxml.jackson.annotation.JsonValue;

/** A direct conversation has exactly two participants and one id per pair; a group has two or more. */
public enum ConversationType {
    DIRECT("direct"),
    GROUP("group");

    private final String wire;

    ConversationType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
