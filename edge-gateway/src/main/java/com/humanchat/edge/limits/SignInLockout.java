package com.humanchat.edge.limits;

import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-account lockout of password sign-ins, shared by every replica through Redis: the {@code failures}-th sign-in of
 * an account that does not succeed locks it for {@code firstLock}, each further one (after the lock ended) for twice as
 * long as the one before, up to {@code maxLock}. While locked every sign-in of the account is refused with 429 and
 * {@code Retry-After}, the right password included (else the lock would only slow the guessing down, not stop it); a
 * successful sign-in forgets the failures. A day without attempts forgets them too.
 *
 * <p>An attempt is counted before the password is checked, in the same Lua script that checks the lock: a burst of
 * concurrent guesses cannot slip past the count while the password hashes run. When Redis does not answer the sign-in
 * goes ahead unlocked (the per-address limit still holds, per replica): Redis is not allowed to stop every sign-in.
 */
public final class SignInLockout {

    private static final Logger LOG = LoggerFactory.getLogger(SignInLockout.class);

    static final String KEY_PREFIX = "humanchat:sign-in:";
    static final Duration FAILURE_MEMORY = Duration.ofDays(1);

    /**
     * KEYS: failures, lock. ARGV: failures before a lock, first lock ms, longest lock ms, failure memory ms. Returns
     * {@code {0, ms left}} when locked, else {@code {1, failures counted}}.
     */
    private static final String ATTEMPT =
            """
            local left = redis.call('PTTL', KEYS[2])
            if left > 0 then return {0, left} end
            local failures = redis.call('INCR', KEYS[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            local threshold = tonumber(ARGV[1])
            if failures >= threshold then
              local lock = math.min(tonumber(ARGV[3]), tonumber(ARGV[2]) * 2 ^ (failures - threshold))
              redis.call('SET', KEYS[2], failures, 'PX', string.format('%d', lock))
            end
            return {1, failures}
            """;

    private final Redis redis;
    private final int failures;
    private final Duration firstLock;
    private final Duration maxLock;
    private final LimitCounters refusals;

    public SignInLockout(Redis redis, int failures, Duration firstLock, Duration maxLock, LimitCounters refusals) {
        this.redis = redis;
        this.failures = failures;
        this.firstLock = firstLock;
        this.maxLock = maxLock;
        this.refusals = refusals;
    }

    /**
     * The handler of {@code POST /api/auth/login}, after the body is read and before the password is checked. A body
     * without an email string passes on untouched: validation answers it.
     */
    public Handler<RoutingContext> beforeSignIn() {
        return ctx -> {
            String email = emailOf(ctx);
            if (email == null) {
                ctx.next();
                return;
            }
            String account = accountKey(email);
            attempt(account).onComplete(result -> {
                if (result.failed()) {
                    LOG.warn(
                            "sign-in lockout unavailable, letting the attempt through: {}",
                            result.cause().toString());
                    ctx.next();
                    return;
                }
                Response answer = result.result();
                if (answer.get(0).toInteger() == 0) {
                    refusals.refused(LimitCounters.Limit.SIGN_IN_LOCKOUT);
                    long retryAfter = RetryAfter.seconds(
                            TimeUnit.MILLISECONDS.toNanos(answer.get(1).toLong()));
                    ctx.fail(locked(retryAfter));
                    return;
                }
                // Before the answer's headers go out, so that the forgetting reaches Redis before the client can try
                // again.
                ctx.addHeadersEndHandler(headers -> {
                    if (ctx.response().getStatusCode() == 200) {
                        forget(account);
                    }
                });
                ctx.next();
            });
        };
    }

    static ProblemException locked(long retryAfterSeconds) {
        return ProblemType.SIGN_IN_LOCKED.retryAfter(
                "this account had too many failed sign-ins: it is locked for " + retryAfterSeconds
                        + " s, even with the right password",
                retryAfterSeconds);
    }

    private Future<Response> attempt(String account) {
        Request eval = Request.cmd(Command.EVAL)
                .arg(ATTEMPT)
                .arg(2)
                .arg(failuresKey(account))
                .arg(lockKey(account))
                .arg(failures)
                .arg(firstLock.toMillis())
                .arg(maxLock.toMillis())
                .arg(FAILURE_MEMORY.toMillis());
        return redis.send(eval).timeout(SharedTokenBucket.REDIS_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void forget(String account) {
        redis.send(Request.cmd(Command.DEL).arg(failuresKey(account)).arg(lockKey(account)))
                .timeout(SharedTokenBucket.REDIS_WAIT_MILLIS, TimeUnit.MILLISECONDS)
                .onFailure(e -> LOG.warn("could not clear the sign-in failures of an account: {}", e.toString()));
    }

    private static String emailOf(RoutingContext ctx) {
        try {
            JsonObject body = ctx.body().asJsonObject();
            return body != null && body.getValue("email") instanceof String email ? email : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /**
     * The account as Redis knows it: a digest of the normalised email (no address in Redis), in braces so that both
     * keys of an account share one Redis Cluster slot.
     */
    static String accountKey(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "{" + HexFormat.of().formatHex(digest) + "}";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static String failuresKey(String account) {
        return KEY_PREFIX + account + ":failures";
    }

    static String lockKey(String account) {
        return KEY_PREFIX + account + ":lock";
    }
}
