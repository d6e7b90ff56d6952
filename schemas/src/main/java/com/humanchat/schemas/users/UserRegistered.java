package com.humanchat.schemas.users;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A new account with its display name and roles. */
public record UserRegistered(
        UUID eventId, int version, Instant occurredAt, UUID userId, String displayName, List<String> roles)
        implements UserEvent {

    public UserRegistered {
        roles = List.copyOf(roles);
    }
}
