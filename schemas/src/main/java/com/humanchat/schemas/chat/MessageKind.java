package com.humanchat.schemas.chat;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who speaks in a message: a person, the platform (session and request notices) or Sam. */
public enum MessageKind {
    TEXT("text"),
    SYSTEM("system"),
    SAM("sam");

    private final String wire;

    MessageKind(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
