package com.humanchat.edge.notifications;

import com.humanchat.edge.http.KeysetCursor;
import com.humanchat.readmodels.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The notifier's tables (migration V70) as the edge reads and changes them, always for the caller only: their
 * notifications and unread count, marking them read, and their preferences.
 */
public final class NotificationReadModel {

    private static final String NEWEST = "select id, kind, title, body, link, conversation_id, created_at, read_at"
            + " from notifications where user_id = $1 order by created_at desc, id desc limit $2";

    private static final String UNREAD = "select count(*) from notifications where user_id = $1 and read_at is null";

    /** A page of notifications, newest first. */
    record Page(List<JsonObject> items, KeysetCursor next) {}

    private final Pool pg;

    public NotificationReadModel(Pool pg) {
        this.pg = pg;
    }

    Future<Page> page(UUID user, KeysetCursor after, int limit) {
        return pg.preparedQuery("select id, kind, title, body, link, conversation_id, created_at, read_at"
                        + " from notifications where user_id = $1"
                        + " and ($2::timestamptz is null or (created_at, id) < ($2, $3))"
                        + " order by created_at desc, id desc limit $4")
                .execute(Tuple.of(user, KeysetCursor.timeOf(after), KeysetCursor.idOf(after), limit + 1))
                .map(rows -> {
                    List<JsonObject> items = Rows.all(rows, NotificationReadModel::json);
                    if (items.size() <= limit) {
                        return new Page(items, null);
                    }
                    List<JsonObject> page = items.subList(0, limit);
                    return new Page(page, KeysetCursor.after(page.getLast(), "createdAt", "id"));
                });
    }

    public Future<Long> unreadCount(UUID user) {
        return unreadCount(pg, user);
    }

    private static Future<Long> unreadCount(SqlClient client, UUID user) {
        return client.preparedQuery(UNREAD)
                .execute(Tuple.of(user))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * {@code {unreadCount, items}}: the user's unread count and their {@code newest} notifications, read through
     * {@code client} (for {@code /api/sync}: in its snapshot's transaction, so both agree with the rest of the page).
     */
    public static Future<JsonObject> summary(SqlClient client, UUID user, int newest) {
        return unreadCount(client, user).compose(unread -> client.preparedQuery(NEWEST)
                .execute(Tuple.of(user, newest))
                .map(rows -> new JsonObject()
                        .put("unreadCount", unread)
                        .put("items", new JsonArray(Rows.all(rows, NotificationReadModel::json)))));
    }

    /** Marks the caller's own notifications among {@code ids} read (all of them when {@code ids} is null). */
    Future<Void> markRead(UUID user, List<UUID> ids) {
        return pg.preparedQuery("update notifications set read_at = now() where user_id = $1 and read_at is null"
                        + " and ($2::uuid[] is null or id = any($2))")
                .execute(Tuple.tuple().addUUID(user).addArrayOfUUID(ids == null ? null : ids.toArray(UUID[]::new)))
                .mapEmpty();
    }

    Future<JsonObject> preferences(UUID user) {
        return pg.preparedQuery("select coalesce(p.email_enabled, true) as email_enabled,"
                        + " coalesce(p.push_enabled, true) as push_enabled,"
                        + " coalesce(p.email_digest, 'batched') as email_digest,"
                        + " p.quiet_hours_start, p.quiet_hours_end, coalesce(p.time_zone, 'UTC') as time_zone,"
                        + " array(select m.conversation_id from notification_muted_conversations m"
                        + "       where m.user_id = $1 order by m.conversation_id) as muted"
                        + " from (select $1::uuid as user_id) u"
                        + " left join notification_preferences p on p.user_id = u.user_id")
                .execute(Tuple.of(user))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    LocalTime start = row.getLocalTime("quiet_hours_start");
                    LocalTime end = row.getLocalTime("quiet_hours_end");
                    JsonArray muted = new JsonArray();
                    for (UUID id : row.getArrayOfUUIDs("muted")) {
                        muted.add(id.toString());
                    }
                    return new JsonObject()
                            .put("emailEnabled", row.getBoolean("email_enabled"))
                            .put("pushEnabled", row.getBoolean("push_enabled"))
                            .put("emailDigest", row.getString("email_digest"))
                            .put(
                                    "quietHours",
                                    start == null
                                            ? null
                                            : new JsonObject()
                                                    .put("start", NotificationPreferences.hhmm(start))
                                                    .put("end", NotificationPreferences.hhmm(end)))
                            .put("timeZone", row.getString("time_zone"))
                            .put("mutedConversationIds", muted);
                });
    }

