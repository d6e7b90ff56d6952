package com.humanchat.schemas.users;

import java.time.Instant;
import java.util.UUID;

/** The account was suspended ({@code suspended = true}) or reinstated. */
public record UserSuspended(
        UUID eventId, int version, Instant occurredAt, UUID userId, boolean suspended, String reason)
        implements UserEvent {}
