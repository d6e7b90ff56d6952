package com.humanchat.edge.auth;

import com.humanchat.edge.http.JsonBody;
import com.humanchat.edge.http.ProblemResponses;
import com.humanchat.edge.identity.AuthSession;
import com.humanchat.edge.identity.IdentityService;
import com.humanchat.edge.identity.Registration;
import com.humanchat.edge.identity.UserJson;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/auth}: register, login, refresh, logout, me. Each route is body → schema validation → a call to
 * {@link IdentityService}; token answers are never cached.
 */
public final class AuthRoutes {

    private final IdentityService identity;
    private final BearerAuthHandler bearerAuth;

    public AuthRoutes(IdentityService identity, BearerAuthHandler bearerAuth) {
        this.identity = identity;
        this.bearerAuth = bearerAuth;
    }

    /** A router to mount with {@code api.route("/auth/*").subRouter(...)}; it relies on the /api body handler. */
    public Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        router.post("/register").handler(JsonBody.validated("register-request")).respond(this::register);
        router.post("/login").handler(JsonBody.validated("login-request")).respond(this::login);
        router.post("/refresh")
                .handler(JsonBody.validated("refresh-token-request"))
                .respond(this::refresh);
        router.post("/logout")
                .handler(JsonBody.validated("refresh-token-request"))
                .respond(this::logout);
        router.get("/me").handler(bearerAuth).respond(this::me);
        router.route().failureHandler(ProblemResponses::handleFailure);
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
        return tokenAnswer(ctx, 200, identity.login(body.getString("email"), body.getString("password")));
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

    private static Future<JsonObject> tokenAnswer(RoutingContext ctx, int status, Future<AuthSession> session) {
        return session.map(s -> {
            ctx.response().setStatusCode(status).putHeader("Cache-Control", "no-store");
            return UserJson.of(s);
        });
    }
}
