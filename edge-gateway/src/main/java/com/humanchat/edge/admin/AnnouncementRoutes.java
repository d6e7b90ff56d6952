package com.humanchat.edge.admin;

import com.humanchat.edge.auth.BearerAuthHandler;
import com.humanchat.edge.http.RequestParams;
import com.humanchat.edge.http.ResourceRouter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/announcements}: the latest admin announcements, for any signed-in user (newest first). */
public final class AnnouncementRoutes {

    private final AdminService admin;

    public AnnouncementRoutes(AdminService admin) {
        this.admin = admin;
    }

    /** A router to mount with {@code api.route("/announcements*").subRouter(...)}. */
    public Router router(Vertx vertx, BearerAuthHandler auth) {
        Router router = ResourceRouter.signedIn(vertx, auth);
        router.get("/").respond(this::latest);
        return router;
    }

    private Future<JsonObject> latest(RoutingContext ctx) {
        int limit = RequestParams.intParam(ctx, "limit", 20, 1, 100);
        return admin.announcements(limit).map(items -> new JsonObject().put("items", items));
    }
}
