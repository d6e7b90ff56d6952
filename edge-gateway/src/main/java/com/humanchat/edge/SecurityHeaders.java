package com.humanchat.edge;

import io.vertx.core.Handler;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Headers on every answer, errors included: no MIME sniffing, no framing, no referrer leaks, a content policy that
 * lets the page connect only to its own origin (its own WebSocket included) and the configured CORS origins — never to
 * any {@code ws:}/{@code wss:} host, which would let injected script carry data anywhere; scripts only from the page's
 * origin, the web client's own inline bootstrap (by hash) and Stripe.js, whose Payment Element runs in Stripe's frames
 * and talks to Stripe's API (Stripe's documented policy); HTTPS only once seen; API answers are per-user and never
 * cached.
 */
final class SecurityHeaders implements Handler<RoutingContext> {

    /** A {@code Host} that is a plain authority; anything else (say a {@code ;}) never reaches the policy. */
    private static final Pattern HOST =
            Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}](:[0-9]{1,5})?");

    /** Stripe.js and the frames of its Elements, as Stripe documents for a content policy. */
    static final String STRIPE_SCRIPTS = "https://js.stripe.com";

    static final String STRIPE_FRAMES = "https://js.stripe.com https://hooks.stripe.com";

    static final String STRIPE_API = "https://api.stripe.com";

    private static final String OTHER_DIRECTIVES =
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Browsers ignore it over plain HTTP, so sending it always is harmless and correct behind a TLS proxy. */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

    /** The configured origins and their WebSocket twins, e.g. {@code https://app.example.com wss://app.example.com}. */
    private final String allowedOrigins;

    /** {@code script-src}: the page's origin, the web client's inline scripts by hash, Stripe.js. */
    private final String scriptSources;

    /** Where attachments are fetched from and uploaded to besides the page's origin (an S3 endpoint), or empty. */
    private final String storageOrigin;

    SecurityHeaders(List<String> corsOrigins, List<String> inlineScriptHashes) {
        this(corsOrigins, inlineScriptHashes, null);
    }

    SecurityHeaders(List<String> corsOrigins, List<String> inlineScriptHashes, String storageOrigin) {
        this.storageOrigin = storageOrigin == null ? "" : " " + storageOrigin;
        this.scriptSources = String.join(" ", "'self'", STRIPE_SCRIPTS, String.join(" ", inlineScriptHashes))
                .strip();
        this.allowedOrigins = corsOrigins.stream()
                .map(origin -> origin + " " + origin.replaceFirst("^http", "ws"))
                .collect(Collectors.joining(" "));
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response()
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Content-Security-Policy", contentSecurityPolicy(authority(ctx)))
                .putHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        if (ctx.request().path().startsWith("/api/")) {
            ctx.response().putHeader("Cache-Control", "no-store");
        }
        ctx.next();
    }

    /** The page's authority as the browser asked for it: {@code Host} in HTTP/1.1, {@code :authority} in HTTP/2. */
    private static String authority(RoutingContext ctx) {
        HostAndPort authority = ctx.request().authority();
        if (authority == null) {
            return null;
        }
        return authority.port() >= 0 ? authority.host() + ":" + authority.port() : authority.host();
    }

    /**
     * {@code 'self'} covers the page's own WebSocket in CSP Level 3 browsers only; the page's host is added as
     * {@code ws://} and {@code wss://} for the others (which of the two depends on the TLS proxy, invisible here).
     */
    String contentSecurityPolicy(String host) {
        StringBuilder connect = new StringBuilder("connect-src 'self' " + STRIPE_API + storageOrigin);
        if (host != null && HOST.matcher(host).matches()) {
            connect.append(" ws://").append(host).append(" wss://").append(host);
        }
        if (!allowedOrigins.isEmpty()) {
            connect.append(' ').append(allowedOrigins);
        }
        // Images: the page's own, thumbnails kept offline (blob:), and the attachment store's signed URLs.
        return "default-src 'self'; script-src " + scriptSources + "; frame-src " + STRIPE_FRAMES + "; " + connect
                + "; img-src 'self' blob:" + storageOrigin + "; " + OTHER_DIRECTIVES;
    }
}
