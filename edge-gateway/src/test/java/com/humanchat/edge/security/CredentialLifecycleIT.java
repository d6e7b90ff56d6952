package com.humanchat.edge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.humanchat.edge.Edge;
import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.chat.PlatformHarness;
import com.humanchat.edge.chat.PlatformHarness.TestUser;
import com.humanchat.edge.chat.TestSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 23, findings 2, 7 and 8 on two edge replicas: privileges are what the database says at the moment of the call
 * (a demoted admin's, a removed manager's, an ended invitation's power ends with the next call), a manager is someone
 * who accepted, and a socket lives only as long as its credentials (closed with 4401 on expiry without a refresh, on
 * logout, on a revoked sign-in and on changed roles, on every replica).
 */
class CredentialLifecycleIT {

    private static final PlatformHarness PLATFORM = PlatformHarness.get();
    private static final String PASSWORD = "a long enough password";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final short CREDENTIALS_ENDED = 4401;

    /** Finding 2: RequestRoutes trusted the token's roles; only /api/admin re-checked the database. */
    @Test
    void aDemotedAdminsOldTokenNoLongerListsReadsOrDeclinesManagedRequests() {
        TestUser admin = PLATFORM.admin();
        TestUser deputy = PLATFORM.register("deputy admin");
        setRoles(admin, deputy, "user", "admin");
        String deputyToken = signIn(deputy).getString("accessToken");
        UUID request = managedRequest("demotion");
        assertThat(PLATFORM.get("/api/requests/" + request, deputyToken).status())
                .as("an admin reads every request")
                .isEqualTo(200);
        assertThat(requestIds(deputyToken)).contains(request.toString());

        setRoles(admin, deputy, "user");

        assertThat(PLATFORM.get("/api/requests/" + request, deputyToken).status())
                .isEqualTo(404);
        assertThat(requestIds(deputyToken)).doesNotContain(request.toString());
        assertThat(decide(deputyToken, request, "decline").status()).isEqualTo(403);
        assertThat(PLATFORM.get("/api/requests/" + request, admin.token())
                        .json()
                        .getString("status"))
                .isEqualTo("pending");
    }

    /**
     * Finding 7: a host named any account as manager, and an account whose manager role was removed still approved.
     * Now only an accepted invitation with the manager role decides; ending either ends the power at once.
     */
    @Test
    void aManagerDecidesOnlyAfterAcceptingAndNotOnceTheInvitationOrTheRoleEnds() {
        TestUser admin = PLATFORM.admin();
        TestUser host = PLATFORM.register("sought-after host", "host");
        TestUser first = PLATFORM.register("first manager");
        TestUser second = PLATFORM.register("second manager");
        TestUser guest = PLATFORM.register("hopeful guest");
        UUID firstInvitation = PLATFORM.manage(host, first);
        UUID request = ask(guest, host);
        assertThat(PLATFORM.get("/api/requests/" + request, first.token()).status())
                .isEqualTo(200);

        assertThat(PLATFORM.send(
                                PLATFORM.uri(PLATFORM.edge(), "/api/manager-invitations/" + firstInvitation)
                                                .equals(null)
                                        ? null
                                        : java.net.http.HttpRequest.newBuilder(PLATFORM.uri(
                                                        PLATFORM.edge(), "/api/manager-invitations/" + firstInvitation))
                                                .header("Authorization", "Bearer " + host.token())
                                                .DELETE())
                        .status())
                .isEqualTo(204);
        assertThat(decide(first.token(), request, "approve").status())
                .as("the manager whose invitation ended")
                .isEqualTo(403);
        assertThat(PLATFORM.get("/api/requests/" + request, first.token()).status())
                .isEqualTo(404);

        PLATFORM.verify(second);
        Answer invited = PLATFORM.post(
                "/api/manager-invitations",
                host.token(),
                new JsonObject().put("managerId", second.id().toString()));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        assertThat(decide(second.token(), request, "approve").status())
                .as("an invitee who has not accepted")
                .isEqualTo(403);
        assertThat(PLATFORM.get("/api/requests/" + request, second.token()).status())
                .isEqualTo(404);

        Answer accepted = PLATFORM.post(
                "/api/manager-invitations/" + invited.json().getString("id") + "/accept",
                second.token(),
                new JsonObject());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(PLATFORM.get("/api/requests/" + request, second.token()).status())
                .as("the host's current manager reads the host's pending requests")
                .isEqualTo(200);

        try (TestSocket socket = PLATFORM.connect(PLATFORM.otherEdge(), second, null)) {
            socket.await(f -> "hello".equals(f.getString("type")));

            setRoles(admin, second, "user");

            assertThat(decide(second.token(), request, "approve").status())
                    .as("a manager whose role was removed")
                    .isEqualTo(403);
            assertThat(PLATFORM.get("/api/auth/me", host.token()).json().getString("managerId"))
                    .as("removing the role ends the relation")
                    .isNull();
            // Finding 8: a role change closes the account's sockets on every replica.
            awaitCredentialsEnded(socket, WAIT, "roles changed");
        }
        assertThat(decide(admin.token(), request, "decline").status())
                .as("the request was still pending")
                .isEqualTo(200);
    }

    /** Finding 8: after logout the socket still received message.ack; only suspension closed sockets. */
    @Test
    void logoutClosesTheSocketsOfThatSignInOnEveryReplicaAndNoOther() {
        TestUser user = PLATFORM.register("leaving user");
        JsonObject laptop = signIn(user);
        JsonObject phone = signIn(user);
        try (TestSocket laptopSocket = TestSocket.connect(
                        PLATFORM.clientVertx(), PLATFORM.otherEdge().port(), laptop.getString("accessToken"), null);
                TestSocket phoneSocket = TestSocket.connect(
                        PLATFORM.clientVertx(), PLATFORM.edge().port(), phone.getString("accessToken"), null)) {
            laptopSocket.await(f -> "hello".equals(f.getString("type")));
            phoneSocket.await(f -> "hello".equals(f.getString("type")));

            Answer loggedOut = PLATFORM.post(
                    "/api/auth/logout", null, new JsonObject().put("refreshToken", laptop.getString("refreshToken")));
            assertThat(loggedOut.status()).isEqualTo(204);

            awaitCredentialsEnded(laptopSocket, WAIT, "signed out");
            // The other sign-in's socket still answers (a barrier after the close reached the other replica).
            phoneSocket.send(new JsonObject().put("type", "ping"));
            phoneSocket.await(f -> "pong".equals(f.getString("type")));
            assertThat(phoneSocket.isClosed()).isFalse();
        }
    }

    @Test
    void aReusedRefreshTokenClosesTheSocketsOfItsSignIn() {
        TestUser user = PLATFORM.register("robbed user");
        JsonObject signIn = signIn(user);
        Answer rotated = refresh(signIn);
        assertThat(rotated.status()).isEqualTo(200);
        try (TestSocket socket = TestSocket.connect(
                PLATFORM.clientVertx(),
                PLATFORM.otherEdge().port(),
                rotated.json().getString("accessToken"),
                null)) {
            socket.await(f -> "hello".equals(f.getString("type")));

            Answer reused = refresh(signIn);
            assertThat(reused.status()).isEqualTo(401);

            awaitCredentialsEnded(socket, WAIT, "sign-in revoked");
        }
    }

    /**
     * Finding 8: a socket outlived its token ({@code message.ack} 6.5 s after expiry). With 30-second tokens, a socket
     * that sends no {@code auth.refresh} is closed at expiry; one that sent a fresh token stays open past it.
     */
    @Test
    void aSocketIsClosedWhenItsTokenExpiresUnlessAFreshOneWasSentOverIt() {
        Edge shortLived =
                PLATFORM.startExtraEdge("edge-short-tokens", Map.of("HUMANCHAT_ACCESS_TOKEN_TTL_SECONDS", "30"));
        try {
            TestUser user = PLATFORM.register("long talker");
            JsonObject first = signIn(shortLived, user);
            try (TestSocket idle = TestSocket.connect(
                            PLATFORM.clientVertx(), shortLived.port(), first.getString("accessToken"), null);
                    TestSocket refreshing = TestSocket.connect(
                            PLATFORM.clientVertx(), shortLived.port(), first.getString("accessToken"), null)) {
                idle.await(f -> "hello".equals(f.getString("type")));
                refreshing.await(f -> "hello".equals(f.getString("type")));
                // A token minted later expires later: wait until the clock moved on, then refresh over the socket.
                await().pollDelay(Duration.ofSeconds(5)).atMost(WAIT).until(() -> true);
                Answer fresh = PLATFORM.post(
                        shortLived,
                        "/api/auth/refresh",
                        null,
                        new JsonObject()
                                .put("refreshToken", first.getString("refreshToken"))
                                .encode());
                assertThat(fresh.status()).isEqualTo(200);
                refreshing.send(new JsonObject()
                        .put("type", "auth.refresh")
                        .put("accessToken", fresh.json().getString("accessToken")));
                refreshing.await(f -> "auth.refreshed".equals(f.getString("type")));
                refreshing.send(new JsonObject().put("type", "auth.refresh").put("accessToken", "not-a-token"));
                refreshing.await(
                        f -> "error".equals(f.getString("type")) && "invalid_token".equals(f.getString("code")));

                awaitCredentialsEnded(idle, Duration.ofSeconds(45), "access token expired");
                // Barrier: the refreshed socket still answers after the first token's expiry closed the other.
                refreshing.send(new JsonObject().put("type", "ping"));
                refreshing.await(f -> "pong".equals(f.getString("type")));
                assertThat(refreshing.isClosed()).isFalse();
            }
        } finally {
            shortLived.closeAndWait(30);
        }
    }

    /** The socket is closed, within {@code wait}, as one whose credentials ended, for {@code reason}. */
    private static void awaitCredentialsEnded(TestSocket socket, Duration wait, String reason) {
        await().atMost(wait).until(socket::isClosed);
        assertThat(socket.closeStatus()).isEqualTo(CREDENTIALS_ENDED);
        assertThat(socket.closeReason()).contains(reason);
    }

    /** Trades the sign-in's refresh token for new tokens, on the first edge. */
    private static Answer refresh(JsonObject signIn) {
        return PLATFORM.post(
                "/api/auth/refresh", null, new JsonObject().put("refreshToken", signIn.getString("refreshToken")));
    }

    private static void setRoles(TestUser admin, TestUser target, String... roles) {
        Answer changed = PLATFORM.patch(
                "/api/admin/users/" + target.id(),
                admin.token(),
                new JsonObject().put("roles", new JsonArray(java.util.List.of(roles))));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    private static JsonObject signIn(TestUser user) {
        return signIn(PLATFORM.edge(), user);
    }

    private static JsonObject signIn(Edge edge, TestUser user) {
        Answer answer = PLATFORM.post(
                edge,
                "/api/auth/login",
                null,
                new JsonObject()
                        .put("email", user.email())
                        .put("password", PASSWORD)
                        .encode());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    /** A pending request of a fresh guest to a fresh host managed by a fresh manager. */
    private static UUID managedRequest(String name) {
        TestUser host = PLATFORM.register(name + " host", "host");
        PLATFORM.manage(host, PLATFORM.register(name + " manager"));
        return ask(PLATFORM.register(name + " guest"), host);
    }

    private static UUID ask(TestUser guest, TestUser host) {
        Answer asked = PLATFORM.post(
                "/api/requests",
                guest.token(),
                new JsonObject().put("hostUserId", host.id().toString()).put("message", "ten minutes, please"));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        UUID request = UUID.fromString(asked.json().getString("requestId"));
        await().atMost(WAIT)
                .until(() ->
                        PLATFORM.get("/api/requests/" + request, guest.token()).status() == 200);
        return request;
    }

    private static Answer decide(String token, UUID request, String decision) {
        return PLATFORM.patch("/api/requests/" + request, token, new JsonObject().put("decision", decision));
    }

    private static java.util.List<String> requestIds(String token) {
        return PLATFORM.get("/api/requests?limit=100", token).json().getJsonArray("items").stream()
                .map(item -> ((JsonObject) item).getString("requestId"))
                .toList();
    }
}
