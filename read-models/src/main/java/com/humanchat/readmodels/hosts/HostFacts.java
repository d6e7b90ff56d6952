package com.humanchat.readmodels.hosts;

import java.util.Set;
import java.util.UUID;

/**
 * What the edge and Sam check about a would-be host before a session or a managed request is asked for (identity is
 * synchronous, in PostgreSQL); {@code managerId} is null when the host is not managed.
 *
 * @param offer the host's price and whether they welcome donations
 * @param requestHoldMinutes how long a request they have not answered holds its slot, null for the platform default
 */
public record HostFacts(
        UUID id,
        String displayName,
        Set<String> roles,
        boolean suspended,
        boolean instantAvailable,
        UUID managerId,
        String representativeName,
        HostOffer offer,
        Integer requestHoldMinutes) {

    public HostFacts {
        roles = Set.copyOf(roles);
    }

    /** A user who can be booked: holds the {@code host} role and is not suspended. */
    public boolean bookable() {
        return roles.contains("host") && !suspended;
    }

    /** Whether a manager answers for the host (reached by a managed request first). */
    public boolean managed() {
        return managerId != null;
    }
}
