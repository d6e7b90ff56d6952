package com.humanchat.edge;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers on every answer, errors included: no MIME sniffing, no framing, no referrer leaks, a content policy that
 * allows only this origin (plus WebSockets), HTTPS only once seen; API answers are per-user and never cached.
 */
final class SecurityHeaders implements Handler<RoutingContext> {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; connect-src 'self' ws: wss:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Browsers ignore it over plain HTTP, so sending it always is harmless and correct behind a TLS proxy. */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response()
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        if (ctx.request().path().startsWith("/api/")) {
            ctx.response().putHeader("Cache-Control", "no-store");
        }
        ctx.next();
    }
}
