package com.humanchat.schemas.users;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The public profile after a change, as a whole (not a diff), so consumers can overwrite. */
public record UserProfileUpdated(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID userId,
        String displayName,
        String bio,
        List<String> tags,
        Long priceCents,
        String currency,
        boolean instantAvailable,
        UUID managerId,
        String representativeName)
        implements UserEvent {

    public UserProfileUpdated {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
