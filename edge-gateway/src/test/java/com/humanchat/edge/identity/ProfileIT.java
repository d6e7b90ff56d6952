package com.humanchat.edge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.edge.TestEdge;
import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.TopicReader;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.users.UserProfileUpdated;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code PATCH /api/me/profile}: the caller's own profile, changed and published through the outbox in one go. */
class ProfileIT {

    private static TestEdge edge;

    @BeforeAll
    static void startEdge() {
        edge = TestEdge.start("ProfileIT");
    }

    @AfterAll
    static void stopEdge() {
        if (edge != null) {
            edge.close();
        }
    }

    @Test
    void updatesTheProfileNormalisedAndReadsItBack() {
        Account me = register("profile-owner");
        Account viewer = register("profile-viewer");

        Answer answer = patch(
                me.token(),
                new JsonObject()
                        .put("displayName", "  Grace Hopper ")
                        .put("bio", "Compilers, COBOL and nanoseconds.")
                        .put(
                                "tags",
                                new JsonArray()
                                        .add("Compilers")
                                        .add(" compilers ")
                                        .add("Navy"))
                        .put("priceCents", 4_500)
                        .put("currency", "USD")
                        .put("instantAvailable", true)
                        .put("representativeName", "Office of the Admiral"));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonObject profile = answer.json();
        assertThat(profile.getString("id")).isEqualTo(me.id().toString());
        assertThat(profile.getString("email")).isEqualTo(me.email());
        assertThat(profile.getString("displayName")).isEqualTo("Grace Hopper");
        assertThat(profile.getString("bio")).isEqualTo("Compilers, COBOL and nanoseconds.");
        assertThat(profile.getJsonArray("tags").getList()).containsExactly("compilers", "navy");
        assertThat(profile.getLong("priceCents")).isEqualTo(4_500L);
        assertThat(profile.getString("currency")).isEqualTo("usd");
        assertThat(profile.getBoolean("instantAvailable")).isTrue();
        assertThat(profile.getString("representativeName")).isEqualTo("Office of the Admiral");
        assertThat(profile.containsKey("managerId")).isTrue();
        assertThat(profile.getString("managerId")).isNull();

        Answer whoami = edge.get("/api/auth/me", me.token());
        assertThat(whoami.status()).isEqualTo(200);
        assertThat(whoami.json()).isEqualTo(profile);

        JsonObject publicProfile =
                edge.get("/api/users/" + me.id(), viewer.token()).json();
        assertThat(publicProfile.getString("displayName")).isEqualTo("Grace Hopper");
        assertThat(publicProfile.getJsonArray("tags").getList()).containsExactly("compilers", "navy");
        assertThat(publicProfile.getString("currency")).isEqualTo("usd");
        assertThat(publicProfile.containsKey("managerId")).isFalse();

        Answer partial = patch(me.token(), new JsonObject().put("bio", "Retired."));
        assertThat(partial.status()).isEqualTo(200);
        assertThat(partial.json().getString("bio")).isEqualTo("Retired.");
        assertThat(partial.json().getString("displayName")).isEqualTo("Grace Hopper");
        assertThat(partial.json().getJsonArray("tags").getList()).containsExactly("compilers", "navy");
    }

