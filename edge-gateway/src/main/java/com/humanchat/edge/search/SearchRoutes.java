package com.humanchat.edge.search;

import com.humanchat.edge.auth.AuthenticatedUser;
import com.humanchat.edge.auth.BearerAuthHandler;
import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.ProblemResponses;
import com.humanchat.edge.http.RequestParams;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/** {@code GET /api/search?q=&limit=&cursor=}: the caller's matching messages, best first, a keyset page at a time. */
public final class SearchRoutes {

    public static final int MAX_QUERY_LENGTH = 200;
    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 50;

    private final MessageSearch search;

    public SearchRoutes(MessageSearch search) {
        this.search = search;
    }

    public void mount(Router api, BearerAuthHandler auth) {
        api.get("/search")
                .failureHandler(ProblemResponses::handleFailure)
                .handler(auth)
                .respond(ctx -> {
                    String query = ctx.queryParams().get("q");
                    if (query == null || query.isBlank()) {
                        throw ProblemException.badRequest("q must name the words to search for");
                    }
                    if (query.length() > MAX_QUERY_LENGTH || query.indexOf(0) >= 0) {
                        throw ProblemException.badRequest(
                                "q must be at most " + MAX_QUERY_LENGTH + " characters of text");
                    }
                    int limit = RequestParams.intParam(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
                    SearchCursor after =
                            SearchCursor.parameter(ctx.queryParams().get("cursor"));
                    return search.search(AuthenticatedUser.of(ctx).id(), query.strip(), after, limit)
                            .map(page -> new JsonObject()
                                    .put("items", new JsonArray(page.items()))
                                    .put(
                                            "nextCursor",
                                            page.next() == null
                                                    ? null
                                                    : page.next().encode()));
                });
    }
}
