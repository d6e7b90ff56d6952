package com.humanchat.edge.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the single-page web client from the classpath folder {@code webroot/}: its files as they are, and
 * {@code index.html} for a page navigation ({@code Accept: text/html}) to any other path outside the API, the socket,
 * health, metrics and docs, so that a deep link reloads into the app; other clients keep getting 404 problems. Hashed files under {@code /assets/} never change under their name and are cached for good;
 * everything else (index.html, the service worker, the manifest) is revalidated on every use so a deploy shows at once.
 */
public final class WebClientRoutes {

    static final String WEBROOT = "webroot";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    /** GET paths the client may own: all but the API, the socket, health, metrics and docs. */
    static final Pattern CLIENT_PATHS = Pattern.compile("^/(?!(api|ws|health|metrics|docs)(/|$)).*");

    /** A last path segment without a dot is an app route, not a missing file. */
    private static final Pattern APP_ROUTE = Pattern.compile("^(/[^/.]*)*/?$");

    private static final Logger LOG = LoggerFactory.getLogger(WebClientRoutes.class);

    private final Buffer indexHtml;

    public WebClientRoutes() {
        this.indexHtml = readIndex();
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
        String policy = ctx.request().path().startsWith("/assets/") ? IMMUTABLE : REVALIDATE;
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
