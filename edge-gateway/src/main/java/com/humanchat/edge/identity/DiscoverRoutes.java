package com.humanchat.edge.identity;

import com.humanchat.edge.auth.AuthenticatedUser;
import com.humanchat.edge.auth.BearerAuthHandler;
import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.ProblemResponses;
import com.humanchat.edge.http.RequestParams;
import com.humanchat.readmodels.hosts.HostRating;
import com.humanchat.readmodels.identity.DiscoverCursor;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * {@code GET /api/discover?q=&tag=&sort=&online=&limit=&cursor=}: hosts (best rated first with {@code sort=rating}) (never suspended ones) as public profiles, to any
 * signed-in user, with the presence of those who made it public or share a conversation with the caller; {@code {items, nextCursor}}. Bad parameters and foreign cursors are 400
 * problems; {@code online=true} while Redis does not answer is a 503 problem.
 */
public final class DiscoverRoutes {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;
    static final int MAX_QUERY_LENGTH = 200;
    static final int MAX_TAGS = 5;
    static final int MAX_TAG_LENGTH = 40;

    private final BearerAuthHandler bearerAuth;
    private final HostDiscovery discovery;
    private final Pool pool;

    /**
     * @param presence the effective status of each of some users as a viewer may see it ({@code hidden} when not
     *     theirs to see); may fail (Redis down)
     */
    public DiscoverRoutes(
            Pool pool,
            BearerAuthHandler bearerAuth,
            BiFunction<UUID, Collection<UUID>, Future<Map<UUID, String>>> presence) {
        this.bearerAuth = bearerAuth;
        this.discovery = new HostDiscovery(pool, presence);
        this.pool = pool;
    }

    /** Mounts {@code GET /discover} on the {@code /api} router. */
    public void mount(Router api) {
        api.get("/discover")
                .failureHandler(ProblemResponses::handleFailure)
                .handler(bearerAuth)
                .respond(this::discover);
    }

    private Future<JsonObject> discover(RoutingContext ctx) {
        String text = text(ctx);
        boolean byRating = byRating(ctx);
        DiscoverCursor.Kind order;
        if (byRating) {
            order = DiscoverCursor.Kind.RATING;
        } else {
            order = text != null ? DiscoverCursor.Kind.RANK : DiscoverCursor.Kind.NAME;
        }
        HostDiscovery.Query query = new HostDiscovery.Query(
                AuthenticatedUser.of(ctx).id(),
                text,
                tags(ctx),
                byRating,
                online(ctx),
                RequestParams.intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
                cursor(ctx, order));
        return discovery.discover(query).compose(page -> {
            List<UUID> ids =
                    page.items().stream().map(found -> found.user().id()).toList();
            Future<Map<UUID, HostingTerms>> terms = HostingTerms.of(pool, ids);
            Future<Map<UUID, HostRating>> ratings = HostRating.of(pool, ids);
            return Future.all(terms, ratings).map(both -> new JsonObject()
                    .put(
                            "items",
                            new JsonArray(page.items().stream()
                                    .map(found -> UserJson.publicProfile(
                                            found.user(),
                                            found.status(),
                                            terms.result()
                                                    .getOrDefault(found.user().id(), HostingTerms.NONE),
                                            ratings.result().get(found.user().id())))
                                    .toList()))
                    .put("nextCursor", page.next() == null ? null : page.next().encode()));
        });
    }

    /** {@code q}, trimmed; absent or blank means no text search. */
    private static String text(RoutingContext ctx) {
        String q = ctx.queryParams().get("q");
        if (q == null || q.isBlank()) {
            return null;
        }
        q = q.strip();
        if (q.length() > MAX_QUERY_LENGTH) {
            throw ProblemException.badRequest("q must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        requireText("q", q);
        return q;
    }

    /** Every {@code tag} (a host must have them all), normalised as stored; blank ones are ignored. */
    private static List<String> tags(RoutingContext ctx) {
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (String tag : ctx.queryParams().getAll("tag")) {
            if (tag.isBlank()) {
                continue;
            }
            String normalized = ProfileChanges.normalizeTag(tag);
            if (normalized.length() > MAX_TAG_LENGTH) {
                throw ProblemException.badRequest("tag must be at most " + MAX_TAG_LENGTH + " characters");
            }
            requireText("tag", normalized);
            tags.add(normalized);
        }
        if (tags.size() > MAX_TAGS) {
            throw ProblemException.badRequest("at most " + MAX_TAGS + " tags");
        }
        return new ArrayList<>(tags);
    }

    private static boolean online(RoutingContext ctx) {
        String online = ctx.queryParams().get("online");
        if (online == null || online.isEmpty() || online.equalsIgnoreCase("false")) {
            return false;
        }
        if (online.equalsIgnoreCase("true")) {
            return true;
        }
        throw ProblemException.badRequest(
                "online must be true or false, was '" + RequestParams.abbreviate(online) + "'");
    }

    /** {@code sort=rating}: best rated first; absent, by relevance to {@code q} or else by name. */
    private static boolean byRating(RoutingContext ctx) {
        String sort = ctx.queryParams().get("sort");
        if (sort == null || sort.isEmpty()) {
            return false;
        }
        if (sort.equals("rating")) {
            return true;
        }
        throw ProblemException.badRequest(
                "sort must be rating or absent, was '" + RequestParams.abbreviate(sort) + "'");
    }

    private static DiscoverCursor cursor(RoutingContext ctx, DiscoverCursor.Kind order) {
        String token = ctx.queryParams().get("cursor");
        if (token == null || token.isEmpty()) {
            return null;
        }
        DiscoverCursor cursor;
        try {
            cursor = DiscoverCursor.decode(token);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("cursor is not a cursor this server issued");
        }
        if (cursor.kind() != order) {
            String listing =
                    switch (cursor.kind()) {
                        case RANK -> "text search";
                        case RATING -> "listing by rating";
                        case NAME -> "listing";
                    };
            throw ProblemException.badRequest(
                    "cursor belongs to a " + listing + "; pass the q and sort of the request that returned it");
        }
        return cursor;
    }

    /** PostgreSQL text cannot hold NUL: refuse it here rather than fail in the query. */
    private static void requireText(String name, String value) {
        if (value.indexOf('\u0000') >= 0) {
            throw ProblemException.badRequest(name + " must not contain NUL characters");
        }
    }
}
