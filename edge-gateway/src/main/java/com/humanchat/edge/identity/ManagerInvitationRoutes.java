package com.humanchat.edge.identity;

import com.humanchat.edge.auth.AuthenticatedUser;
import com.humanchat.edge.auth.BearerAuthHandler;
import com.humanchat.edge.http.JsonBody;
import com.humanchat.edge.http.RequestParams;
import com.humanchat.edge.http.ResourceRouter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/**
 * {@code /api/manager-invitations}: a host invites a manager (201), both read their open invitations, the invitee
 * accepts (200), either party ends it (204). Someone else's invitation is 404.
 */
public final class ManagerInvitationRoutes {

    private final ManagerInvitations invitations;

    public ManagerInvitationRoutes(ManagerInvitations invitations) {
        this.invitations = invitations;
    }

    /** A router to mount with {@code api.route("/manager-invitations*").subRouter(...)}. */
    public Router router(Vertx vertx, BearerAuthHandler auth) {
        Router router = ResourceRouter.signedIn(vertx, auth);
        router.post("/").handler(JsonBody.validated("invite-manager")).respond(this::invite);
        router.get("/").respond(this::list);
        router.post("/:id/accept").respond(this::accept);
        router.delete("/:id").respond(this::end);
        return router;
    }

    private Future<JsonObject> invite(RoutingContext ctx) {
        JsonObject body = JsonBody.of(ctx);
        String managerId = body.getString("managerId");
        return invitations
                .invite(
                        AuthenticatedUser.of(ctx).id(),
                        managerId == null ? null : UUID.fromString(managerId),
                        body.getString("email"))
                .map(invitation -> {
                    ctx.response()
                            .setStatusCode(201)
                            .putHeader("Location", "/api/manager-invitations/" + invitation.getString("id"));
                    return invitation;
                });
    }

    private Future<JsonObject> list(RoutingContext ctx) {
        return invitations.of(AuthenticatedUser.of(ctx).id());
    }

    private Future<JsonObject> accept(RoutingContext ctx) {
        return invitations.accept(AuthenticatedUser.of(ctx).id(), RequestParams.pathUuid(ctx, "id"));
    }

    /** A {@code null} result makes {@code respond} answer 204. */
    private Future<Void> end(RoutingContext ctx) {
        return invitations.end(AuthenticatedUser.of(ctx).id(), RequestParams.pathUuid(ctx, "id"));
    }
}
