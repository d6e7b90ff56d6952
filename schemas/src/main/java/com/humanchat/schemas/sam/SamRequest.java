package com.humanchat.schemas.sam;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.humanchat.schemas.Envelope;
import java.util.UUID;

/** A question for Sam, answered in the order of its conversation; key = conversationId. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = SamRequested.class, name = "sam.requested")})
public sealed interface SamRequest extends Envelope permits SamRequested {

    UUID requestId();

    UUID conversationId();

    @Override
    default String key() {
        return conversationId().toString();
    }
}
