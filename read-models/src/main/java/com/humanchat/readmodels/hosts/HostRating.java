package com.humanchat.readmodels.hosts;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A host's standing from the reviews of their sessions that are not hidden: the average rating (one decimal) and how
 * many reviews it is of. Shown on public profiles and in Discover, and given to Sam to prefer well-rated hosts.
 */
public record HostRating(double average, long count) {

    /** The rating of each of {@code hostIds} that has at least one visible review; the others have none. */
    public static Future<Map<UUID, HostRating>> of(SqlClient sql, Collection<UUID> hostIds) {
        return sql.preparedQuery("select host_id, round(avg(rating), 1)::float8 as average, count(*) as count"
                        + " from session_reviews where host_id = any($1) and not hidden group by host_id")
                .execute(Tuple.tuple().addArrayOfUUID(hostIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, HostRating> ratings = new HashMap<>();
                    rows.forEach(row -> ratings.put(
                            row.getUUID("host_id"), new HostRating(row.getDouble("average"), row.getLong("count"))));
                    return ratings;
                });
    }
}
