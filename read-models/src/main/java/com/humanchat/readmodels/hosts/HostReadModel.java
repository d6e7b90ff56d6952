package com.humanchat.readmodels.hosts;

import com.humanchat.readmodels.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A would-be host's facts from {@code users} and whether they can be paid, from the payments worker's
 * {@code payment_accounts}: what the edge's admission rules and Sam's proposals are checked against.
 */
public final class HostReadModel {

    private final SqlClient sql;

    public HostReadModel(SqlClient sql) {
        this.sql = sql;
    }

    /** The user's facts, empty when there is no such user. */
    public Future<Optional<HostFacts>> host(UUID userId) {
        return hosts(List.of(userId)).map(found -> Optional.ofNullable(found.get(userId)));
    }

    /** The facts of each of {@code userIds} that exists. */
    public Future<Map<UUID, HostFacts>> hosts(Collection<UUID> userIds) {
        return sql.preparedQuery(
                        "select id, display_name, roles, suspended, instant_available, manager_id, representative_name,"
                                + " price_cents, currency, donations_welcome, request_hold_minutes from users"
                                + " where id = any ($1)")
                .execute(Tuple.tuple().addArrayOfUUID(userIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, HostFacts> facts = new HashMap<>();
                    rows.forEach(row -> facts.put(row.getUUID("id"), facts(row)));
                    return facts;
                });
    }

    /** The host's Stripe Connect account; {@link ConnectAccount#NONE} before onboarding began. */
    public Future<ConnectAccount> connectAccount(UUID hostUserId) {
        return sql.preparedQuery("select details_submitted, charges_enabled, payouts_enabled, requirements_due"
                        + " from payment_accounts where host_user_id = $1")
                .execute(Tuple.of(hostUserId))
                .map(rows -> Rows.first(rows, HostReadModel::account).orElse(ConnectAccount.NONE));
    }

    private static ConnectAccount account(Row row) {
        return new ConnectAccount(
                true,
                row.getBoolean("details_submitted"),
                row.getBoolean("charges_enabled"),
                row.getBoolean("payouts_enabled"),
                ConnectRequirements.inWords(List.of(row.getArrayOfStrings("requirements_due"))));
    }

    private static HostFacts facts(Row row) {
        return new HostFacts(
                row.getUUID("id"),
                row.getString("display_name"),
                Set.copyOf(Arrays.asList(row.getArrayOfStrings("roles"))),
                row.getBoolean("suspended"),
                row.getBoolean("instant_available"),
                row.getUUID("manager_id"),
                row.getString("representative_name"),
                new HostOffer(
                        row.getLong("price_cents"), row.getString("currency"), row.getBoolean("donations_welcome")),
                row.getInteger("request_hold_minutes"));
    }
}
