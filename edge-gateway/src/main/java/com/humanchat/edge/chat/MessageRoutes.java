package com.humanchat.edge.chat;

import com.humanchat.edge.auth.AuthenticatedUser;
import com.humanchat.edge.auth.BearerAuthHandler;
import com.humanchat.edge.http.JsonBody;
import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.ProblemResponses;
import com.humanchat.edge.http.RequestParams;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/**
 * What a member does to one message: {@code PATCH} and {@code DELETE /api/conversations/:id/messages/:seq} (author
 * only) and {@code PUT …/:seq/reactions}; plus {@code GET/PUT /api/me/read-receipts}. The topology decides each
 * command; a non-member gets the 404 of a conversation that does not exist.
 */
public final class MessageRoutes {

    private final MessageActions actions;
    private final ChatReadModel readModel;

    public MessageRoutes(MessageActions actions, ChatReadModel readModel) {
        this.actions = actions;
        this.readModel = readModel;
    }

    /** Mounts the message routes on the {@code /api} router. */
    public void mount(Router api, BearerAuthHandler auth) {
        guarded(api.patch("/conversations/:id/messages/:seq"))
                .handler(auth)
                .handler(MessageRoutes::pathIsValid)
                .handler(JsonBody.validated("edit-message"))
                .handler(ctx -> answer(
                        ctx,
                        actions.edit(
                                caller(ctx),
                                conversation(ctx),
                                seq(ctx),
                                JsonBody.of(ctx).getString("content"))));
        guarded(api.delete("/conversations/:id/messages/:seq"))
                .handler(auth)
                .handler(MessageRoutes::pathIsValid)
                .handler(ctx -> answer(ctx, actions.delete(caller(ctx), conversation(ctx), seq(ctx))));
        guarded(api.put("/conversations/:id/messages/:seq/reactions"))
                .handler(auth)
                .handler(MessageRoutes::pathIsValid)
                .handler(JsonBody.validated("react-to-message"))
                .handler(ctx -> {
                    JsonObject body = JsonBody.of(ctx);
                    answer(
                            ctx,
                            actions.react(
                                    caller(ctx),
                                    conversation(ctx),
                                    seq(ctx),
                                    body.getString("emoji"),
                                    body.getBoolean("active")));
                });
    }

    /** Mounts {@code GET/PUT /me/read-receipts} on the {@code /api} router (before the {@code /me/*} one). */
    public void mountReadReceipts(Router api, BearerAuthHandler auth) {
        guarded(api.get("/me/read-receipts"))
                .handler(auth)
                .respond(ctx -> readModel.sendsReadReceipts(caller(ctx)).map(MessageRoutes::receipts));
        guarded(api.put("/me/read-receipts"))
                .handler(auth)
                .handler(JsonBody.validated("read-receipts"))
                .respond(ctx -> readModel
                        .setReadReceipts(caller(ctx), JsonBody.of(ctx).getBoolean("enabled"))
                        .map(MessageRoutes::receipts));
    }

    private static JsonObject receipts(boolean enabled) {
        return new JsonObject().put("enabled", enabled);
    }

    private static Route guarded(Route route) {
        return route.failureHandler(ProblemResponses::handleFailure);
    }

    private static void pathIsValid(RoutingContext ctx) {
        conversation(ctx);
        seq(ctx);
        ctx.next();
    }

    private static UUID caller(RoutingContext ctx) {
        return AuthenticatedUser.of(ctx).id();
    }

    private static UUID conversation(RoutingContext ctx) {
        return RequestParams.pathUuid(ctx, "id");
    }

    private static long seq(RoutingContext ctx) {
        String value = ctx.pathParam("seq");
        try {
            long seq = Long.parseLong(value);
            if (seq >= 1) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest(
                "seq must be a whole number from 1, was '" + RequestParams.abbreviate(value) + "'");
    }

    private static void answer(RoutingContext ctx, Future<MessageActions.Outcome> result) {
        result.onComplete(done -> {
            if (ctx.response().closed() || ctx.response().ended()) {
                return;
            }
            if (done.failed()) {
                ctx.fail(done.cause());
                return;
            }
            ctx.response()
                    .setStatusCode(done.result().status())
                    .putHeader("Content-Type", "application/json")
                    .end(done.result().body().encode());
        });
    }
}
