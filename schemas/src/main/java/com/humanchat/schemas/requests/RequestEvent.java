package com.humanchat.schemas.requests;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.humanchat.schemas.Envelope;
import java.util.UUID;

/** A fact about a managed request, in per-request order; key = requestId. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = RequestCreated.class, name = "request.created"),
    @JsonSubTypes.Type(value = RequestStatusChanged.class, name = "request.status-changed"),
    @JsonSubTypes.Type(value = RequestCommandRejected.class, name = "command.rejected")
})
public sealed interface RequestEvent extends Envelope
        permits RequestCreated, RequestStatusChanged, RequestCommandRejected {

    UUID requestId();

    /** The command this event answers, so that the edge that produced it can reply to its caller. */
    UUID commandId();

    @Override
    default String key() {
        return requestId().toString();
    }
}
