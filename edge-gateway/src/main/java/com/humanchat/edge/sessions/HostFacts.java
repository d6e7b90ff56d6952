package com.humanchat.edge.sessions;

import com.humanchat.edge.sessions.domain.HostOffer;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the edge checks about a would-be host before a session or a managed request goes to the topologies (identity
 * is synchronous, in PostgreSQL); {@code managerId} is null when the host is not managed.
 *
 * @param offer the host's price and whether they welcome donations
 * @param requestHoldMinutes how long a request they have not answered holds its slot, null for the platform default
 */
public record HostFacts(
        UUID id,
        String displayName,
        Set<String> roles,
        boolean suspended,
        boolean instantAvailable,
        UUID managerId,
        String representativeName,
        HostOffer offer,
        Integer requestHoldMinutes) {

    /** A user who can be booked: holds the {@code host} role and is not suspended. */
    public boolean bookable() {
        return roles.contains("host") && !suspended;
    }

    /** The user's facts, empty when there is no such user. */
    public static Future<Optional<HostFacts>> find(Pool pg, UUID userId) {
        return pg.preparedQuery("select id, display_name, roles, suspended, instant_available, manager_id, representative_name,"
                        + " price_cents, currency, donations_welcome, request_hold_minutes from users where id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new HostFacts(
                            row.getUUID("id"),
                            row.getString("display_name"),
                            Set.copyOf(Arrays.asList(row.getArrayOfStrings("roles"))),
                            row.getBoolean("suspended"),
                            row.getBoolean("instant_available"),
                            row.getUUID("manager_id"),
                            row.getString("representative_name"),
                            new HostOffer(
                                    row.getLong("price_cents"),
                                    row.getString("currency"),
                                    row.getBoolean("donations_welcome")),
                            row.getInteger("request_hold_minutes")));
                });
    }
}
