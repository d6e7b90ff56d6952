package com.humanchat.readmodels.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An account as stored in {@code users}: email lower-cased, roles in the order the edge grants them (`RoleGrants`),
 * {@code emailVerified} once the owner followed a verification link sent to the address, {@code avatarId} the
 * attachment of their profile picture (null: none).
 */
public record User(
        UUID id,
        String email,
        String displayName,
        List<String> roles,
        String bio,
        List<String> tags,
        Long priceCents,
        String currency,
        boolean instantAvailable,
        UUID managerId,
        String representativeName,
        boolean suspended,
        Instant createdAt,
        boolean emailVerified,
        UUID avatarId) {

    public User {
        roles = List.copyOf(roles);
        tags = tags == null ? List.of() : List.copyOf(tags);
        bio = bio == null ? "" : bio;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public User withRoles(List<String> newRoles) {
        return new User(
                id,
                email,
                displayName,
                newRoles,
                bio,
                tags,
                priceCents,
                currency,
                instantAvailable,
                managerId,
                representativeName,
                suspended,
                createdAt,
                emailVerified,
                avatarId);
    }
}
