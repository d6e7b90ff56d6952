package com.humanchat.edge.notifications;

import com.humanchat.edge.auth.AuthenticatedUser;
import com.humanchat.edge.auth.BearerAuthHandler;
import com.humanchat.edge.http.JsonBody;
import com.humanchat.edge.http.KeysetCursor;
import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.RequestParams;
import com.humanchat.edge.http.ResourceRouter;
import com.humanchat.ops.mail.UnsubscribeLinks;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.UUID;

/**
 * In-app notifications and their preferences (issue 19), the caller's own only:
 *
 * <ul>
 *   <li>{@code GET /api/notifications?limit=&cursor=}: {@code {items, unreadCount, nextCursor}}, newest first;
 *   <li>{@code POST /api/notifications/read} {@code {ids}} or {@code {all: true}}: marks the caller's own read (anyone
 *       else's id changes nothing) → {@code {unreadCount}};
 *   <li>{@code GET/PUT /api/me/notification-preferences}: e-mail and push on/off, e-mail digest frequency, quiet
 *       hours in an IANA time zone, muted conversations (only the caller's own);
 *   <li>{@code GET /api/notifications/push/key}: the VAPID public key browsers subscribe with ({@code null}: Web Push
 *       is off on this server);
 *   <li>{@code GET/POST /api/notifications/push/subscriptions}, {@code DELETE …/:id}: this device's Web Push
 *       subscription, the caller's own only (anyone else's id is 404);
 *   <li>{@code GET/POST /api/notifications/unsubscribe?user=&sig=}: the e-mails' signed one-click unsubscribe link
 *       (RFC 8058: the mail client POSTs; a person who opens the link gets a page with a button), no sign-in.
 * </ul>
 */
public final class NotificationRoutes {

    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 100;

    private final NotificationReadModel reads;
    private final UnsubscribeLinks unsubscribeLinks;
    private final PushSubscriptions subscriptions;
    private final String vapidPublicKey;

    /** {@code vapidPublicKey} null: Web Push is off, registering a subscription is refused. */
    public NotificationRoutes(Pool pg, String jwtSecret, String vapidPublicKey) {
        this.reads = new NotificationReadModel(pg);
        this.unsubscribeLinks = new UnsubscribeLinks(jwtSecret);
        this.subscriptions = new PushSubscriptions(pg);
        this.vapidPublicKey = vapidPublicKey;
    }

    /**
     * Mounts the routes on the {@code /api} router: the preferences before {@code /me/*} (the profile), the public
     * unsubscribe link and the push subscriptions before {@code /notifications*}.
     */
    public void mount(Vertx vertx, Router api, BearerAuthHandler auth) {
        Router preferences = ResourceRouter.signedIn(vertx, auth);
        preferences.get("/").respond(this::preferences);
        preferences
                .put("/")
                .handler(JsonBody.validated("update-notification-preferences"))
                .respond(this::save);
        api.route("/me/notification-preferences*").subRouter(preferences);

        Router unsubscribe = ResourceRouter.open(vertx);
        unsubscribe.get("/").handler(this::unsubscribePage);
        unsubscribe.post("/").handler(this::unsubscribe);
        api.route("/notifications/unsubscribe*").subRouter(unsubscribe);

        Router push = ResourceRouter.signedIn(vertx, auth);
        push.get("/key").respond(ctx -> Future.succeededFuture(new JsonObject().put("publicKey", vapidPublicKey)));
        push.get("/subscriptions").respond(this::devices);
        push.post("/subscriptions")
                .handler(JsonBody.validated("register-push-subscription"))
                .respond(this::subscribe);
        push.delete("/subscriptions/:id").respond(this::unsubscribeDevice);
        api.route("/notifications/push*").subRouter(push);

        Router notifications = ResourceRouter.signedIn(vertx, auth);
        notifications.get("/").respond(this::list);
        notifications
                .post("/read")
                .handler(JsonBody.validated("mark-notifications-read"))
                .respond(this::markRead);
        api.route("/notifications*").subRouter(notifications);
    }

