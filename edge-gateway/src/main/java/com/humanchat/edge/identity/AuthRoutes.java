package com.humanchat.edge.identity;

import com.humanchat.edge.auth.AuthenticatedUser;
import com.humanchat.edge.auth.BearerAuthHandler;
import com.humanchat.edge.http.JsonBody;
import com.humanchat.edge.http.ResourceRouter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/auth}: register, login, refresh, logout, me, and proving the e-mail address (follow a link, ask for
 * another). Each route is body → schema validation → a call to {@link IdentityService} or {@link EmailVerification};
 * token answers are never cached.
 */
public final class AuthRoutes {

    private final IdentityService identity;
    private final EmailVerification verification;
    private final BearerAuthHandler bearerAuth;

    public AuthRoutes(IdentityService identity, EmailVerification verification, BearerAuthHandler bearerAuth) {
        this.identity = identity;
        this.verification = verification;
        this.bearerAuth = bearerAuth;
    }

    /** A router to mount with {@code api.route("/auth/*").subRouter(...)}; it relies on the /api body handler. */
    public Router router(Vertx vertx) {
        Router router = ResourceRouter.open(vertx);
        router.post("/register").handler(JsonBody.validated("register-request")).respond(this::register);
        router.post("/login").handler(JsonBody.validated("login-request")).respond(this::login);
        router.post("/refresh")
                .handler(JsonBody.validated("refresh-token-request"))
                .respond(this::refresh);
        router.post("/logout")
                .handler(JsonBody.validated("refresh-token-request"))
                .respond(this::logout);
        router.get("/me").handler(bearerAuth).respond(this::me);
        router.post("/verify-email")
                .handler(JsonBody.validated("verify-email-request"))
                .respond(this::verifyEmail);
        router.post("/verification-email").handler(bearerAuth).respond(this::resendVerification);
        return router;
    }

    private Future<JsonObject> register(RoutingContext ctx) {
        JsonObject body = JsonBody.of(ctx);
        Registration registration = new Registration(
                body.getString("email"),
                body.getString("password"),
                body.getString("displayName"),
                body.getString("role"));
        return tokenAnswer(ctx, 201, identity.register(registration));
    }

    private Future<JsonObject> login(RoutingContext ctx) {
        JsonObject body = JsonBody.of(ctx);
        return tokenAnswer(
                ctx, 200, identity.login(body.getString("email"), body.getString("password"), body.getString("code")));
    }

    private Future<JsonObject> refresh(RoutingContext ctx) {
        return tokenAnswer(ctx, 200, identity.refresh(JsonBody.of(ctx).getString("refreshToken")));
    }

    /** A {@code null} result makes {@code respond} answer 204. */
    private Future<Void> logout(RoutingContext ctx) {
        return identity.logout(JsonBody.of(ctx).getString("refreshToken"));
    }

    private Future<JsonObject> me(RoutingContext ctx) {
        return identity.user(AuthenticatedUser.of(ctx).id()).map(UserJson::of);
    }

    /** The link is the proof: no bearer token needed (the link may be opened on another device). */
    private Future<JsonObject> verifyEmail(RoutingContext ctx) {
        return verification.verify(JsonBody.of(ctx).getString("token")).map(UserJson::of);
    }

    private Future<JsonObject> resendVerification(RoutingContext ctx) {
        return verification.resend(AuthenticatedUser.of(ctx).id()).map(v -> {
            ctx.response().setStatusCode(202);
            return new JsonObject().put("sent", true);
        });
    }

    private static Future<JsonObject> tokenAnswer(RoutingContext ctx, int status, Future<AuthSession> session) {
        return session.map(s -> {
            ctx.response().setStatusCode(status).putHeader("Cache-Control", "no-store");
            return UserJson.of(s);
        });
    }
}
