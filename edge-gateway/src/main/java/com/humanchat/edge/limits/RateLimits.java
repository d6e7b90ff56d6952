package com.humanchat.edge.limits;

import com.humanchat.edge.config.EdgeConfig;
import com.humanchat.edge.config.TrustedProxies;
import com.humanchat.edge.http.ProblemException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.redis.client.Redis;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP limits of the edge: requests per user on authenticated routes (per replica, in memory), and attempts per
 * client address on register/login/refresh (brute-force throttling), counted in Redis across every replica, with the
 * client address read through the {@link TrustedProxies}. Over a limit the request ends with a 429 problem whose
 * {@code Retry-After} is the wait for the next token.
 */
public final class RateLimits {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimits.class);

    static final String ADDRESS_KEY_PREFIX = "humanchat:limit:sign-in-address:";

    /** Bounds the memory of each limiter; idle keys go first. */
    static final int MAX_TRACKED_KEYS = 100_000;

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final KeyedRateLimiter perUser;
    private final SharedTokenBucket perAddress;
    private final KeyedRateLimiter perAddressWithoutRedis;
    private final TrustedProxies proxies;
    private final LimitCounters refusals;

    public RateLimits(
            KeyedRateLimiter perUser,
            SharedTokenBucket perAddress,
            KeyedRateLimiter perAddressWithoutRedis,
            TrustedProxies proxies,
            LimitCounters refusals) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.perAddressWithoutRedis = perAddressWithoutRedis;
        this.proxies = proxies;
        this.refusals = refusals;
    }

    public static RateLimits fromConfig(EdgeConfig config, Redis redis, LimitCounters refusals) {
        return new RateLimits(
                new KeyedRateLimiter(config.rateLimitUserPerMinute(), MINUTE, MAX_TRACKED_KEYS),
                new SharedTokenBucket(redis, ADDRESS_KEY_PREFIX, config.rateLimitIpAuthPerMinute(), MINUTE),
                new KeyedRateLimiter(config.rateLimitIpAuthPerMinute(), MINUTE, MAX_TRACKED_KEYS),
                TrustedProxies.of(config.trustedProxies()),
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
     * A route handler that spends a token of the client address's budget, shared by every replica through Redis; while
     * Redis does not answer, this replica's own budget for the address is spent instead. Mounted after the body
     * handler, so nothing needs pausing while Redis answers.
     */
    public Handler<RoutingContext> perAddress() {
        return ctx -> {
            String address = clientAddress(ctx);
            perAddress
                    .tryAcquire(address)
                    .recover(redisDown -> {
                        LOG.warn(
                                "shared sign-in limit unavailable, counting on this replica: {}", redisDown.toString());
                        return Future.succeededFuture(perAddressWithoutRedis.tryAcquire(address));
                    })
                    .onSuccess(retryAfter -> {
                        if (retryAfter > 0) {
                            refusals.refused(LimitCounters.Limit.ADDRESS_SIGN_IN);
                            ctx.fail(ProblemException.tooManyRequests(
                                    "at most " + perAddress.capacity()
                                            + " sign-in attempts per minute from one address",
                                    retryAfter));
                            return;
                        }
                        ctx.next();
                    });
        };
    }

    /** The client's address: the TCP peer, or what our trusted proxies say they saw ({@code X-Forwarded-For}). */
    public String clientAddress(RoutingContext ctx) {
        String peer = ctx.request().remoteAddress() == null
                ? null
                : ctx.request().remoteAddress().hostAddress();
        return proxies.clientAddress(peer, ctx.request().headers().getAll("X-Forwarded-For"));
    }
}