    private Future<JsonObject> list(RoutingContext ctx) {
        UUID caller = AuthenticatedUser.of(ctx).id();
        int limit = RequestParams.intParam(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
        KeysetCursor cursor = KeysetCursor.parameter(ctx.queryParams().get("cursor"));
        return reads.page(caller, cursor, limit)
                .compose(page -> reads.unreadCount(caller).map(unread -> new JsonObject()
                        .put("items", new JsonArray(page.items()))
                        .put("unreadCount", unread)
                        .put(
                                "nextCursor",
                                page.next() == null ? null : page.next().encode())));
    }

    private Future<JsonObject> markRead(RoutingContext ctx) {
        UUID caller = AuthenticatedUser.of(ctx).id();
        JsonObject body = JsonBody.of(ctx);
        JsonArray ids = body.getJsonArray("ids");
        if (ids == null && !body.getBoolean("all", false)) {
            throw ProblemException.badRequest("give the notifications' ids, or all: true");
        }
        List<UUID> chosen = ids == null
                ? null
                : ids.stream().map(id -> UUID.fromString((String) id)).toList();
        return reads.markRead(caller, chosen)
                .compose(done -> reads.unreadCount(caller))
                .map(unread -> new JsonObject().put("unreadCount", unread));
    }

    private Future<JsonObject> devices(RoutingContext ctx) {
        return subscriptions.of(AuthenticatedUser.of(ctx).id()).map(items -> new JsonObject()
                .put("items", new JsonArray(items)));
    }

    private Future<JsonObject> subscribe(RoutingContext ctx) {
        if (vapidPublicKey == null) {
            throw ProblemException.conflict("Web Push is off on this server (no VAPID keys are configured)");
        }
        return subscriptions
                .register(AuthenticatedUser.of(ctx).id(), JsonBody.of(ctx))
                .map(subscription -> {
                    ctx.response()
                            .setStatusCode(201)
                            .putHeader(
                                    "Location",
                                    "/api/notifications/push/subscriptions/" + subscription.getString("id"));
                    return subscription;
                });
    }

    /** A {@code null} result makes {@code respond} answer 204. */
    private Future<Void> unsubscribeDevice(RoutingContext ctx) {
        return subscriptions.remove(AuthenticatedUser.of(ctx).id(), RequestParams.pathUuid(ctx, "id"));
    }

    private Future<JsonObject> preferences(RoutingContext ctx) {
        return reads.preferences(AuthenticatedUser.of(ctx).id());
    }

    private Future<JsonObject> save(RoutingContext ctx) {
        UUID caller = AuthenticatedUser.of(ctx).id();
        NotificationPreferences prefs = NotificationPreferences.of(JsonBody.of(ctx));
        return reads.foreignConversations(caller, prefs.muted()).compose(foreign -> {
            if (foreign > 0) {
                return Future.failedFuture(ProblemException.forbidden(
                        "mutedConversationIds: only conversations you take part in can be muted"));
            }
            return reads.savePreferences(caller, prefs).compose(done -> reads.preferences(caller));
        });
    }

    /** The user a valid link names; a missing or forged signature is refused. */
    private UUID signedUser(RoutingContext ctx) {
        String user = ctx.queryParams().get("user");
        UUID id;
        try {
            id = UUID.fromString(user == null ? "" : user);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(
                    "user: the unsubscribe link is incomplete; open it from the e-mail again");
        }
        if (!unsubscribeLinks.verify(id, ctx.queryParams().get("sig"))) {
            throw ProblemException.forbidden("this unsubscribe link is not valid; open it from the e-mail again");
        }
        return id;
    }

    private void unsubscribePage(RoutingContext ctx) {
        UUID user = signedUser(ctx);
        String action = UnsubscribeLinks.PATH + "?user=" + user + "&sig=" + unsubscribeLinks.signature(user);
        html(
                ctx,
                "<h1>Stop notification e-mails?</h1><p>You will still see notifications in HumanChat.</p>"
                        + "<form method=\"post\" action=\"" + action
                        + "\"><button type=\"submit\">Unsubscribe</button></form>");
    }

    private void unsubscribe(RoutingContext ctx) {
        UUID user = signedUser(ctx);
        reads.unsubscribe(user)
                .onSuccess(done -> html(
                        ctx,
                        "<h1>Unsubscribed</h1><p>You will get no more notification e-mails. You can turn them on again"
                                + " in your settings.</p>"))
                .onFailure(ctx::fail);
    }

    private static void html(RoutingContext ctx, String body) {
        ctx.response()
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end("<!doctype html><html><head><meta charset=\"utf-8\"><title>HumanChat notifications</title>"
                        + "</head><body>" + body + "</body></html>");
    }
}
