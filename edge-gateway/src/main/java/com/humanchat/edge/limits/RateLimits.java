package com.humanchat.edge.limits;

import com.humanchat.edge.config.EdgeConfig;
import com.humanchat.edge.http.ProblemException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.UUID;

/**
 * The HTTP limits of one replica, shared by all its server instances: requests per user on authenticated routes,
 * and attempts per client address on register/login/refresh (brute-force throttling). Over a limit the request ends
 * with a 429 problem whose {@code Retry-After} is the wait for the next token.
 */
public final class RateLimits {

    /** Bounds the memory of each limiter; idle keys go first. */
    static final int MAX_TRACKED_KEYS = 100_000;

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final KeyedRateLimiter perUser;
    private final KeyedRateLimiter perAddress;
    private final LimitCounters refusals;

    public RateLimits(KeyedRateLimiter perUser, KeyedRateLimiter perAddress, LimitCounters refusals) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.refusals = refusals;
    }

    public static RateLimits fromConfig(EdgeConfig config, LimitCounters refusals) {
        return new RateLimits(
                new KeyedRateLimiter(config.rateLimitUserPerMinute(), MINUTE, MAX_TRACKED_KEYS),
                new KeyedRateLimiter(config.rateLimitIpAuthPerMinute(), MINUTE, MAX_TRACKED_KEYS),
                refusals);
    }

    /**
     * Takes a token of the user's budget.
     *
     * @throws ProblemException 429 if the budget is spent
     */
    public void checkUser(UUID userId) {
        long retryAfter = perUser.tryAcquire(userId.toString());
        if (retryAfter > 0) {
            refusals.refused(LimitCounters.Limit.USER_REQUESTS);
            throw ProblemException.tooManyRequests(
                    "at most " + perUser.capacity() + " requests per minute per user", retryAfter);
        }
    }

    /**
     * A route handler that spends a token of the client address's budget. The address is the TCP peer: behind a
     * proxy that is the proxy, so the proxy should throttle by the real client address itself.
     */
    public Handler<RoutingContext> perAddress() {
        return ctx -> {
            String address = ctx.request().remoteAddress() == null
                    ? "unknown"
                    : ctx.request().remoteAddress().hostAddress();
            long retryAfter = perAddress.tryAcquire(address);
            if (retryAfter > 0) {
                refusals.refused(LimitCounters.Limit.ADDRESS_SIGN_IN);
                ctx.fail(ProblemException.tooManyRequests(
                        "at most " + perAddress.capacity() + " sign-in attempts per minute from one address",
                        retryAfter));
                return;
            }
            ctx.next();
        };
    }
}
