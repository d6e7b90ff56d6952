package com.humanchat.edge.account;

import com.humanchat.edge.auth.AuthenticatedUser;
import com.humanchat.edge.auth.BearerAuthHandler;
import com.humanchat.edge.http.JsonBody;
import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.RequestParams;
import com.humanchat.edge.limits.KeyedRateLimiter;
import com.humanchat.edge.limits.RateLimits;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The caller's own account: {@code GET /api/me/export}, {@code /api/me/deletion} (status, ask, cancel), {@code
 * /api/me/sessions} (list, revoke) and {@code /api/me/two-factor} (status, enrol, confirm, disable). Every route acts
 * on the caller's account only; there is no id of another user to pass. Two-factor codes typed here count against the
 * per-address sign-in budget, like a password.
 */
public final class AccountRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(AccountRoutes.class);

    /** Exports per user and hour: an export reads everything the user has, so it is not a polling endpoint. */
    static final int EXPORTS_PER_HOUR = 5;

    private final AccountExport export;
    private final AccountDeletion deletion;
    private final SignInSessions sessions;
    private final TwoFactorService twoFactor;
    private final RateLimits limits;
    private final Clock clock;
    private final KeyedRateLimiter exports = new KeyedRateLimiter(EXPORTS_PER_HOUR, Duration.ofHours(1), 100_000);

    public AccountRoutes(
            AccountExport export,
            AccountDeletion deletion,
            SignInSessions sessions,
            TwoFactorService twoFactor,
            RateLimits limits,
            Clock clock) {
        this.export = export;
        this.deletion = deletion;
        this.sessions = sessions;
        this.twoFactor = twoFactor;
        this.limits = limits;
        this.clock = clock;
    }

    /** Mounts the routes on the {@code /api} router, before the {@code /me/*} profile sub-router. */
    public void mount(Router api, BearerAuthHandler bearerAuth) {
        api.get("/me/export").handler(bearerAuth).handler(this::export);
        api.get("/me/deletion").handler(bearerAuth).respond(ctx -> deletion.status(caller(ctx)));
        api.post("/me/deletion")
                .handler(bearerAuth)
                .respond(ctx ->
                        deletion.schedule(caller(ctx), AuthenticatedUser.of(ctx).familyId()));
        api.delete("/me/deletion").handler(bearerAuth).respond(ctx -> deletion.cancel(caller(ctx)));
        api.get("/me/sessions")
                .handler(bearerAuth)
                .respond(ctx ->
                        sessions.list(caller(ctx), AuthenticatedUser.of(ctx).familyId()));
        api.delete("/me/sessions/:sessionId")
                .handler(bearerAuth)
                .respond(ctx -> sessions.revoke(caller(ctx), RequestParams.pathUuid(ctx, "sessionId")));
        api.get("/me/two-factor")
                .handler(bearerAuth)
                .respond(ctx -> twoFactor.status(caller(ctx)).map(status -> new JsonObject()
                        .put("enabled", status.enabled())
                        .put("pending", status.pending())
                        .put("recoveryCodesLeft", status.recoveryCodesLeft())));
        api.post("/me/two-factor")
                .handler(bearerAuth)
                .respond(ctx -> twoFactor.enrol(caller(ctx)).map(enrolment -> {
                    ctx.response().setStatusCode(201).putHeader("Cache-Control", "no-store");
                    return new JsonObject().put("secret", enrolment.secret()).put("otpauthUri", enrolment.otpauthUri());
                }));
        Handler<RoutingContext> codeAttempts = limits.perAddress();
        api.post("/me/two-factor/confirm")
                .handler(bearerAuth)
                .handler(JsonBody.validated("two-factor-code"))
                .handler(codeAttempts)
                .respond(ctx -> twoFactor
                        .confirm(caller(ctx), JsonBody.of(ctx).getString("code"))
                        .map(codes -> {
                            ctx.response().putHeader("Cache-Control", "no-store");
                            return new JsonObject().put("enabled", true).put("recoveryCodes", new JsonArray(codes));
                        }));
        api.post("/me/two-factor/disable")
                .handler(bearerAuth)
                .handler(JsonBody.validated("two-factor-code"))
                .handler(codeAttempts)
                .respond(ctx -> twoFactor.disable(caller(ctx), JsonBody.of(ctx).getString("code")));
    }

    private void export(RoutingContext ctx) {
        UUID caller = caller(ctx);
        long retryAfter = exports.tryAcquire(caller.toString());
        if (retryAfter > 0) {
            ctx.fail(ProblemException.tooManyRequests(
                    "at most " + EXPORTS_PER_HOUR + " exports of your data per hour", retryAfter));
            return;
        }
        export.write(caller, clock.instant().toString(), ctx.response()).onFailure(e -> {
            LOG.warn("the export of user {} failed: {}", caller, e.toString());
            if (ctx.response().headWritten()) {
                ctx.response().reset();
            } else {
                ctx.fail(e);
            }
        });
    }

    private static UUID caller(RoutingContext ctx) {
        return AuthenticatedUser.of(ctx).id();
    }
}
