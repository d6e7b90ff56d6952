package com.humanchat.schemas.sessions;

import java.time.Instant;
import java.util.UUID;

/**
 * A participant ({@code actorId}) of an accepted scheduled session proposes to move it to {@code startTime} (same
 * length). {@code hostUserId} is the session's host, copied by the edge from the session, so that the host's calendar
 * decides first whether the new slot is free; a proposal replaces any earlier one.
 */
public record ProposeReschedule(
        UUID eventId, int version, Instant occurredAt, UUID sessionId, UUID actorId, UUID hostUserId, Instant startTime)
        implements SessionCommand {

    public static ProposeReschedule of(UUID sessionId, UUID actorId, UUID hostUserId, Instant startTime) {
        return new ProposeReschedule(UUID.randomUUID(), 1, Instant.now(), sessionId, actorId, hostUserId, startTime);
    }
}