    /**
     * Replaces the caller's preferences; muted conversations are kept only where the caller is a member. Returns the
     * number of the given conversations that are not the caller's (the route refuses those before writing).
     */
    Future<Long> foreignConversations(UUID user, List<UUID> conversations) {
        return pg.preparedQuery(
                        "select count(*) from unnest($2::uuid[]) c(id) where not exists"
                                + " (select 1 from participants p where p.conversation_id = c.id and p.user_id = $1 and p.member)")
                .execute(Tuple.tuple().addUUID(user).addArrayOfUUID(conversations.toArray(UUID[]::new)))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    Future<Void> savePreferences(UUID user, NotificationPreferences prefs) {
        return pg.withTransaction(conn -> conn.preparedQuery("insert into notification_preferences (user_id,"
                                + " email_enabled, push_enabled, email_digest, quiet_hours_start, quiet_hours_end,"
                                + " time_zone, updated_at) values ($1, $2, $3, $4, $5, $6, $7, now())"
                                + " on conflict (user_id) do update set email_enabled = excluded.email_enabled,"
                                + " push_enabled = excluded.push_enabled, email_digest = excluded.email_digest,"
                                + " quiet_hours_start = excluded.quiet_hours_start,"
                                + " quiet_hours_end = excluded.quiet_hours_end, time_zone = excluded.time_zone,"
                                + " updated_at = now()")
                        .execute(Tuple.from(new Object[] {
                            user,
                            prefs.emailEnabled(),
                            prefs.pushEnabled(),
                            prefs.emailDigest(),
                            prefs.quietStart(),
                            prefs.quietEnd(),
                            prefs.timeZone()
                        }))
                        .compose(done -> conn.preparedQuery(
                                        "delete from notification_muted_conversations where user_id = $1")
                                .execute(Tuple.of(user)))
                        .compose(done -> conn.preparedQuery("insert into notification_muted_conversations"
                                        + " (user_id, conversation_id) select $1, unnest($2::uuid[])")
                                .execute(Tuple.tuple()
                                        .addUUID(user)
                                        .addArrayOfUUID(prefs.muted().toArray(UUID[]::new)))))
                .mapEmpty();
    }

    /** The one-click unsubscribe: notification e-mails off, everything else as it was. */
    Future<Void> unsubscribe(UUID user) {
        return pg.preparedQuery("insert into notification_preferences (user_id, email_enabled)"
                        + " select id, false from users where id = $1"
                        + " on conflict (user_id) do update set email_enabled = false, updated_at = now()")
                .execute(Tuple.of(user))
                .mapEmpty();
    }

    private static JsonObject json(Row row) {
        OffsetDateTime created = row.getOffsetDateTime("created_at");
        OffsetDateTime read = row.getOffsetDateTime("read_at");
        UUID conversation = row.getUUID("conversation_id");
        return new JsonObject()
                .put("id", row.getUUID("id").toString())
                .put("kind", row.getString("kind"))
                .put("title", row.getString("title"))
                .put("body", row.getString("body"))
                .put("link", row.getString("link"))
                .put("conversationId", conversation == null ? null : conversation.toString())
                .put(
                        "createdAt",
                        created.withOffsetSameInstant(ZoneOffset.UTC)
                                .toInstant()
                                .toString())
                .put("readAt", read == null ? null : read.toInstant().toString());
    }
}
