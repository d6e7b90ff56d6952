package com.humanchat.edge.auth;

import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.UUID;

/**
 * The caller, as proven by a verified access token; put on the routing context by {@link BearerAuthHandler}. It
 * carries no roles on purpose: a token's roles are as old as the token, so every privileged decision asks {@link
 * AccountStanding} (PostgreSQL) instead.
 *
 * @param familyId the refresh-token family (the sign-in) the token was issued for; null for a token without one
 * @param expiresAt when the token stops being accepted
 */
public record AuthenticatedUser(UUID id, UUID familyId, Instant expiresAt) {

    static final String CONTEXT_KEY = "humanchat.user";

    /** The authenticated caller of a route behind {@link BearerAuthHandler}. */
    public static AuthenticatedUser of(RoutingContext ctx) {
        AuthenticatedUser user = ctx.get(CONTEXT_KEY);
        if (user == null) {
            throw new IllegalStateException("route is not behind BearerAuthHandler");
        }
        return user;
    }
}
