package com.humanchat.edge.sync;

import com.humanchat.edge.auth.AuthenticatedUser;
import com.humanchat.edge.auth.BearerAuthHandler;
import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.ProblemResponses;
import com.humanchat.edge.http.RequestParams;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/sync?since=&limit=}: the caller's changes as frames, with {@code nextCursor} and {@code limited}. */
public final class SyncRoutes {

    public static final int DEFAULT_LIMIT = 200;
    public static final int MAX_LIMIT = 1000;

    private final SyncService sync;

    public SyncRoutes(SyncService sync) {
        this.sync = sync;
    }

    public void mount(Router api, BearerAuthHandler auth) {
        api.get("/sync")
                .failureHandler(ProblemResponses::handleFailure)
                .handler(auth)
                .handler(this::changes);
    }

    /** Decodes a {@code since} parameter; a token this server did not issue is a 400 problem. */
    public static SyncCursor since(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            return SyncCursor.decode(token);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("since is not a sync cursor this server issued");
        }
    }

    private void changes(RoutingContext ctx) {
        SyncCursor since = since(ctx.queryParams().get("since"));
        int limit = RequestParams.intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        sync.changes(AuthenticatedUser.of(ctx).id(), since, limit).onComplete(done -> {
            if (ctx.response().ended() || ctx.response().closed()) {
                return;
            }
            if (done.failed()) {
                ctx.fail(done.cause());
                return;
            }
            ctx.response()
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store")
                    .end(done.result().toJson().encode());
        });
    }
}