    /**
     * Issue 23, finding 7: a host could name any account as manager. A manager is invited and must accept
     * ({@link ManagerInvitationsIT}); the profile never names one.
     */
    @Test
    void aManagerIsNeverNamedInTheProfile() {
        Account host = register("self-named-host");
        Account someone = register("unasked-manager");

        Answer named = patch(
                host.token(),
                new JsonObject().put("managerId", someone.id().toString()).put("representativeName", "Agency"));

        assertThat(named.status()).as(named.toString()).isEqualTo(422);
        assertThat(named.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("/managerId");
        JsonObject unchanged = edge.get("/api/auth/me", host.token()).json();
        assertThat(unchanged.getString("managerId")).isNull();
        assertThat(unchanged.getString("representativeName")).isNull();
    }

    @Test
    void refusesAnUnknownSuspendedOrOwnManagerWith422() throws Exception {
        Account host = register("host-without-manager");
        Account suspended = register("suspended-manager");
        suspend(suspended.id());

        for (UUID managerId : List.of(UUID.randomUUID(), host.id(), suspended.id())) {
            Answer answer = patch(
                    host.token(),
                    new JsonObject().put("managerId", managerId.toString()).put("bio", "should not stick"));

            assertThat(answer.status()).as("manager %s: %s", managerId, answer).isEqualTo(422);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            JsonObject problem = answer.json();
            assertThat(problem.getString("type")).isEqualTo("https://humanchat.dev/problems/unprocessable");
            assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("field"))
                    .isEqualTo("/managerId");
        }
        JsonObject unchanged = edge.get("/api/auth/me", host.token()).json();
        assertThat(unchanged.getString("managerId")).isNull();
        assertThat(unchanged.getString("bio")).isEmpty();
        assertThat(profileUpdatesInOutbox(host.id())).isZero();
    }

    @Test
    void refusesInvalidBodiesWith400AndChangesNothing() {
        Account me = register("invalid-bodies");
        JsonArray tooManyTags = new JsonArray();
        for (int i = 0; i < 21; i++) {
            tooManyTags.add("tag" + i);
        }
        List<String> invalid = List.of(
                new JsonObject().put("displayName", "").encode(),
                new JsonObject().put("displayName", "   ").encode(),
                new JsonObject().put("displayName", "x".repeat(81)).encode(),
                new JsonObject().putNull("displayName").encode(),
                new JsonObject().put("bio", "x".repeat(2001)).encode(),
                new JsonObject().put("tags", tooManyTags).encode(),
                new JsonObject().put("tags", new JsonArray().add("")).encode(),
                new JsonObject()
                        .put("tags", new JsonArray().add("x".repeat(41)))
                        .encode(),
                new JsonObject().put("tags", new JsonArray().add(7)).encode(),
                new JsonObject().put("tags", "chess").encode(),
                new JsonObject().put("priceCents", -1).encode(),
                new JsonObject().put("priceCents", 10_000_001).encode(),
                new JsonObject().put("priceCents", 12.5).encode(),
                new JsonObject().put("priceCents", "100").encode(),
                new JsonObject().put("currency", "EURO").encode(),
                new JsonObject().put("currency", "e1r").encode(),
                new JsonObject().put("instantAvailable", "yes").encode(),
                new JsonObject().put("managerId", "not-a-uuid").encode(),
                new JsonObject().put("representativeName", "x".repeat(121)).encode(),
                new JsonObject().put("email", "other@example.com").encode(),
                new JsonObject().put("roles", new JsonArray().add("admin")).encode(),
                "{\"displayName\": ",
                "[]",
                "");

        for (String body : invalid) {
            Answer answer = patch(me.token(), body);
            assertThat(answer.status()).as("%s → %s", body, answer).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        JsonObject after = edge.get("/api/auth/me", me.token()).json();
        assertThat(after.getString("displayName")).isEqualTo("invalid-bodies");
        assertThat(after.getJsonArray("roles").getList()).containsExactly("user");
        assertThat(after.getString("email")).isEqualTo(me.email());

        Answer limits = patch(
                me.token(),
                new JsonObject()
                        .put("displayName", "x".repeat(80))
                        .put("bio", "b".repeat(2000))
                        .put("priceCents", 10_000_000)
                        .put("tags", new JsonArray().add("t".repeat(40)))
                        .put("representativeName", "r".repeat(120)));
        assertThat(limits.status()).as(limits.toString()).isEqualTo(200);
    }

    @Test
    void publishesTheWholeProfileToUsersEventsThroughTheOutbox() throws Exception {
        Account me = register("publishing-host");

        Answer answer = patch(
                me.token(),
                new JsonObject()
                        .put("displayName", "Published Host")
                        .put("tags", new JsonArray().add("Kafka"))
                        .put("priceCents", 1_000)
                        .put("currency", "eur")
                        .put("representativeName", "Agency"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(profileUpdatesInOutbox(me.id())).isEqualTo(1);

        UserProfileUpdated event = awaitProfileUpdated(me.id(), Duration.ofSeconds(20));
        assertThat(event.userId()).isEqualTo(me.id());
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.displayName()).isEqualTo("Published Host");
        assertThat(event.bio()).isEmpty();
        assertThat(event.tags()).containsExactly("kafka");
        assertThat(event.priceCents()).isEqualTo(1_000L);
        assertThat(event.currency()).isEqualTo("eur");
        assertThat(event.instantAvailable()).isFalse();
        assertThat(event.managerId()).isNull();
        assertThat(event.representativeName()).isEqualTo("Agency");
    }

    @Test
    void anEmptyBodyOrUnchangedValuesAnswerTheProfileAndPublishNothing() throws Exception {
        Account me = register("no-op-owner");
        JsonObject before = edge.get("/api/auth/me", me.token()).json();

        Answer empty = patch(me.token(), new JsonObject());
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json()).isEqualTo(before);

        Answer same = patch(me.token(), new JsonObject().put("displayName", "no-op-owner"));
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json()).isEqualTo(before);

        assertThat(profileUpdatesInOutbox(me.id())).isZero();
    }

