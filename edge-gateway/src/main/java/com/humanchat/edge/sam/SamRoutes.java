package com.humanchat.edge.sam;

import com.humanchat.edge.auth.AuthenticatedUser;
import com.humanchat.edge.auth.BearerAuthHandler;
import com.humanchat.edge.http.JsonBody;
import com.humanchat.edge.http.ProblemResponses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** {@code POST /api/sam {message, conversationId?, clientMessageId?}} → 202 {@code {requestId, conversationId}}. */
public final class SamRoutes {

    private final SamService sam;

    public SamRoutes(SamService sam) {
        this.sam = sam;
    }

    /** Mounts the route on the {@code /api} router, behind {@code auth} (which also applies the per-user limit). */
    public void mount(Router api, BearerAuthHandler auth) {
        api.post("/sam")
                .handler(auth)
                .handler(JsonBody.validated("sam-ask"))
                .respond(this::ask)
                .failureHandler(ProblemResponses::handleFailure);
    }

    private Future<JsonObject> ask(RoutingContext ctx) {
        JsonObject body = JsonBody.of(ctx);
        String conversation = body.getString("conversationId");
        return sam.ask(
                        AuthenticatedUser.of(ctx).id(),
                        body.getString("message"),
                        conversation == null ? null : UUID.fromString(conversation),
                        body.getString("clientMessageId"))
                .map(asked -> {
                    ctx.response().setStatusCode(202);
                    return new JsonObject()
                            .put("requestId", asked.requestId().toString())
                            .put("conversationId", asked.conversationId().toString());
                });
    }
}
