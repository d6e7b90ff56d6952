package com.humanchat.edge.auth;

import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.UUID;

/** The caller, as proven by a verified access token; put on the routing context by {@link BearerAuthHandler}. */
public record AuthenticatedUser(UUID id, Set<String> roles) {

    static final String CONTEXT_KEY = "humanchat.user";

    public AuthenticatedUser {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The authenticated caller of a route behind {@link BearerAuthHandler}. */
    public static AuthenticatedUser of(RoutingContext ctx) {
        AuthenticatedUser user = ctx.get(CONTEXT_KEY);
        if (user == null) {
            throw new IllegalStateException("route is not behind BearerAuthHandler");
        }
        return user;
    }
}
