package com.humanchat.schemas.availability;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.humanchat.schemas.Envelope;
import java.util.UUID;

/** A fact about a host's availability, in per-host order; key = hostUserId. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = AvailabilityUpdated.class, name = "availability.updated")})
public sealed interface AvailabilityEvent extends Envelope permits AvailabilityUpdated {

    UUID hostUserId();

    @Override
    default String key() {
        return hostUserId().toString();
    }
}
