package com.humanchat.edge.identity;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What a guest needs to know of how a host is reached and paid, for their public profile: whether they are managed
 * (reached by asking their representative for an introduction) and by whom, and whether they welcome tips.
 *
 * @param representativeName the display name of the host's manager (an accepted invitation), null when not managed
 */
public record HostingTerms(boolean managed, String representativeName, boolean donationsWelcome) {

    /** Of a user the database no longer holds (read between two statements). */
    static final HostingTerms NONE = new HostingTerms(false, null, false);

    /** The terms of each of {@code userIds} that exist. */
    public static Future<Map<UUID, HostingTerms>> of(Pool pg, Collection<UUID> userIds) {
        return pg.preparedQuery("select u.id, u.manager_id is not null as managed, m.display_name as manager_name,"
                        + " u.donations_welcome from users u left join users m on m.id = u.manager_id"
                        + " where u.id = any($1)")
                .execute(Tuple.tuple().addArrayOfUUID(userIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, HostingTerms> terms = new HashMap<>();
                    rows.forEach(row -> terms.put(
                            row.getUUID("id"),
                            new HostingTerms(
                                    row.getBoolean("managed"),
                                    row.getString("manager_name"),
                                    row.getBoolean("donations_welcome"))));
                    return terms;
                });
    }
}
