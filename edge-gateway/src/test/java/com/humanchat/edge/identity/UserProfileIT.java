package com.humanchat.edge.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.humanchat.edge.TestEdge;
import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.chat.PlatformHarness;
import com.humanchat.edge.chat.PlatformHarness.TestUser;
import com.humanchat.edge.chat.TestSocket;
import com.humanchat.infra.embedded.SharedTestInfra;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/users/:id}: the public profile to any signed-in user, with presence only for the user themselves,
 * those who share a conversation with them and, for hosts who made it public, everyone.
 */
class UserProfileIT {

    /** Every field of a public profile with the presence shown (also each item of {@code /api/discover}). */
    static final List<String> PUBLIC_PROFILE_FIELDS = TestEdge.accountFields(
            List.of("id"), List.of("managed", "representativeName", "donationsWelcome", "rating", "presence"));

    private static final PlatformHarness PLATFORM = PlatformHarness.get();

    @Test
    void showsThePublicProfileWithoutEmailAndPresenceFollowingTheSockets() {
        TestUser viewer = PLATFORM.register("viewer");
        TestUser host = PLATFORM.register("host");
        PLATFORM.directConversation(viewer, host);

        Answer offline = PLATFORM.get("/api/users/" + host.id(), viewer.token());
        assertThat(offline.status()).isEqualTo(200);
        JsonObject profile = offline.json();
        assertThat(profile.fieldNames()).containsExactlyInAnyOrderElementsOf(PUBLIC_PROFILE_FIELDS);
        assertThat(profile.getString("id")).isEqualTo(host.id().toString());
        assertThat(profile.getString("displayName")).isEqualTo("host");
        assertThat(profile.getJsonArray("roles").getList()).contains("user");
        assertThat(offline.body()).doesNotContain("@example.com");
        assertThat(profile.getJsonObject("presence").getString("status")).isEqualTo("offline");

        try (TestSocket socket = PLATFORM.connect(PLATFORM.otherEdge(), host, null)) {
            socket.await(f -> "hello".equals(f.getString("type")));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> statusOf(host, viewer).equals("online"));
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> statusOf(host, viewer).equals("offline"));
    }

    @Test
    void answers404ForAnUnknownUser400ForAnInvalidIdAnd401WithoutToken() {
        TestUser viewer = PLATFORM.register("viewer");

        Answer unknown = PLATFORM.get("/api/users/" + UUID.randomUUID(), viewer.token());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        Answer invalid = PLATFORM.get("/api/users/not-a-uuid", viewer.token());
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");

        Answer anonymous = PLATFORM.get("/api/users/" + viewer.id(), null);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void answersPresenceUnknownWhileRedisIsDown() {
        SharedTestInfra infra = SharedTestInfra.get();
        assumeTrue(infra.hasEmbeddedRedis(), "needs the embedded Redis to stop it");
        TestUser viewer = PLATFORM.register("viewer");
        TestUser host = PLATFORM.register("host");
        PLATFORM.directConversation(viewer, host);
        infra.embeddedRedis().stop();
        try {
            Answer answer = PLATFORM.get("/api/users/" + host.id(), viewer.token());
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().getJsonObject("presence").getString("status"))
                    .isEqualTo("unknown");
        } finally {
            infra.embeddedRedis().start();
        }
    }

    /** Issue 23, finding 9: SECURITY.md says strangers see nothing of someone's presence. */
    @Test
    void aStrangerSeesNoPresenceUnlessAHostMadeItPublic() {
        TestUser stranger = PLATFORM.register("stranger");
        TestUser coMember = PLATFORM.register("co-member");
        TestUser host = PLATFORM.register("host", "host");
        PLATFORM.directConversation(coMember, host);

        try (TestSocket socket = PLATFORM.connect(PLATFORM.edge(), host, null)) {
            socket.await(f -> "hello".equals(f.getString("type")));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> statusOf(host, coMember).equals("online"));

            Answer toStranger = PLATFORM.get("/api/users/" + host.id(), stranger.token());
            assertThat(toStranger.status()).isEqualTo(200);
            assertThat(toStranger.json().containsKey("presence")).isFalse();
            assertThat(toStranger.body()).doesNotContain("online").doesNotContain("offline");
            assertThat(statusOf(host, host)).as("one's own presence").isEqualTo("online");

            Answer opened = showPresenceToEveryone(host);
            assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
            assertThat(statusOf(host, stranger)).isEqualTo("online");
        }
    }

    @Test
    void aUserWhoIsNoHostStaysHiddenFromStrangersEvenWhenOptedIn() {
        TestUser stranger = PLATFORM.register("stranger");
        TestUser user = PLATFORM.register("plain user");

        Answer opened = showPresenceToEveryone(user);
        assertThat(opened.status()).isEqualTo(200);

        assertThat(PLATFORM.get("/api/users/" + user.id(), stranger.token())
                        .json()
                        .containsKey("presence"))
                .isFalse();
    }

    private static Answer showPresenceToEveryone(TestUser user) {
        return PLATFORM.send(HttpRequest.newBuilder(PLATFORM.uri(PLATFORM.edge(), "/api/me/presence-visibility"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + user.token())
                .PUT(HttpRequest.BodyPublishers.ofString("{\"public\": true}")));
    }

    private static String statusOf(TestUser user, TestUser viewer) {
        Answer answer = PLATFORM.get("/api/users/" + user.id(), viewer.token());
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().getJsonObject("presence").getString("status");
    }
}
