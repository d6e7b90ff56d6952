package com.humanchat.edge.identity;

import com.humanchat.edge.auth.AuthenticatedUser;
import com.humanchat.edge.auth.BearerAuthHandler;
import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.RequestParams;
import com.humanchat.edge.http.ResourceRouter;
import com.humanchat.readmodels.hosts.HostRating;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * {@code /api/users}: {@code GET /:id} is the public profile of any account to any signed-in user, with its presence
 * only when the caller may see it (themselves, a co-member of one of their conversations, or a host who made it
 * public): a stranger's answer has no {@code presence}. Presence comes from Redis; when Redis cannot answer, the
 * status is {@value #UNKNOWN} and the profile is still served.
 */
public final class UserRoutes {

    static final String UNKNOWN = "unknown";

    private final IdentityService identity;
    private final BearerAuthHandler bearerAuth;
    private final BiFunction<UUID, UUID, Future<String>> presence;
    private final Pool pg;

    /**
     * @param presence the effective status of a user (second) as the caller (first) may see it, {@code hidden} when
     *     not theirs to see; may fail (Redis down)
     */
    public UserRoutes(
            IdentityService identity,
            BearerAuthHandler bearerAuth,
            BiFunction<UUID, UUID, Future<String>> presence,
            Pool pg) {
        this.identity = identity;
        this.bearerAuth = bearerAuth;
        this.presence = presence;
        this.pg = pg;
    }

    /** A router to mount with {@code api.route("/users/*").subRouter(...)}. */
    public Router router(Vertx vertx) {
        Router router = ResourceRouter.open(vertx);
        router.get("/:id").handler(bearerAuth).respond(this::profile);
        return router;
    }

    private Future<JsonObject> profile(RoutingContext ctx) {
        UUID id = RequestParams.pathUuid(ctx, "id");
        return identity.find(id).compose(found -> {
            if (found.isEmpty()) {
                return Future.failedFuture(ProblemException.notFound("no user " + id));
            }
            return Future.all(
                            presence.apply(AuthenticatedUser.of(ctx).id(), id).otherwise(UNKNOWN),
                            HostingTerms.of(pg, List.of(id)),
                            HostRating.of(pg, List.of(id)))
                    .map(all -> UserJson.publicProfile(
                            found.get(),
                            all.resultAt(0),
                            all.<Map<UUID, HostingTerms>>resultAt(1).getOrDefault(id, HostingTerms.NONE),
                            all.<Map<UUID, HostRating>>resultAt(2).get(id)));
        });
    }
}
