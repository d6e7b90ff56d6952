package com.humanchat.readmodels.identity;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL for {@code /api/discover} and Sam's {@code search_hosts} tool: one keyset page of hosts (role {@code host}, not suspended). With a text query, the
 * hosts whose {@code users.search_vector} (name weight A, tags B, bio C; migration V3) matches {@code
 * websearch_to_tsquery('simple', q)}, by {@code ts_rank} descending then id; without, every host by display name
 * then id. Sorted by rating (either way): by the average of the host's reviews that are not hidden (0 when none), then
 * their number, both descending, then id.
 */
public final class HostDirectory {

    /** A host and the keyset position just after it. */
    public record Candidate(User user, DiscoverCursor position) {}

    /**
     * @param query the full-text query, null for none
     * @param tags normalised tags every host must have (empty for no filter)
     * @param after the position to continue after, null for the start; its kind must match {@code query}
     */
    public Future<List<Candidate>> hosts(
            SqlClient sql, String query, List<String> tags, DiscoverCursor after, int limit) {
        return hosts(sql, query, tags, false, after, limit);
    }

    /**
     * @param byRating sorted by rating rather than by rank or name; {@code after} must then be a rating position
     */
    public Future<List<Candidate>> hosts(
            SqlClient sql, String query, List<String> tags, boolean byRating, DiscoverCursor after, int limit) {
        boolean ranked = query != null && !byRating;
        Tuple args = Tuple.tuple();
        StringBuilder statement = new StringBuilder("select ").append(UserReads.USER_COLUMNS);
        if (ranked) {
            statement.append(", ts_rank(u.search_vector, q.query) as search_rank");
        }
        if (byRating) {
            statement
                    .append(", coalesce(r.average, 0) as rating_average, r.count as rating_count from users u")
                    .append(" cross join lateral (select avg(sr.rating)::float8 as average, count(*) as count")
                    .append(" from session_reviews sr where sr.host_id = u.id and not sr.hidden) r");
        } else {
            statement.append(" from users u");
        }
        if (query != null) {
            args.addString(query);
            statement.append(", websearch_to_tsquery('simple', $1) as q (query)");
        }
        statement.append(" where 'host' = any (u.roles) and not u.suspended");
        if (query != null) {
            statement.append(" and u.search_vector @@ q.query");
        }
        if (!tags.isEmpty()) {
            args.addArrayOfString(tags.toArray(String[]::new));
            statement.append(" and u.tags @> $").append(args.size());
        }
        if (after != null) {
            if (byRating) {
                args.addDouble(after.rating());
                int rating = args.size();
                args.addLong(after.ratings());
                int count = args.size();
                args.addUUID(after.id());
                statement
                        .append(" and (coalesce(r.average, 0) < $")
                        .append(rating)
                        .append(" or (coalesce(r.average, 0) = $")
                        .append(rating)
                        .append(" and (r.count < $")
                        .append(count)
                        .append(" or (r.count = $")
                        .append(count)
                        .append(" and u.id > $")
                        .append(args.size())
                        .append("))))");
            } else if (ranked) {
                args.addFloat(after.rank());
                int rank = args.size();
                args.addUUID(after.id());
                int id = args.size();
                statement
                        .append(" and (ts_rank(u.search_vector, q.query) < $")
                        .append(rank)
                        .append("::real or (ts_rank(u.search_vector, q.query) = $")
                        .append(rank)
                        .append("::real and u.id > $")
                        .append(id)
                        .append("))");
            } else {
                args.addString(after.displayName());
                int name = args.size();
                args.addUUID(after.id());
                statement
                        .append(" and (u.display_name, u.id) > ($")
                        .append(name)
                        .append(", $")
                        .append(args.size())
                        .append(")");
            }
        }
        if (byRating) {
            statement.append(" order by rating_average desc, rating_count desc, u.id");
        } else {
            statement.append(ranked ? " order by search_rank desc, u.id" : " order by u.display_name, u.id");
        }
        args.addInteger(limit);
        statement.append(" limit $").append(args.size());
        return sql.preparedQuery(statement.toString()).execute(args).map(rows -> {
            List<Candidate> candidates = new ArrayList<>(rows.size());
            for (Row row : rows) {
                User user = UserReads.toUser(row);
                DiscoverCursor position;
                if (byRating) {
                    position = DiscoverCursor.byRating(
                            row.getDouble("rating_average"), row.getLong("rating_count"), user.id());
                } else if (ranked) {
                    position = DiscoverCursor.byRank(row.getFloat("search_rank"), user.id());
                } else {
                    position = DiscoverCursor.byName(user.displayName(), user.id());
                }
                candidates.add(new Candidate(user, position));
            }
            return candidates;
        });
    }
}
