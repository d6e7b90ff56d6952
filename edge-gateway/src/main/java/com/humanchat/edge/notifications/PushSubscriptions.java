package com.humanchat.edge.notifications;

import com.humanchat.edge.http.ProblemException;
import com.humanchat.readmodels.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The devices' Web Push subscriptions (migration V73), each the caller's own: the notifier POSTs every notification
 * to their endpoints. An endpoint must be a push service's public {@code https} URL — never an address literal or a
 * local name, so that the notifier cannot be pointed at the platform's own network.
 */
final class PushSubscriptions {

    private static final int POINT_BYTES = 65;
    private static final int AUTH_BYTES = 16;

    private final Pool pg;

    PushSubscriptions(Pool pg) {
        this.pg = pg;
    }

    /**
     * Registers (or refreshes) the caller's subscription. The same endpoint under another account moves to the caller
     * only when it comes with the same auth secret — the browser profile that holds it signed in again — else 409.
     */
    Future<JsonObject> register(UUID user, JsonObject body) {
        String endpoint = checkedEndpoint(body.getString("endpoint"));
        JsonObject keys = body.getJsonObject("keys");
        String p256dh = checkedKey(keys.getString("p256dh"), POINT_BYTES, "keys.p256dh");
        String auth = checkedKey(keys.getString("auth"), AUTH_BYTES, "keys.auth");
        return pg.preparedQuery("insert into push_subscriptions (id, user_id, endpoint, p256dh, auth, user_agent)"
                        + " values ($1, $2, $3, $4, $5, $6)"
                        + " on conflict (endpoint) do update set user_id = excluded.user_id,"
                        + " p256dh = excluded.p256dh, user_agent = excluded.user_agent"
                        + " where push_subscriptions.auth = excluded.auth"
                        + " returning id, endpoint, user_agent, created_at")
                .execute(Tuple.of(UUID.randomUUID(), user, endpoint, p256dh, auth, body.getString("userAgent")))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.conflict(
                                "endpoint: this push subscription is registered with other keys; subscribe again");
                    }
                    return json(rows.iterator().next());
                });
    }

    /** The caller's devices, newest first. */
    Future<List<JsonObject>> of(UUID user) {
        return pg.preparedQuery("select id, endpoint, user_agent, created_at from push_subscriptions"
                        + " where user_id = $1 order by created_at desc, id")
                .execute(Tuple.of(user))
                .map(rows -> Rows.all(rows, PushSubscriptions::json));
    }

    /** Deletes the caller's own subscription; anyone else's is 404, as if it did not exist. */
    Future<Void> remove(UUID user, UUID id) {
        return pg.preparedQuery("delete from push_subscriptions where id = $1 and user_id = $2")
                .execute(Tuple.of(id, user))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw ProblemException.notFound("no push subscription of yours has this id");
                    }
                    return null;
                });
    }

    private static JsonObject json(Row row) {
        OffsetDateTime created = row.getOffsetDateTime("created_at");
        return new JsonObject()
                .put("id", row.getUUID("id").toString())
                .put("endpoint", row.getString("endpoint"))
                .put("userAgent", row.getString("user_agent"))
                .put("createdAt", created.toInstant().toString());
    }

    /** A push service's {@code https} URL with a public DNS name. */
    static String checkedEndpoint(String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw ProblemException.badRequest("endpoint: not a URL");
        }
        String host = uri.getHost() == null ? "" : IDN.toASCII(uri.getHost()).toLowerCase(Locale.ROOT);
        boolean literal = host.startsWith("[") || host.matches("[0-9.]+") || host.contains(":");
        boolean local = !host.contains(".")
                || host.endsWith(".local")
                || host.endsWith(".localhost")
                || host.endsWith(".internal")
                || host.equals("localhost");
        if (!"https".equals(uri.getScheme()) || literal || local || uri.getUserInfo() != null) {
            throw ProblemException.badRequest(
                    "endpoint: a push service's https URL with a public host name, as the browser gave it");
        }
        return uri.toString();
    }

    private static String checkedKey(String value, int bytes, String field) {
        byte[] decoded;
        try {
            decoded = Base64.getUrlDecoder().decode(value.replace("=", ""));
        } catch (IllegalArgumentException e) {
            decoded = new byte[0];
        }
        if (decoded.length != bytes || (bytes == POINT_BYTES && decoded[0] != 4)) {
            throw ProblemException.badRequest(field + ": not the key the browser's subscription gave");
        }
        return value.replace("=", "");
    }
}
