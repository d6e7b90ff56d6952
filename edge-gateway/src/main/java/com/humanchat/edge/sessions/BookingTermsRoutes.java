package com.humanchat.edge.sessions;

import com.humanchat.edge.auth.AuthenticatedUser;
import com.humanchat.edge.auth.BearerAuthHandler;
import com.humanchat.edge.http.JsonBody;
import com.humanchat.edge.http.ResourceRouter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/**
 * {@code /api/me/booking-terms}: the caller's own terms as a host (columns of {@code users}, migration V60) — how long
 * a request they have not answered holds its slot, and whether they welcome donations. Only ever the caller's.
 */
public final class BookingTermsRoutes {

    private final Pool pg;

    public BookingTermsRoutes(Pool pg) {
        this.pg = pg;
    }

    /** A router to mount with {@code api.route("/me/booking-terms*").subRouter(...)}. */
    public Router router(Vertx vertx, BearerAuthHandler auth) {
        Router router = ResourceRouter.signedIn(vertx, auth);
        router.get("/").respond(this::get);
        router.put("/").handler(JsonBody.validated("update-booking-terms")).respond(this::put);
        return router;
    }

    private Future<JsonObject> get(RoutingContext ctx) {
        UUID caller = AuthenticatedUser.of(ctx).id();
        return pg.preparedQuery("select request_hold_minutes, donations_welcome from users where id = $1")
                .execute(Tuple.of(caller))
                .map(rows -> {
                    var row = rows.iterator().next();
                    return terms(row.getInteger("request_hold_minutes"), row.getBoolean("donations_welcome"));
                });
    }

    private Future<JsonObject> put(RoutingContext ctx) {
        UUID caller = AuthenticatedUser.of(ctx).id();
        JsonObject body = JsonBody.of(ctx);
        Integer hold = body.getInteger("requestHoldMinutes");
        boolean donations = body.getBoolean("donationsWelcome");
        return pg.preparedQuery("update users set request_hold_minutes = $2, donations_welcome = $3,"
                        + " updated_at = now() where id = $1")
                .execute(Tuple.of(caller, hold, donations))
                .map(done -> terms(hold, donations));
    }

    private static JsonObject terms(Integer holdMinutes, boolean donationsWelcome) {
        return new JsonObject().put("requestHoldMinutes", holdMinutes).put("donationsWelcome", donationsWelcome);
    }
}
