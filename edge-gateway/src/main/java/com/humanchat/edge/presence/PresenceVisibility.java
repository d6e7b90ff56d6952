package com.humanchat.edge.presence;

import com.humanchat.edge.auth.AuthenticatedUser;
import com.humanchat.edge.auth.BearerAuthHandler;
import com.humanchat.edge.http.JsonBody;
import com.humanchat.readmodels.presence.PresenceStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Whose presence a signed-in user may see over REST: their own, that of everyone they share a conversation with, and
 * that of hosts who opted in ({@code PUT /api/me/presence-visibility}) — never a stranger's (presence frames already
 * go to co-members only). Anyone else's status is {@link #HIDDEN}, which answers leave out.
 */
public final class PresenceVisibility {

    /** The status of a user whose presence is not for this viewer. */
    public static final String HIDDEN = "hidden";

    private static final String VISIBLE = "select u.id, exists (select 1 from user_blocks b"
            + " where b.blocker_id = u.id and b.blocked_id = $1) as blocks_viewer"
            + " from users u where u.id = any($2) and (u.id = $1"
            + " or (u.presence_public and 'host' = any(u.roles))"
            + " or exists (select 1 from participants mine join participants other"
            + " on other.conversation_id = mine.conversation_id"
            + " where mine.user_id = $1 and other.user_id = u.id and mine.member and other.member))";

    private final Pool pg;
    private final PresenceService presence;

    public PresenceVisibility(Pool pg, PresenceService presence) {
        this.pg = pg;
        this.presence = presence;
    }

    /**
     * The status of each of {@code users} as {@code viewer} may know it: {@link #HIDDEN} for those whose presence is
     * not theirs to see. Fails when PostgreSQL or Redis does not answer.
     */
    public Future<Map<UUID, String>> statusesFor(UUID viewer, Collection<UUID> users) {
        if (users.isEmpty()) {
            return Future.succeededFuture(Map.of());
        }
        return pg.preparedQuery(VISIBLE)
                .execute(Tuple.tuple().addUUID(viewer).addArrayOfUUID(users.toArray(UUID[]::new)))
                .compose(rows -> {
                    Set<UUID> visible = new HashSet<>();
                    Set<UUID> blockers = new HashSet<>();
                    for (Row row : rows) {
                        // one who blocked the viewer looks offline to them: visible as before, but never online
                        (row.getBoolean("blocks_viewer") ? blockers : visible).add(row.getUUID("id"));
                    }
                    Future<Map<UUID, String>> statuses = visible.isEmpty()
                            ? Future.succeededFuture(Map.of())
                            : presence.statusesOf(List.copyOf(visible));
                    return statuses.map(known -> {
                        Map<UUID, String> answer = new HashMap<>();
                        for (UUID user : users) {
                            answer.put(
                                    user,
                                    visible.contains(user)
                                            ? known.getOrDefault(user, PresenceStatus.OFFLINE)
                                            : blockers.contains(user) ? PresenceStatus.OFFLINE : HIDDEN);
                        }
                        return answer;
                    });
                });
    }

    /** {@link #statusesFor} of one user. */
    public Future<String> statusFor(UUID viewer, UUID user) {
        return statusesFor(viewer, List.of(user)).map(statuses -> statuses.get(user));
    }

    /** Mounts {@code PUT /me/presence-visibility} on the {@code /api} router (before the {@code /me/*} one). */
    public void mount(Router api, BearerAuthHandler bearerAuth) {
        api.put("/me/presence-visibility")
                .handler(bearerAuth)
                .handler(JsonBody.validated("presence-visibility"))
                .respond(this::setVisibility);
    }

    private Future<JsonObject> setVisibility(RoutingContext ctx) {
        UUID caller = AuthenticatedUser.of(ctx).id();
        boolean isPublic = JsonBody.of(ctx).getBoolean("public");
        return pg.preparedQuery("update users set presence_public = $2 where id = $1")
                .execute(Tuple.of(caller, isPublic))
                .map(updated -> new JsonObject().put("public", isPublic));
    }
}
