package com.humanchat.schemas.users;

import java.time.Instant;
import java.util.UUID;

/**
 * Credentials of the account ended: one sign-in ({@code familyId}, on logout or a reused refresh token) or all of them
 * ({@code familyId} null, when the account's roles or manager relations changed, or the account was erased). Every edge replica closes the
 * matching sockets.
 *
 * @param reason {@code signed-out}, {@code refresh-token-reused}, {@code roles-changed} or {@code account-deleted}
 */
public record UserCredentialsRevoked(
        UUID eventId, int version, Instant occurredAt, UUID userId, UUID familyId, String reason) implements UserEvent {

    public static final String SIGNED_OUT = "signed-out";
    public static final String REFRESH_TOKEN_REUSED = "refresh-token-reused";
    public static final String ROLES_CHANGED = "roles-changed";
    public static final String ACCOUNT_DELETED = "account-deleted";

    public static UserCredentialsRevoked of(UUID userId, UUID familyId, String reason) {
        return new UserCredentialsRevoked(UUID.randomUUID(), 1, Instant.now(), userId, familyId, reason);
    }
}
