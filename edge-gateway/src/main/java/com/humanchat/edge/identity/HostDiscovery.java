package com.humanchat.edge.identity;

import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.presence.PresenceVisibility;
import com.humanchat.readmodels.identity.DiscoverCursor;
import com.humanchat.readmodels.identity.HostDirectory;
import com.humanchat.readmodels.identity.User;
import com.humanchat.readmodels.presence.PresenceStatus;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Finds hosts for {@code /api/discover}, each with its presence. Without the online filter a page is one keyset
 * query. With it, candidates are read in batches of {@value #ONLINE_BATCH} and kept when their presence is not
 * {@code offline}, until the page is full or candidates run out, at most {@value #MAX_SCANNED} candidates per call:
 * past that the page may hold fewer hosts (even none) and its cursor continues after the last candidate scanned.
 */
final class HostDiscovery {

    static final int ONLINE_BATCH = 50;
    static final int MAX_SCANNED = 500;
    static final long PRESENCE_RETRY_AFTER_SECONDS = 5;

    /**
     * @param text full-text query, null for none
     * @param tags normalised tags a host must all have
     * @param after where the previous page ended, null for the first page
     */
    /**
     * {@code viewer}: the caller, who sees the presence of co-members and of hosts who made theirs public only;
     * {@code byRating}: best rated first rather than by rank or name.
     */
    record Query(
            UUID viewer,
            String text,
            List<String> tags,
            boolean byRating,
            boolean onlineOnly,
            int limit,
            DiscoverCursor after) {}

    /**
     * A host with its presence status ({@code unknown} when Redis did not answer and presence was not filtered) and
     * the keyset position after it.
     */
    record Found(User user, String status, DiscoverCursor position) {}

    /** A page of hosts and the cursor after it, null at the end. */
    record Page(List<Found> items, DiscoverCursor next) {}

    private final Pool pool;
    private final BiFunction<UUID, Collection<UUID>, Future<Map<UUID, String>>> presence;
    private final HostDirectory directory = new HostDirectory();

    /**
     * @param presence the effective status of each of some users as a viewer may see it ({@code hidden} when not
     *     theirs to see); may fail (Redis down)
     */
    HostDiscovery(Pool pool, BiFunction<UUID, Collection<UUID>, Future<Map<UUID, String>>> presence) {
        this.pool = pool;
        this.presence = presence;
    }

    Future<Page> discover(Query query) {
        return query.onlineOnly() ? scanOnline(query, query.after(), new ArrayList<>(), 0) : page(query);
    }

    /** One query of {@code limit + 1} hosts: the extra one only tells whether there is a next page. */
    private Future<Page> page(Query query) {
        return directory
                .hosts(pool, query.text(), query.tags(), query.byRating(), query.after(), query.limit() + 1)
                .compose(candidates -> {
                    boolean more = candidates.size() > query.limit();
                    List<HostDirectory.Candidate> shown = more ? candidates.subList(0, query.limit()) : candidates;
                    return presence.apply(query.viewer(), ids(shown))
                            .otherwise(Map.of())
                            .map(statuses -> new Page(
                                    shown.stream()
                                            .map(c -> new Found(
                                                    c.user(),
                                                    statuses.getOrDefault(
                                                            c.user().id(), UserRoutes.UNKNOWN),
                                                    c.position()))
                                            .toList(),
                                    more ? shown.getLast().position() : null));
                });
    }

    /**
     * Keeps hosts not offline until {@code limit} are found plus one more (which proves a next page), the candidates
     * run out, or {@value #MAX_SCANNED} were scanned.
     */
    private Future<Page> scanOnline(Query query, DiscoverCursor after, List<Found> found, int scanned) {
        return directory
                .hosts(pool, query.text(), query.tags(), query.byRating(), after, ONLINE_BATCH)
                .compose(candidates -> presence.apply(query.viewer(), ids(candidates))
                        .recover(e -> Future.failedFuture(
                                ProblemException.unavailable("presence unavailable", PRESENCE_RETRY_AFTER_SECONDS)))
                        .compose(statuses -> {
                            for (HostDirectory.Candidate candidate : candidates) {
                                String status =
                                        statuses.getOrDefault(candidate.user().id(), PresenceStatus.OFFLINE);
                                // A host whose presence is hidden from this caller is never "online" to them.
                                if (PresenceStatus.OFFLINE.equals(status) || PresenceVisibility.HIDDEN.equals(status)) {
                                    continue;
                                }
                                if (found.size() == query.limit()) {
                                    return Future.succeededFuture(
                                            new Page(found, found.getLast().position()));
                                }
                                found.add(new Found(candidate.user(), status, candidate.position()));
                            }
                            if (candidates.size() < ONLINE_BATCH) {
                                return Future.succeededFuture(new Page(found, null));
                            }
                            DiscoverCursor last = candidates.getLast().position();
                            int total = scanned + candidates.size();
                            if (total >= MAX_SCANNED) {
                                return Future.succeededFuture(new Page(found, last));
                            }
                            return scanOnline(query, last, found, total);
                        }));
    }

    private static List<UUID> ids(List<HostDirectory.Candidate> candidates) {
        return candidates.stream().map(c -> c.user().id()).toList();
    }
}
