package com.humanchat.edge.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.chat.PlatformHarness;
import com.humanchat.edge.chat.PlatformHarness.TestUser;
import com.humanchat.edge.chat.TestSocket;
import com.humanchat.migrations.PostgresUrl;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The edge's side of issue 19: a notification the notifier commits reaches the user's open socket as a
 * {@code notifications} frame with the new unread count (PostgreSQL's notification, every replica listening); the
 * list and the read marks change it; a device's Web Push subscription is its owner's alone; bad input is a 400 in
 * plain words.
 */
class NotificationsIT {

    private static final PlatformHarness PLATFORM = PlatformHarness.get();

    @Test
    void aCommittedNotificationIsPushedToTheSocketAndReadMarksEmptyTheCount() throws Exception {
        TestUser user = PLATFORM.register("Nia Notified");
        try (TestSocket socket = PLATFORM.connect(user)) {
            socket.awaitFrame("hello", new JsonObject());
            UUID first = insertNotification(user.id(), "Gil requested a session");
            UUID second = insertNotification(user.id(), "Your session is confirmed");

            socket.await(
                    f -> "notifications".equals(f.getString("type")) && f.getInteger("unreadCount") == 2,
                    Duration.ofSeconds(15));
            Answer list = PLATFORM.get("/api/notifications", user.token());
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.json().getInteger("unreadCount")).isEqualTo(2);
            assertThat(list.json().getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("title")))
                    .containsExactly("Your session is confirmed", "Gil requested a session");

            Answer read = PLATFORM.post(
                    "/api/notifications/read",
                    user.token(),
                    new JsonObject().put("ids", new JsonArray().add(first.toString())));
            assertThat(read.json().getInteger("unreadCount")).isEqualTo(1);
            socket.await(
                    f -> "notifications".equals(f.getString("type")) && f.getInteger("unreadCount") == 1,
                    Duration.ofSeconds(15));
            Answer all = PLATFORM.post("/api/notifications/read", user.token(), new JsonObject().put("all", true));
            assertThat(all.json().getInteger("unreadCount")).isZero();
            assertThat(second).isNotEqualTo(first);
        }
    }

    @Test
    void syncCarriesTheUnreadCountAndTheNewestNotificationsOfTheCallerOnly() throws Exception {
        TestUser user = PLATFORM.register("Sia Synced");
        TestUser stranger = PLATFORM.register("Stan Stranger");
        UUID first = insertNotification(user.id(), "Gil requested a session");
        insertNotification(user.id(), "Your session is confirmed");

        JsonObject snapshot = PLATFORM.get("/api/sync", user.token()).json();
        JsonObject notifications = snapshot.getJsonObject("notifications");
        assertThat(notifications.getInteger("unreadCount")).isEqualTo(2);
        assertThat(notifications.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("title")))
                .containsExactly("Your session is confirmed", "Gil requested a session");

        PLATFORM.post(
                "/api/notifications/read",
                user.token(),
                new JsonObject().put("ids", new JsonArray().add(first.toString())));
        JsonObject delta = PLATFORM.get("/api/sync?since=" + snapshot.getString("nextCursor"), user.token())
                .json();
        assertThat(delta.getJsonObject("notifications").getInteger("unreadCount"))
                .isEqualTo(1);
        assertThat(delta.getJsonObject("notifications")
                        .getJsonArray("items")
                        .getJsonObject(1)
                        .getString("readAt"))
                .isNotNull();

        JsonObject others = PLATFORM.get("/api/sync", stranger.token()).json().getJsonObject("notifications");
        assertThat(others.getInteger("unreadCount")).isZero();
        assertThat(others.getJsonArray("items")).isEmpty();
    }

    @Test
    void badInputIsRefusedInPlainWords() {
        TestUser user = PLATFORM.register("Nia Careless");
        Answer empty = PLATFORM.post("/api/notifications/read", user.token(), new JsonObject());
        assertThat(empty.status()).isEqualTo(400);
        Answer zone = PLATFORM.put(
                "/api/me/notification-preferences",
                user.token(),
                new JsonObject()
                        .put("emailEnabled", true)
                        .put("pushEnabled", true)
                        .put("emailDigest", "daily")
                        .put(
                                "quietHours",
                                new JsonObject().put("start", "22:00").put("end", "07:00"))
                        .put("timeZone", "Mars/Olympus")
                        .put("mutedConversationIds", new JsonArray()));
        assertThat(zone.status()).isEqualTo(400);
        assertThat(zone.body()).contains("not an IANA time zone");
        Answer saved = PLATFORM.put(
                "/api/me/notification-preferences",
                user.token(),
                new JsonObject()
                        .put("emailEnabled", false)
                        .put("pushEnabled", true)
                        .put("emailDigest", "daily")
                        .put(
                                "quietHours",
                                new JsonObject().put("start", "22:00").put("end", "07:00"))
                        .put("timeZone", "Europe/Paris")
                        .put("mutedConversationIds", new JsonArray()));
        assertThat(saved.status()).isEqualTo(200);
        JsonObject read =
                PLATFORM.get("/api/me/notification-preferences", user.token()).json();
        assertThat(read).isEqualTo(saved.json());
        assertThat(read.getJsonObject("quietHours").getString("start")).isEqualTo("22:00");
    }

    @Test
    void aDeviceRegistersItsPushSubscriptionAndOnlyItsOwnerRemovesIt() {
        TestUser owner = PLATFORM.register("Pia Pushed");
        TestUser other = PLATFORM.register("Oli Other");
        Answer key = PLATFORM.get("/api/notifications/push/key", owner.token());
        assertThat(key.json().getString("publicKey")).isEqualTo(PlatformHarness.VAPID_PUBLIC_KEY);

        JsonObject device = subscription("https://push.example.com/wpush/" + UUID.randomUUID(), AUTH);
        Answer created = PLATFORM.post("/api/notifications/push/subscriptions", owner.token(), device);
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().getString("id");
        // the same device again (a page reload): the same subscription, not a second one
        Answer again = PLATFORM.post("/api/notifications/push/subscriptions", owner.token(), device);
        assertThat(again.json().getString("id")).isEqualTo(id);
        assertThat(PLATFORM.get("/api/notifications/push/subscriptions", owner.token())
                        .json()
                        .getJsonArray("items"))
                .hasSize(1);

        // another account: neither sees it, nor takes it over without its keys, nor deletes it
        assertThat(PLATFORM.get("/api/notifications/push/subscriptions", other.token())
                        .json()
                        .getJsonArray("items"))
                .isEmpty();
        Answer takeover = PLATFORM.post(
                "/api/notifications/push/subscriptions",
                other.token(),
                subscription(device.getString("endpoint"), "AAAAAAAAAAAAAAAAAAAAAA"));
        assertThat(takeover.status()).isEqualTo(409);
        assertThat(PLATFORM.delete("/api/notifications/push/subscriptions/" + id, other.token())
                        .status())
                .isEqualTo(404);

        assertThat(PLATFORM.delete("/api/notifications/push/subscriptions/" + id, owner.token())
                        .status())
                .isEqualTo(204);
        assertThat(PLATFORM.get("/api/notifications/push/subscriptions", owner.token())
                        .json()
                        .getJsonArray("items"))
                .isEmpty();
    }

    @Test
    void aPushEndpointMustBeAPublicHttpsUrlWithTheBrowsersKeys() {
        TestUser user = PLATFORM.register("Pia Probing");
        for (String endpoint : new String[] {
            "http://push.example.com/x",
            "https://127.0.0.1/x",
            "https://localhost/x",
            "https://metadata.internal/x",
            "https://[::1]/x"
        }) {
            Answer refused =
                    PLATFORM.post("/api/notifications/push/subscriptions", user.token(), subscription(endpoint, AUTH));
            assertThat(refused.status()).as(endpoint).isEqualTo(400);
        }
        JsonObject badKey = subscription("https://push.example.com/wpush/" + UUID.randomUUID(), AUTH);
        badKey.getJsonObject("keys").put("p256dh", "A".repeat(87));
        Answer key = PLATFORM.post("/api/notifications/push/subscriptions", user.token(), badKey);
        assertThat(key.status()).isEqualTo(400);
        assertThat(key.body()).contains("keys.p256dh");
    }

    /** A browser's auth secret (16 bytes) and P-256 key (the curve's generator: any point will do here). */
    private static final String AUTH = "c2VjcmV0LWF1dGgtMTIzNA";

    private static final String P256DH =
            "BGsX0fLhLEJH-Lzm5WOkQPJ3A32BLeszoPShOUXYmMKWT-NC4v4af5uO5-tKfA-eFivOM1drMV7Oy7ZAaDe_UfU";

    private static JsonObject subscription(String endpoint, String auth) {
        return new JsonObject()
                .put("endpoint", endpoint)
                .putNull("expirationTime")
                .put("keys", new JsonObject().put("p256dh", P256DH).put("auth", auth));
    }

    /** As the notifier writes one (no notifier runs here). */
    private static UUID insertNotification(UUID user, String title) throws Exception {
        PostgresUrl db = PostgresUrl.parse(PLATFORM.environment().get("HUMANCHAT_PG_URL"));
        UUID id = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                PreparedStatement insert = c.prepareStatement("insert into notifications (id, user_id, kind, title,"
                        + " body, link, source_event_id, created_at) values (?, ?, 'session.requested', ?, '',"
                        + " '/#/sessions', ?, now())")) {
            insert.setObject(1, id);
            insert.setObject(2, user);
            insert.setString(3, title);
            insert.setObject(4, id);
            insert.executeUpdate();
        }
        Thread.sleep(5); // distinct created_at, so the list's order is the insertion order
        return id;
    }
}
