package com.humanchat.edge.auth;

import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.limits.RateLimits;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Requires {@code Authorization: Bearer <access token>}; a missing or invalid token ends the request with 401, a
 * suspended account with 403, a user over their request budget with 429.
 */
public final class BearerAuthHandler implements Handler<RoutingContext> {

    private final TokenService tokens;
    private final RateLimits limits;
    private final SuspendedUsers suspended;

    public BearerAuthHandler(TokenService tokens, RateLimits limits, SuspendedUsers suspended) {
        this.tokens = tokens;
        this.limits = limits;
        this.suspended = suspended;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.fail(ProblemException.unauthorized("a bearer token is required"));
            return;
        }
        tokens.verify(header.substring(7).trim()).onComplete(result -> {
            if (result.succeeded()) {
                if (suspended.contains(result.result().id())) {
                    ctx.fail(ProblemException.forbidden("this account is suspended"));
                    return;
                }
                try {
                    limits.checkUser(result.result().id());
                } catch (ProblemException tooMany) {
                    ctx.fail(tooMany);
                    return;
                }
                ctx.put(AuthenticatedUser.CONTEXT_KEY, result.result());
                ctx.next();
            } else {
                ctx.fail(result.cause());
            }
        });
    }
}
