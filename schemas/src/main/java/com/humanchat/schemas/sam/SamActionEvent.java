package com.humanchat.schemas.sam;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.humanchat.schemas.Envelope;
import java.util.UUID;

/** What Sam did about a request; key = conversationId. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = SamReplied.class, name = "sam.replied")})
public sealed interface SamActionEvent extends Envelope permits SamReplied {

    UUID requestId();

    UUID conversationId();

    @Override
    default String key() {
        return conversationId().toString();
    }
}
