package com.humanchat.edge;

import com.humanchat.edge.account.AccountExport;
import com.humanchat.edge.account.AccountRoutes;
import com.humanchat.edge.account.AdminTwoFactorPolicy;
import com.humanchat.edge.admin.AdminRoutes;
import com.humanchat.edge.admin.AnnouncementRoutes;
import com.humanchat.edge.contracts.ApiDocumentRoutes;
import com.humanchat.edge.health.HealthRoutes;
import com.humanchat.edge.http.ProblemResponses;
import com.humanchat.edge.http.RequestIds;
import com.humanchat.edge.identity.AuthRoutes;
import com.humanchat.edge.identity.DiscoverRoutes;
import com.humanchat.edge.identity.ManagerInvitationRoutes;
import com.humanchat.edge.identity.ProfileRoutes;
import com.humanchat.edge.identity.UserRoutes;
import com.humanchat.edge.notifications.NotificationRoutes;
import com.humanchat.edge.presence.PresenceVisibility;
import com.humanchat.edge.safety.SafetyRoutes;
import com.humanchat.edge.web.WebClientRoutes;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP server instance (deployed once per event loop, all sharing the port): security headers everywhere, a
 * bounded body on {@code /api/*}, the {@code /api} router (auth and chat), {@code /ws}, the minimal health probes and
 * the web client; every failure and every unmatched route ends as problem+json. Metrics and the detailed health are on
 * the {@link OpsServer}'s port.
 */
public final class EdgeServer extends RouterServer {

    static final long SHUTDOWN_GRACE_SECONDS = 5;

    /**
     * @param port the port to listen on; instances given the same port share it. WebSocket messages are assembled and
     *     size-checked by the socket's own protocol (ws.MessageAssembler), not by the server's options.
     */
    public EdgeServer(EdgeServices services, int port) {
        super(services, port);
    }

    /**
     * WebSocket compression is declined: every browser offers {@code permessage-deflate}
     * with context takeover, which costs each socket a deflater and an inflater (~155 KB resident) and, measured on
     * the message path, many times the latency of an uncompressed frame, for frames of a few hundred bytes that
     * deflate saves little on (docs/benchmarks.md, "WebSocket compression"). A client that offers it gets a plain
     * socket, which RFC 7692 allows.
     */
    @Override
    HttpServerOptions options(int port) {
        return super.options(port)
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false);
    }

    /** Stops accepting, lets requests in flight finish and closes WebSockets, for at most the grace period. */
    @Override
    Future<Void> stop(HttpServer server) {
        return server.shutdown(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    Router router() {
        Router root = Router.router(vertx);
        root.route().handler(new RequestIds());
        WebClientRoutes webClient = new WebClientRoutes();
        root.route()
                .handler(new SecurityHeaders(
                        services.config().corsOrigins(),
                        webClient.inlineScriptHashes(),
                        services.config().attachments().storageOrigin()));
        List<String> corsOrigins = services.config().corsOrigins();
        if (!corsOrigins.isEmpty()) {
            // No allow-list means same-origin only: without the handler no answer carries Access-Control-* headers.
            root.route().handler(cors(corsOrigins));
        }
        root.route("/api/*")
                .handler(
                        BodyHandler.create(false).setBodyLimit(services.config().maxBodyBytes()));
        // Counted before anything is checked: brute-force attempts cost a token whatever they send. After the (bounded)
        // body is read, not before: a request paused while Redis answered could stall a large upload for good.
        root.postWithRegex("/api/auth/(register|login|refresh)")
                .handler(services.rateLimits().perAddress());
        // Before the password is checked: a locked account is refused even with the right password.
        root.post("/api/auth/login").handler(services.signInLockout().beforeSignIn());
        root.route().failureHandler(ProblemResponses::handleFailure);
        // Error handlers (no route matched: 404/405, or a bare status) live on the root router only: a request
        // unmatched inside a sub-router falls back to them with its status, while a sub-router's own error handler
        // would see a status of -1 (vertx-web 5.0.10) and answer 500.
        for (int status : new int[] {400, 401, 403, 404, 405, 406, 413, 415, 500}) {
            root.errorHandler(status, ProblemResponses::handleFailure);
        }

        Router api = Router.router(vertx);
        api.route("/auth/*")
                .subRouter(new AuthRoutes(services.identity(), services.emailVerification(), services.bearerAuth())
                        .router(vertx));
        api.route("/manager-invitations*")
                .subRouter(new ManagerInvitationRoutes(services.managerInvitations())
                        .router(vertx, services.bearerAuth()));
        PresenceVisibility presence =
                new PresenceVisibility(services.pg(), services.chat().presence());
        api.route("/users/*")
                .subRouter(
                        new UserRoutes(services.identity(), services.bearerAuth(), presence::statusFor, services.pg())
                                .router(vertx));
        presence.mount(api, services.bearerAuth());
        services.chat().mountBookingTerms(vertx, api, services.bearerAuth());
        new SafetyRoutes(services.safety(), services.reports()).mount(vertx, api, services.bearerAuth());
        new AccountRoutes(
                        new AccountExport(services.pg()),
                        services.accountDeletion(),
                        services.signInSessions(),
                        services.twoFactor(),
                        services.rateLimits(),
                        Clock.systemUTC())
                .mount(api, services.bearerAuth());
        new NotificationRoutes(
                        services.pg(),
                        services.config().jwtSecret(),
                        services.config().vapidPublicKey())
                .mount(vertx, api, services.bearerAuth());
        services.chat().mountAttachments(root, api, services.bearerAuth());
        api.route("/me/*").subRouter(new ProfileRoutes(services.identity(), services.bearerAuth()).router(vertx));
        new DiscoverRoutes(services.pg(), services.bearerAuth(), presence::statusesFor).mount(api);
        services.chat().mountApi(vertx, api, services.bearerAuth());
        api.route("/admin/*")
                .subRouter(new AdminRoutes(
                                services.admin(),
                                services.chat().requests(),
                                services.adminMetrics(),
                                services.moderation(),
                                new AdminTwoFactorPolicy(
                                        services.config().account().adminTwoFactorRequired(), services.twoFactor()))
                        .router(vertx, services.bearerAuth()));
        api.route("/announcements*")
                .subRouter(new AnnouncementRoutes(services.admin()).router(vertx, services.bearerAuth()));
        new ApiDocumentRoutes().mount(api);
        api.route().failureHandler(ProblemResponses::handleFailure);
        root.route("/api/*").subRouter(api);

        services.chat().mountWebSocket(root);
        // Minimal probes only: the detail and /metrics are on the ops port (OpsServer), never reachable from here.
        new HealthRoutes(services.readiness(), services.liveness()).mountPublic(root);
        if (services.devOutbox() != null) {
            services.devOutbox().mount(root);
        }
        // Last: the web client takes every other GET (its files, and index.html for app routes).
        webClient.mount(root);
        return root;
    }

    /**
     * Bearer tokens, not cookies: no credentials mode, only the headers the API reads and the client needs. Only an
     * allowed {@code Origin} reaches the {@link CorsHandler}; any other request passes undecorated (the browser then
     * withholds the answer from a foreign page), because the handler would refuse it with 403 - including same-origin
     * browser requests and non-browser clients that send their own {@code Origin}.
     */
    private static Handler<RoutingContext> cors(List<String> origins) {
        Set<String> allowed = Set.copyOf(origins);
        CorsHandler cors = CorsHandler.create()
                .addOrigins(origins)
                .allowedMethods(
                        Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE))
                .allowedHeaders(Set.of("Authorization", "Content-Type", RequestIds.HEADER))
                .exposedHeaders(Set.of("Retry-After", "Location", RequestIds.HEADER))
                .maxAgeSeconds(600);
        return ctx -> {
            String origin = ctx.request().getHeader("Origin");
            if (origin != null && allowed.contains(origin)) {
                cors.handle(ctx);
            } else {
                ctx.next();
            }
        };
    }
}
