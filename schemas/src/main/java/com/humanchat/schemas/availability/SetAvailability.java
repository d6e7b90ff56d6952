package com.humanchat.schemas.availability;

import java.time.Instant;
import java.util.UUID;

/** The host {@code hostUserId} publishes {@code availability} (checked by the edge), replacing what they had. */
public record SetAvailability(UUID eventId, int version, Instant occurredAt, UUID hostUserId, Availability availability)
        implements AvailabilityCommand {

    public static SetAvailability of(UUID hostUserId, Availability availability) {
        return new SetAvailability(UUID.randomUUID(), 1, Instant.now(), hostUserId, availability);
    }
}
