package com.humanchat.edge.chat;

import com.humanchat.edge.auth.AuthenticatedUser;
import com.humanchat.edge.auth.BearerAuthHandler;
import com.humanchat.edge.http.JsonBody;
import com.humanchat.edge.http.KeysetCursor;
import com.humanchat.edge.http.ProblemResponses;
import com.humanchat.edge.http.RequestParams;
import com.humanchat.schemas.chat.ConversationType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * {@code /api/conversations…}: each route is auth → body → schema validation → action calling a service; failures
 * leave as problem+json.
 */
public final class ConversationRoutes {

    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 100;
    private static final int DEFAULT_HISTORY = 50;
    private static final int MAX_HISTORY = 200;

    private final ConversationService conversations;
    private final MessageSender sender;

    public ConversationRoutes(ConversationService conversations, MessageSender sender) {
        this.conversations = conversations;
        this.sender = sender;
    }

    /** Mounts the routes; bodies are read once for all of {@code /api} by the server's root router. */
    public void mount(Router api, BearerAuthHandler auth) {
        guarded(api.post("/conversations"))
                .handler(auth)
                .handler(JsonBody.validated("create-conversation"))
                .handler(this::create);
        guarded(api.get("/conversations")).handler(auth).handler(this::list);
        guarded(api.get("/conversations/:id")).handler(auth).handler(this::get);
        guarded(api.get("/conversations/:id/messages")).handler(auth).handler(this::history);
        guarded(api.post("/conversations/:id/messages"))
                .handler(auth)
                .handler(ConversationRoutes::conversationIdIsUuid)
                .handler(JsonBody.validated("send-message"))
                .handler(this::send);
        guarded(api.post("/conversations/:id/read"))
                .handler(auth)
                .handler(ConversationRoutes::conversationIdIsUuid)
                .handler(JsonBody.validated("mark-read"))
                .handler(this::markRead);
    }

    private static Route guarded(Route route) {
        return route.failureHandler(ProblemResponses::handleFailure);
    }

    private static void conversationIdIsUuid(RoutingContext ctx) {
        RequestParams.pathUuid(ctx, "id");
        ctx.next();
    }

    private void create(RoutingContext ctx) {
        UUID caller = AuthenticatedUser.of(ctx).id();
        JsonObject body = JsonBody.of(ctx);
        List<UUID> participants = body.getJsonArray("participantIds").stream()
                .map(id -> UUID.fromString((String) id))
                .toList();
        String type = body.getString("type");
        ConversationType requested =
                type == null ? null : type.equals("direct") ? ConversationType.DIRECT : ConversationType.GROUP;
        reply(ctx, conversations.create(caller, participants, requested), outcome -> {
            switch (outcome) {
                case ConversationService.CreateOutcome.Done done -> {
                    ctx.response()
                            .putHeader(
                                    "Location",
                                    "/api/conversations/" + done.conversation().getString("conversationId"));
                    json(ctx, done.created() ? 201 : 200, done.conversation());
                }
                case ConversationService.CreateOutcome.Pending pending -> json(ctx, 202, pending.body());
            }
        });
    }

    private void list(RoutingContext ctx) {
        UUID caller = AuthenticatedUser.of(ctx).id();
        int limit = RequestParams.intParam(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
        OffsetDateTime updatedSince = RequestParams.instantParam(ctx, "updatedSince");
        KeysetCursor cursor = KeysetCursor.parameter(ctx.queryParams().get("cursor"));
        reply(
                ctx,
                conversations.list(caller, cursor, updatedSince, limit),
                page -> json(
                        ctx,
                        200,
                        new JsonObject()
                                .put("items", new JsonArray(page.items()))
                                .put(
                                        "nextCursor",
                                        page.next() == null ? null : page.next().encode())));
    }

    private void get(RoutingContext ctx) {
        UUID caller = AuthenticatedUser.of(ctx).id();
        UUID id = RequestParams.pathUuid(ctx, "id");
        reply(ctx, conversations.conversation(id, caller), conversation -> json(ctx, 200, conversation));
    }

    private void history(RoutingContext ctx) {
        UUID caller = AuthenticatedUser.of(ctx).id();
        UUID id = RequestParams.pathUuid(ctx, "id");
        Long before = RequestParams.longParam(ctx, "before", 0, Long.MAX_VALUE);
        Long after = RequestParams.longParam(ctx, "after", 0, Long.MAX_VALUE);
        int limit = RequestParams.intParam(ctx, "limit", DEFAULT_HISTORY, 1, MAX_HISTORY);
        reply(
                ctx,
                conversations.history(id, caller, before, after, limit),
                items -> json(ctx, 200, new JsonObject().put("items", new JsonArray(items))));
    }

    private void send(RoutingContext ctx) {
        UUID caller = AuthenticatedUser.of(ctx).id();
        UUID id = RequestParams.pathUuid(ctx, "id");
        reply(ctx, sender.send(caller, id, MessageDraft.of(JsonBody.of(ctx))), outcome -> {
            switch (outcome) {
                case SendOutcome.Accepted accepted -> json(ctx, 201, accepted.message());
                case SendOutcome.Pending pending -> json(ctx, 202, pending.body());
            }
        });
    }

    private void markRead(RoutingContext ctx) {
        UUID caller = AuthenticatedUser.of(ctx).id();
        UUID id = RequestParams.pathUuid(ctx, "id");
        long seq = JsonBody.of(ctx).getLong("seq");
        reply(ctx, conversations.markRead(caller, id, seq), v -> ctx.response()
                .setStatusCode(204)
                .end());
    }

    /** Answers with {@code answer} once {@code result} succeeds, or hands its failure to the problem handler. */
    private static <T> void reply(RoutingContext ctx, Future<T> result, Consumer<T> answer) {
        result.onComplete(done -> {
            if (ctx.response().closed() || ctx.response().ended()) {
                return;
            }
            if (done.succeeded()) {
                answer.accept(done.result());
            } else {
                ctx.fail(done.cause());
            }
        });
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(body.encode());
    }
}
