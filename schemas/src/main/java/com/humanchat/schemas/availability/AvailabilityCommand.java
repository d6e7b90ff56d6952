package com.humanchat.schemas.availability;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.humanchat.schemas.Envelope;
import java.util.UUID;

/** A change to a host's availability, decided by the session topology's host calendar; key = hostUserId. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = SetAvailability.class, name = "availability.set")})
public sealed interface AvailabilityCommand extends Envelope permits SetAvailability {

    UUID hostUserId();

    @Override
    default String key() {
        return hostUserId().toString();
    }
}
