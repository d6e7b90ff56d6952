package com.humanchat.edge.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the web client (the Next.js static export) from the classpath folder {@code webroot/}: its files as they are,
 * and {@code index.html} for a page navigation ({@code Accept: text/html}) to any other path outside the API, the
 * socket, health, metrics and docs, so that a deep link reloads into the app; other clients keep getting 404 problems.
 * Hashed files under {@code /_next/static/} never change under their name and are cached for good; everything else
 * (index.html, the service worker, the manifest) is revalidated on every use so a deploy shows at once. The page's
 * inline scripts (Next's bootstrap) are allowed by their SHA-256 hashes ({@link #inlineScriptHashes()}), never by
 * {@code 'unsafe-inline'}.
 */
public final class WebClientRoutes {

    static final String WEBROOT = "webroot";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    /** Where the export puts its content-hashed files. */
    static final String HASHED_FILES = "/_next/static/";

    /** An inline script of the page: a {@code <script>} without {@code src}, and its text. */
    private static final Pattern INLINE_SCRIPT =
            Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>(.+?)</script>", Pattern.DOTALL);

    /** GET paths the client may own: all but the API, the socket, health, metrics and docs. */
    static final Pattern CLIENT_PATHS = Pattern.compile("^/(?!(api|ws|health|metrics|docs)(/|$)).*");

    /** A last path segment without a dot is an app route, not a missing file. */
    private static final Pattern APP_ROUTE = Pattern.compile("^(/[^/.]*)*/?$");

    private static final Logger LOG = LoggerFactory.getLogger(WebClientRoutes.class);

    private final Buffer indexHtml;

    public WebClientRoutes() {
        this.indexHtml = readIndex();
    }

    /**
     * The CSP sources ({@code 'sha256-…'}) of the inline scripts of {@code index.html}, the only page served: the content
     * policy allows exactly these, so a script injected into the page, inline or not, does not run.
     */
    public List<String> inlineScriptHashes() {
        if (indexHtml == null) {
            return List.of();
        }
        return INLINE_SCRIPT
                .matcher(indexHtml.toString(StandardCharsets.UTF_8))
                .results()
                .map(script -> "'sha256-" + Base64.getEncoder().encodeToString(sha256(script.group(1))) + "'")
                .distinct()
                .toList();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Whether the packaged client is on the classpath (it is whenever the {@code web} module was built). */
    public boolean available() {
        return indexHtml != null;
    }

    /**
     * Mounts after every other route, on one GET route whose pattern leaves out the API, the socket, health, metrics
     * and docs (so their 404s and 405s stay as they are): the files, then {@code index.html} for page navigations.
     */
    public void mount(Router root) {
        if (!available()) {
            LOG.warn("no web client on the classpath ({}/index.html): / serves nothing", WEBROOT);
            return;
        }
        StaticHandler files = StaticHandler.create(WEBROOT)
                .setCachingEnabled(false)
                .setDirectoryListing(false)
                .setIncludeHidden(false)
                .setIndexPage("index.html");
        root.getWithRegex(CLIENT_PATHS.pattern())
                .handler(WebClientRoutes::cacheHeaders)
                .handler(files)
                .handler(this::appRoute);
    }

    private static void cacheHeaders(RoutingContext ctx) {
        String policy = ctx.request().path().startsWith(HASHED_FILES) ? IMMUTABLE : REVALIDATE;
        ctx.addHeadersEndHandler(v -> {
            if (ctx.response().getStatusCode() < 300) {
                ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, policy);
            }
        });
        ctx.next();
    }

    private void appRoute(RoutingContext ctx) {
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        if (!APP_ROUTE.matcher(ctx.request().path()).matches() || accept == null || !accept.contains("text/html")) {
            ctx.next();
            return;
        }
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .end(indexHtml);
    }

    private static Buffer readIndex() {
        try (InputStream in = WebClientRoutes.class.getClassLoader().getResourceAsStream(WEBROOT + "/index.html")) {
            return in == null ? null : Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the web client's index.html", e);
        }
    }
}
