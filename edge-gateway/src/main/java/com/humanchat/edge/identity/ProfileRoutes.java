package com.humanchat.edge.identity;

import com.humanchat.edge.auth.AuthenticatedUser;
import com.humanchat.edge.auth.BearerAuthHandler;
import com.humanchat.edge.http.JsonBody;
import com.humanchat.edge.http.ResourceRouter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/**
 * {@code /api/me}: {@code PATCH /profile} changes the caller's own profile (auth → schema {@code update-profile} →
 * {@link IdentityService#updateProfile}) and answers the whole account as {@code GET /api/auth/me} shows it.
 */
public final class ProfileRoutes {

    private final IdentityService identity;
    private final BearerAuthHandler bearerAuth;

    public ProfileRoutes(IdentityService identity, BearerAuthHandler bearerAuth) {
        this.identity = identity;
        this.bearerAuth = bearerAuth;
    }

    /** A router to mount with {@code api.route("/me/*").subRouter(...)}; it relies on the /api body handler. */
    public Router router(Vertx vertx) {
        Router router = ResourceRouter.open(vertx);
        router.patch("/profile")
                .handler(bearerAuth)
                .handler(JsonBody.validated("update-profile"))
                .respond(this::update);
        return router;
    }

    private Future<JsonObject> update(RoutingContext ctx) {
        UUID caller = AuthenticatedUser.of(ctx).id();
        return identity.updateProfile(caller, changes(JsonBody.of(ctx))).map(UserJson::of);
    }

    /** The body has passed the schema: types and sizes are right, a {@code managerId} string is a UUID. */
    static ProfileChanges changes(JsonObject body) {
        JsonArray tags = body.getJsonArray("tags");
        String managerId = body.getString("managerId");
        return new ProfileChanges(
                body.getString("displayName"),
                body.getString("bio"),
                tags == null ? null : tags.stream().map(String.class::cast).toList(),
                body.getLong("priceCents"),
                body.getString("currency"),
                body.getBoolean("instantAvailable"),
                body.containsKey("managerId"),
                managerId == null ? null : UUID.fromString(managerId),
                body.containsKey("representativeName"),
                body.getString("representativeName"));
    }
}
