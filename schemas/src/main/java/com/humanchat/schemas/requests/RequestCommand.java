package com.humanchat.schemas.requests;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.humanchat.schemas.Envelope;
import java.util.UUID;

/** A request to create or decide a managed request, decided by the request topology; key = requestId. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CreateRequest.class, name = "request.create"),
    @JsonSubTypes.Type(value = DecideRequest.class, name = "request.decide")
})
public sealed interface RequestCommand extends Envelope permits CreateRequest, DecideRequest {

    UUID requestId();

    /** The user on whose behalf the command is issued. */
    UUID actorId();

    @Override
    default String key() {
        return requestId().toString();
    }
}
