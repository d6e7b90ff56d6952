package com.humanchat.schemas.chat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.humanchat.schemas.Envelope;
import java.util.UUID;

/** Unread state of one user, as absolute values; key = userId. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = UnreadChanged.class, name = "unread.changed")})
public sealed interface UnreadEvent extends Envelope permits UnreadChanged {

    UUID userId();

    @Override
    default String key() {
        return userId().toString();
    }
}
