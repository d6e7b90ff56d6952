package com.humanchat.edge.reads;

import com.humanchat.edge.http.KeysetCursor;
import com.humanchat.readmodels.Rows;
import com.humanchat.schemas.requests.ManagedRequest;
import com.humanchat.schemas.requests.RequestStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Managed requests and their decisions as the projector wrote them. */
public final class RequestReadModel {

    /** The columns {@link #request(Row)} reads, of {@code requests r}. */
    public static final String REQUEST_COLUMNS = "r.id, r.requester_id, r.host_user_id, r.manager_id,"
            + " r.representative_name, r.message, r.status, r.conversation_id, r.created_at, r.decided_at,"
            + " r.decided_by, r.reason, r.sam_action_id, r.requester_name, r.host_name,"
            + " coalesce(r.decided_at, r.created_at) as changed_at";

    private final Pool pg;

    public RequestReadModel(Pool pg) {
        this.pg = pg;
    }

    /** Whether {@code requester} has a request to {@code hostId} in {@code status}. */
    public Future<Boolean> hasRequest(UUID requester, UUID hostId, RequestStatus status) {
        return pg.preparedQuery("select 1 from requests where requester_id = $1 and host_user_id = $2"
                        + " and status = $3 limit 1")
                .execute(Tuple.of(requester, hostId, status.wire()))
                .map(rows -> rows.size() > 0);
    }

    /** How {@code userId} is named to others; a request carries it so that the manager's card names people. */
    public Future<String> displayName(UUID userId) {
        return pg.preparedQuery("select display_name from users where id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> Rows.first(rows, row -> row.getString(0)).orElse(null));
    }

    public Future<Optional<ManagedRequest>> request(UUID requestId) {
        return pg.preparedQuery("select " + REQUEST_COLUMNS + " from requests r where r.id = $1")
                .execute(Tuple.of(requestId))
                .map(rows -> Rows.first(rows, RequestReadModel::request));
    }

    /**
     * Requests {@code userId} made or decides now - as the host's manager by an accepted invitation, holding the
     * manager role - (every request for an admin when {@code all}), most recently changed first, after the keyset when
     * given.
     */
    public Future<List<ManagedRequest>> requestsOf(
            UUID userId, boolean all, RequestStatus status, KeysetCursor after, int limit) {
        return pg.preparedQuery("select " + REQUEST_COLUMNS + " from requests r"
                        + " where ($1 or r.requester_id = $2 or r.host_user_id in (select i.host_user_id"
                        + " from manager_invitations i join users m on m.id = i.manager_user_id"
                        + " where i.manager_user_id = $2 and i.status = 'accepted' and 'manager' = any(m.roles)"
                        + " and not m.suspended))"
                        + " and ($3::text is null or r.status = $3)"
                        + " and ($4::timestamptz is null or (coalesce(r.decided_at, r.created_at), r.id) < ($4, $5))"
                        + " order by coalesce(r.decided_at, r.created_at) desc, r.id desc limit $6")
                .execute(Tuple.of(
                        all,
                        userId,
                        status == null ? null : status.wire(),
                        KeysetCursor.timeOf(after),
                        KeysetCursor.idOf(after),
                        limit))
                .map(rows -> Rows.all(rows, RequestReadModel::request));
    }

    /** The audit trail of one request: every decision, oldest first. */
    public Future<JsonArray> decisions(UUID requestId) {
        return pg.preparedQuery("select actor_id, from_status, to_status, reason, decided_at from request_decisions"
                        + " where request_id = $1 order by decided_at, event_id")
                .execute(Tuple.of(requestId))
                .map(rows -> {
                    JsonArray decisions = new JsonArray();
                    rows.forEach(row -> decisions.add(new JsonObject()
                            .put("actorId", row.getUUID("actor_id").toString())
                            .put("fromStatus", row.getString("from_status"))
                            .put("toStatus", row.getString("to_status"))
                            .put("reason", row.getString("reason"))
                            .put(
                                    "decidedAt",
                                    row.getOffsetDateTime("decided_at")
                                            .toInstant()
                                            .toString())));
                    return decisions;
                });
    }

    public static ManagedRequest request(Row row) {
        return new ManagedRequest(
                row.getUUID("id"),
                row.getUUID("requester_id"),
                row.getUUID("host_user_id"),
                row.getUUID("manager_id"),
                row.getString("representative_name"),
                row.getString("message"),
                RequestStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
                row.getUUID("conversation_id"),
                instant(row.getOffsetDateTime("created_at")),
                instant(row.getOffsetDateTime("decided_at")),
                row.getUUID("decided_by"),
                row.getString("reason"),
                row.getUUID("sam_action_id"),
                row.getString("requester_name"),
                row.getString("host_name"));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
