package com.humanchat.edge.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.chat.PlatformHarness;
import com.humanchat.edge.chat.PlatformHarness.TestUser;
import com.humanchat.edge.chat.TestSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The admin API on two edge replicas: every route refuses non-admins, suspensions close sockets and refuse tokens on
 * every replica, announcements reach every connected client, and every action is in the audit log.
 */
class AdminIT {

    private static final PlatformHarness PLATFORM = PlatformHarness.get();

    @Test
    void everyAdminRouteRefusesUsersWith403AndStrangersWith401() {
        TestUser user = PLATFORM.register("curious");
        List<HttpRequest.Builder> routes = List.of(
                get("/api/admin/users"),
                patch("/api/admin/users/" + user.id(), new JsonObject().put("suspended", true)),
                get("/api/admin/requests"),
                post("/api/admin/announcements", new JsonObject().put("message", "hi")),
                get("/api/admin/audit"),
                get("/api/admin/metrics"),
                get("/api/admin/anything"));
        for (HttpRequest.Builder route : routes) {
            HttpRequest.Builder asUser = route.copy().header("Authorization", "Bearer " + user.token());
            Answer refused = PLATFORM.send(asUser);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.contentType()).isEqualTo("application/problem+json");
            assertThat(PLATFORM.send(route.copy()).status()).isEqualTo(401);
        }
    }

    @Test
    void aSuspendedUserLosesTheirSocketsAndTokensOnEveryReplicaUntilReinstated() {
        TestUser admin = PLATFORM.admin();
        TestUser user = PLATFORM.register("rule-breaker");
        try (TestSocket here = PLATFORM.connect(user);
                TestSocket there = PLATFORM.connect(PLATFORM.otherEdge(), user, null)) {
            here.await(f -> "hello".equals(f.getString("type")));
            there.await(f -> "hello".equals(f.getString("type")));

            Answer suspended = PLATFORM.send(patch(
                            "/api/admin/users/" + user.id(),
                            new JsonObject().put("suspended", true).put("reason", "spam"))
                    .header("Authorization", "Bearer " + admin.token()));
            assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
            assertThat(suspended.json().getBoolean("suspended")).isTrue();

            await().atMost(Duration.ofSeconds(20)).until(() -> here.isClosed() && there.isClosed());
            assertThat(here.closeStatus()).isEqualTo((short) 1008);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> PLATFORM.get(PLATFORM.otherEdge(), "/api/auth/me", user.token())
                                    .status()
                            == 403);
            assertThat(PLATFORM.get("/api/auth/me", user.token()).status()).isEqualTo(403);
        }

        Answer reinstated =
                PLATFORM.send(patch("/api/admin/users/" + user.id(), new JsonObject().put("suspended", false))
                        .header("Authorization", "Bearer " + admin.token()));
        assertThat(reinstated.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> PLATFORM.get(PLATFORM.otherEdge(), "/api/auth/me", user.token())
                                .status()
                        == 200);
        Answer auditLog = PLATFORM.get("/api/admin/audit", admin.token());
        assertThat(auditLog.status()).as(auditLog.toString()).isEqualTo(200);
        JsonArray audit = auditLog.json().getJsonArray("items");
        assertThat(audit.stream()
                        .map(JsonObject.class::cast)
                        .filter(a -> user.id().toString().equals(a.getString("targetId")))
                        .map(a -> a.getString("action")))
                .containsExactly("user.reinstate", "user.suspend");
    }

    @Test
    void anAnnouncementReachesEveryConnectedClientOnEveryReplicaAndIsListed() {
        TestUser admin = PLATFORM.admin();
        TestUser alice = PLATFORM.register("alice");
        TestUser bob = PLATFORM.register("bob");
        String message = "maintenance at 02:00 " + UUID.randomUUID();
        try (TestSocket aliceSocket = PLATFORM.connect(alice);
                TestSocket bobSocket = PLATFORM.connect(PLATFORM.otherEdge(), bob, null)) {
            aliceSocket.await(f -> "hello".equals(f.getString("type")));
            bobSocket.await(f -> "hello".equals(f.getString("type")));

            Answer published = PLATFORM.send(post(
                            "/api/admin/announcements",
                            new JsonObject().put("message", message).put("level", "warning"))
                    .header("Authorization", "Bearer " + admin.token()));
            assertThat(published.status()).as(published.toString()).isEqualTo(201);

            for (TestSocket socket : List.of(aliceSocket, bobSocket)) {
                JsonObject frame = socket.awaitFrame("announcement", new JsonObject().put("message", message));
                assertThat(frame.getString("level")).isEqualTo("warning");
            }
        }
        JsonArray listed =
                PLATFORM.get("/api/announcements", alice.token()).json().getJsonArray("items");
        assertThat(listed.getJsonObject(0).getString("message")).isEqualTo(message);
        assertThat(PLATFORM.send(post("/api/admin/announcements", new JsonObject().put("message", ""))
                                .header("Authorization", "Bearer " + admin.token()))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void adminsFindUsersChangeRolesAndSeeEveryRequest() {
        TestUser admin = PLATFORM.admin();
        TestUser user =
                PLATFORM.register("promotable" + UUID.randomUUID().toString().substring(0, 6));
        Answer found = PLATFORM.get("/api/admin/users?q=" + user.displayName(), admin.token());
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().getJsonArray("items").getJsonObject(0).getString("id"))
                .isEqualTo(user.id().toString());

        Answer promoted = PLATFORM.send(patch(
                        "/api/admin/users/" + user.id(),
                        new JsonObject()
                                .put("roles", new JsonArray().add("user").add("host")))
                .header("Authorization", "Bearer " + admin.token()));
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
        assertThat(promoted.json().getJsonArray("roles")).containsExactlyInAnyOrder("user", "host");
        assertThat(PLATFORM.send(patch("/api/admin/users/" + admin.id(), new JsonObject().put("suspended", true))
                                .header("Authorization", "Bearer " + admin.token()))
                        .status())
                .isEqualTo(422);
        assertThat(PLATFORM.get("/api/admin/requests", admin.token()).status()).isEqualTo(200);
    }

    @Test
    void anAdminSeesLiveMetricsReflectMessagesJustSentOnEveryReplica() {
        TestUser admin = PLATFORM.admin();
        TestUser alice = PLATFORM.register("metrics-alice");
        TestUser bob = PLATFORM.register("metrics-bob");
        JsonObject before = await().atMost(Duration.ofSeconds(30))
                .until(() -> PLATFORM.get("/api/admin/metrics", admin.token()), answer -> answer.status() == 200)
                .json();
        assertThat(before.fieldNames())
                .contains(
                        "asOf",
                        "messagesPerMinute",
                        "messagesLastFullMinute",
                        "activeConversations",
                        "sessionsByStatus",
                        "requestsPending",
                        "sam",
                        "revenue24h")
                .doesNotContain("eventId", "type");
        assertThat(before.getJsonObject("sessionsByStatus").fieldNames())
                .containsExactlyInAnyOrder("requested", "accepted", "awaiting_payment", "confirmed", "in_progress");

        UUID conversation = PLATFORM.directConversation(alice, bob);
        Instant sentFrom = Instant.now();
        for (int i = 0; i < 3; i++) {
            Answer sent = PLATFORM.post(
                    "/api/conversations/" + conversation + "/messages",
                    alice.token(),
                    new JsonObject().put("clientMessageId", "metrics-" + i).put("content", "counted " + i));
            assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        }
        Instant sentBy = Instant.now();

        for (var replica : List.of(PLATFORM.edge(), PLATFORM.otherEdge())) {
            JsonObject after = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> PLATFORM.get(replica, "/api/admin/metrics", admin.token())
                                    .json(),
                            // a snapshot is cut by the clock, so the first one after the sends may precede the
                            // last message's event reaching the metrics topology: the three messages must be counted
                            // in the trailing minute of a later one
                            metrics -> Instant.parse(metrics.getString("asOf")).isAfter(sentBy)
                                    && metrics.getLong("messagesPerMinute") >= 3);
            assertThat(Instant.parse(after.getString("asOf"))).isAfter(sentFrom);
            assertThat(after.getLong("activeConversations"))
                    .as("this conversation is active")
                    .isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void metricsAreForAdminsOnly() {
        TestUser user = PLATFORM.register("not-an-admin");

        Answer refused = PLATFORM.get("/api/admin/metrics", user.token());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(PLATFORM.get("/api/admin/metrics", null).status()).isEqualTo(401);
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(PLATFORM.uri(PLATFORM.edge(), path)).GET();
    }

    private static HttpRequest.Builder post(String path, JsonObject body) {
        return HttpRequest.newBuilder(PLATFORM.uri(PLATFORM.edge(), path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
    }

    private static HttpRequest.Builder patch(String path, JsonObject body) {
        return HttpRequest.newBuilder(PLATFORM.uri(PLATFORM.edge(), path))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body.encode()));
    }
}
