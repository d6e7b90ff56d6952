package com.humanchat.edge.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The sub-router of one resource ({@code api.route("/sessions*").subRouter(...)}), whose failures are answered as
 * {@code application/problem+json} by {@link ProblemResponses#handleFailure}.
 */
public final class ResourceRouter {

    private ResourceRouter() {}

    /** For a resource whose routes each say whether they need a signed-in caller. */
    public static Router open(Vertx vertx) {
        Router router = Router.router(vertx);
        router.route().failureHandler(ProblemResponses::handleFailure);
        return router;
    }

    /**
     * For a resource only signed-in callers reach: every route behind {@code auth}, so an anonymous call is 401 before
     * any route is matched.
     */
    public static Router signedIn(Vertx vertx, Handler<RoutingContext> auth) {
        Router router = open(vertx);
        router.route().handler(auth);
        return router;
    }
}
