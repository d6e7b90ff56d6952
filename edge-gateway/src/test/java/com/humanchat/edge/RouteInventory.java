package com.humanchat.edge;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The endpoints of a running edge as its real Vert.x router declares them: {@link EdgeServer#router()} built on the
 * edge's own services, walked through every sub-router ({@link Route#getSubRouter()}), each route that names HTTP
 * methods listed once per method with its full path ({@code GET /api/conversations/:id/messages}). Tests compare it
 * with what they document or check, so that a route added to the edge cannot go unnoticed.
 */
public final class RouteInventory {

    /** One method on one path; {@code regex} when the path is a regular expression rather than a template. */
    public record Endpoint(String method, String path, boolean regex) {

        @Override
        public String toString() {
            return method + " " + path + (regex ? " (regex)" : "");
        }
    }

    private static final Pattern PATTERN = Pattern.compile("pattern=(.*?), groups=");

    private RouteInventory() {}

    /** Every endpoint of {@code edge}, sorted by path then method. */
    public static List<Endpoint> endpoints(Edge edge) {
        EdgeServer server = new EdgeServer(edge.services(), 0);
        // Gives the verticle its Vert.x without deploying it: router() only builds routes, it binds nothing.
        server.init(edge.vertx(), edge.vertx().getOrCreateContext());
        return endpoints(server.router());
    }

    /** Every endpoint of {@code router} and its sub-routers, sorted by path then method. */
    public static List<Endpoint> endpoints(Router router) {
        Set<Endpoint> found = new TreeSet<>(Comparator.comparing(Endpoint::path)
                .thenComparing(Endpoint::method)
                .thenComparing(Endpoint::regex));
        walk(router, "", found);
        return List.copyOf(found);
    }

    /** The endpoints under {@code prefix} (such as {@code /api/}), regular-expression routes excluded. */
    public static List<Endpoint> templated(Edge edge, String prefix) {
        return endpoints(edge).stream()
                .filter(e -> !e.regex() && e.path().startsWith(prefix))
                .toList();
    }

    private static void walk(Router router, String prefix, Set<Endpoint> found) {
        for (Route route : router.getRoutes()) {
            String path = route.getPath();
            if (route.getSubRouter() != null) {
                walk(route.getSubRouter(), join(prefix, path == null ? "" : stripWildcard(path)), found);
                continue;
            }
            Set<HttpMethod> methods = route.methods();
            if (methods == null || methods.isEmpty() || (path == null && !route.isRegexPath())) {
                // A handler for every method or every path (body, auth, security headers) is not an endpoint.
                continue;
            }
            // A template with parameters (/:id) is matched as a regex too, but keeps its path; a true regex route has
            // none.
            boolean regex = path == null;
            String full = regex ? prefix + pattern(route) : join(prefix, stripWildcard(path));
            for (HttpMethod method : methods) {
                found.add(new Endpoint(method.name(), full, regex));
            }
        }
    }

    /**
     * A regex route keeps no path, and {@link Route} does not expose its pattern; its {@code toString()} (vertx-web 5)
     * shows it as {@code pattern=...}.
     */
    private static String pattern(Route route) {
        Matcher matcher = PATTERN.matcher(route.toString());
        return matcher.find() ? matcher.group(1) : "(unknown regex)";
    }

    private static String stripWildcard(String path) {
        return path.endsWith("*") ? path.substring(0, path.length() - 1) : path;
    }

    /** {@code /api/} + {@code /sessions} = {@code /api/sessions}; a trailing slash is dropped ({@code /sessions/}). */
    static String join(String prefix, String path) {
        String joined = (prefix + "/" + path).replaceAll("/{2,}", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
