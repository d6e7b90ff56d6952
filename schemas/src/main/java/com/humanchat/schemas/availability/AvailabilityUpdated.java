package com.humanchat.schemas.availability;

import java.time.Instant;
import java.util.UUID;

/**
 * The host calendar now books {@code hostUserId}'s sessions by {@code availability}, as of the command
 * {@code commandId}; the projector keeps the latest for the slots read.
 */
public record AvailabilityUpdated(
        UUID eventId, int version, Instant occurredAt, UUID hostUserId, UUID commandId, Availability availability)
        implements AvailabilityEvent {}