    @Test
    void requiresAValidBearerToken() {
        Answer anonymous = edge.send(HttpRequest.newBuilder(edge.uri("/api/me/profile"))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"displayName\": \"Anonymous\"}")));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");

        Answer forged = patch("not.a.token", new JsonObject().put("displayName", "Forged"));
        assertThat(forged.status()).isEqualTo(401);

        Account me = register("wrong-method");
        assertThat(edge.get("/api/me/profile", me.token()).status()).isEqualTo(405);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private record Account(UUID id, String email, String token) {}

    private static Account register(String name) {
        String email = TestEdge.uniqueEmail(name);
        JsonObject body = edge.register(email, "a long enough password", name);
        return new Account(
                UUID.fromString(body.getJsonObject("user").getString("id")),
                body.getJsonObject("user").getString("email"),
                body.getString("accessToken"));
    }

    private static Answer patch(String token, JsonObject body) {
        return patch(token, body.encode());
    }

    private static Answer patch(String token, String body) {
        return edge.send(HttpRequest.newBuilder(edge.uri("/api/me/profile"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    private static void suspend(UUID userId) throws Exception {
        try (Connection db = edge.jdbc();
                PreparedStatement update = db.prepareStatement("update users set suspended = true where id = ?")) {
            update.setObject(1, userId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static long profileUpdatesInOutbox(UUID userId) throws Exception {
        try (Connection db = edge.jdbc();
                PreparedStatement query = db.prepareStatement("select count(*) from outbox where record_key = ?"
                        + " and payload ->> 'type' = 'user.profile-updated'")) {
            query.setString(1, userId.toString());
            ResultSet row = query.executeQuery();
            row.next();
            return row.getLong(1);
        }
    }

    /** Reads {@code users.events} from the start until the user's {@code user.profile-updated} shows up. */
    private static UserProfileUpdated awaitProfileUpdated(UUID userId, Duration within) {
        String topic = Topics.USERS_EVENTS.name();
        return TopicReader.find(
                        TestEdge.infra().kafkaBootstrap(),
                        List.of(topic),
                        within,
                        record -> userId.toString().equals(record.key())
                                && Topics.USERS_EVENTS
                                                .valueSerde()
                                                .deserializer()
                                                .deserialize(topic, record.value())
                                        instanceof UserProfileUpdated)
                .map(record -> (UserProfileUpdated)
                        Topics.USERS_EVENTS.valueSerde().deserializer().deserialize(topic, record.value()))
                .orElseThrow(() -> new AssertionError("no user.profile-updated on users.events for " + userId));
    }
}
