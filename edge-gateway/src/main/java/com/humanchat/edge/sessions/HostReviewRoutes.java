package com.humanchat.edge.sessions;

import com.humanchat.edge.auth.BearerAuthHandler;
import com.humanchat.edge.http.KeysetCursor;
import com.humanchat.edge.http.ProblemResponses;
import com.humanchat.edge.http.RequestParams;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/**
 * {@code GET /api/hosts/:id/reviews?limit=&cursor=}: a host's reviews, newest first, to any signed-in user (reviews are
 * public), those an admin hid left out; {@code {items, nextCursor}}, an unknown host simply has none.
 */
public final class HostReviewRoutes {

    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 50;

    private final SessionService sessions;

    public HostReviewRoutes(SessionService sessions) {
        this.sessions = sessions;
    }

    /** Mounts {@code GET /hosts/:id/reviews} on the {@code /api} router, behind {@code auth}. */
    public void mount(Router api, BearerAuthHandler auth) {
        api.get("/hosts/:id/reviews")
                .failureHandler(ProblemResponses::handleFailure)
                .handler(auth)
                .respond(this::reviews);
    }

    private Future<JsonObject> reviews(RoutingContext ctx) {
        UUID host = RequestParams.pathUuid(ctx, "id");
        int limit = RequestParams.intParam(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
        KeysetCursor cursor = KeysetCursor.parameter(ctx.queryParams().get("cursor"));
        return sessions.reviewsOf(host, cursor, limit).map(page -> new JsonObject()
                .put(
                        "items",
                        new JsonArray(page.items().stream()
                                .map(ReviewReadModel.Review::toJson)
                                .toList()))
                .put("nextCursor", page.next() == null ? null : page.next().encode()));
    }
}
