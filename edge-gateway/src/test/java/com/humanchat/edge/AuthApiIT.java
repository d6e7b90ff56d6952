package com.humanchat.edge;

import static com.humanchat.edge.TestEdge.accountFields;
import static com.humanchat.edge.TestEdge.registration;
import static com.humanchat.edge.TestEdge.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.auth.RefreshTokens;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** /api/auth over real HTTP against a real edge, PostgreSQL and Kafka. */
class AuthApiIT {

    private static final String PASSWORD = "correct horse battery staple";

    private static TestEdge edge;

    @BeforeAll
    static void startEdge() {
        edge = TestEdge.start(AuthApiIT.class.getSimpleName());
    }

    @AfterAll
    static void stopEdge() {
        if (edge != null) {
            edge.close();
        }
    }

    private static void assertProblem(Answer answer, int status, String slug) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        JsonObject problem = answer.json();
        assertThat(problem.getString("type")).isEqualTo("https://humanchat.dev/problems/" + slug);
        assertThat(problem.getInteger("status")).isEqualTo(status);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).isNotBlank();
        assertThat(problem.getString("instance")).startsWith("/");
    }

    private static Answer refresh(String refreshToken) {
        return edge.post("/api/auth/refresh", new JsonObject().put("refreshToken", refreshToken));
    }

    private static Answer login(String email, String password) {
        return edge.post("/api/auth/login", new JsonObject().put("email", email).put("password", password));
    }

    @Nested
    class Register {

        @Test
        void answers201WithTheUserAndATokenPair() {
            String email = uniqueEmail("Ada").toUpperCase(Locale.ROOT);

            Answer answer = edge.post("/api/auth/register", registration(email, PASSWORD, " Ada "));

            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            assertThat(answer.contentType()).startsWith("application/json");
            assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
            JsonObject body = answer.json();
            JsonObject user = body.getJsonObject("user");
            assertThat(user.fieldNames())
                    .containsExactlyInAnyOrderElementsOf(accountFields(
                            List.of("id", "email", "emailVerified"),
                            List.of("managerId", "representativeName", "createdAt")));
            UUID id = UUID.fromString(user.getString("id"));
            assertThat(user.getString("email")).isEqualTo(email.toLowerCase(Locale.ROOT));
            assertThat(user.getString("displayName")).isEqualTo("Ada");
            assertThat(user.getJsonArray("roles")).containsExactly("user");
            assertThat(user.getBoolean("emailVerified")).isFalse();
            assertThat(user.getString("bio")).isEmpty();
            assertThat(user.getJsonArray("tags")).isEmpty();
            assertThat(user.getValue("priceCents")).isNull();
            assertThat(user.getBoolean("instantAvailable")).isFalse();
            assertThat(Instant.parse(user.getString("createdAt")))
                    .isBefore(Instant.now().plusSeconds(5));
            assertThat(body.getLong("expiresIn")).isEqualTo(900);
            assertThat(body.getString("refreshToken")).hasSize(43);
            JsonObject claims = HandMadeJwt.payloadOf(body.getString("accessToken"));
            assertThat(claims.getString("sub")).isEqualTo(id.toString());
            assertThat(claims.getString("iss")).isEqualTo("humanchat");
            assertThat(claims.getValue("aud").toString()).contains("humanchat-api");
            assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(900);
        }

        @Test
        void storesAnArgon2idHashAndOnlyTheSha256OfTheRefreshToken() throws Exception {
            JsonObject body = edge.register(uniqueEmail("grace"), PASSWORD, "Grace");
            UUID id = UUID.fromString(body.getJsonObject("user").getString("id"));
            String refreshToken = body.getString("refreshToken");

            try (Connection db = edge.jdbc()) {
                PreparedStatement credentials =
                        db.prepareStatement("select password_hash from credentials where user_id = ?");
                credentials.setObject(1, id);
                ResultSet hash = credentials.executeQuery();
                assertThat(hash.next()).isTrue();
                assertThat(hash.getString(1))
                        .startsWith("$argon2id$v=19$m=19456,t=2,p=1$")
                        .doesNotContain(PASSWORD);

                PreparedStatement tokens =
                        db.prepareStatement("select token_hash from refresh_tokens where user_id = ?");
                tokens.setObject(1, id);
                ResultSet token = tokens.executeQuery();
                assertThat(token.next()).isTrue();
                assertThat(token.getBytes(1)).isEqualTo(RefreshTokens.hash(refreshToken));
            }
        }

        @Test
        void aHostIsAlsoAUser() {
            Answer answer = edge.post(
                    "/api/auth/register",
                    registration(uniqueEmail("host"), PASSWORD, "Host").put("role", "host"));

            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            assertThat(answer.json().getJsonObject("user").getJsonArray("roles"))
                    .containsExactly("user", "host");
        }

        @Test
        void nobodyRegistersThemselvesAsAdmin() {
            Answer answer = edge.post(
                    "/api/auth/register",
                    registration(uniqueEmail("mallory"), PASSWORD, "Mallory").put("role", "admin"));

            assertProblem(answer, 400, "validation");
            assertThat(answer.json().getJsonArray("errors").encode()).contains("/role");
        }

        @Test
        void anEmailTakenInAnotherCaseIsAConflict() {
            String email = uniqueEmail("linus");
            edge.register(email, PASSWORD, "Linus");

            Answer again = edge.post(
                    "/api/auth/register", registration(email.toUpperCase(Locale.ROOT), PASSWORD, "Linus again"));

            assertProblem(again, 409, "conflict");
        }

        /**
         * Issue 23, finding 1: whoever registered a listed address first was admin. Registration grants nothing by
         * e-mail; following the link mailed to the address (whatever its case) does.
         */
        @Test
        void anAdminEmailGetsTheAdminRoleOnlyOnceVerifiedWhateverItsCase() {
            String email = TestEdge.ADMIN_EMAIL.toLowerCase(Locale.ROOT);
            Answer answer = edge.post("/api/auth/register", registration(email, PASSWORD, "Boss"));

            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            assertThat(answer.json().getJsonObject("user").getJsonArray("roles"))
                    .containsExactly("user");
            assertThat(HandMadeJwt.payloadOf(answer.json().getString("accessToken"))
                            .getJsonArray("roles"))
                    .doesNotContain("admin");
            String unverifiedToken = answer.json().getString("accessToken");
            assertThat(edge.get("/api/admin/users", unverifiedToken).status()).isEqualTo(403);

            Answer verified = edge.verifyEmail(email);

            assertThat(verified.json().getBoolean("emailVerified")).isTrue();
            assertThat(verified.json().getJsonArray("roles")).containsExactly("user", "admin");
            assertThat(edge.get("/api/admin/users", unverifiedToken).status())
                    .as("roles are read from the database, not from the token")
                    .isEqualTo(200);
        }
    }

    @Nested
    class Validation {

        @Test
        void wrongFieldTypesAreA400ListingEachField() {
            Answer answer = edge.post(
                    "/api/auth/register",
                    new JsonObject().put("email", 42).put("password", true).put("displayName", new JsonArray()));

            assertProblem(answer, 400, "validation");
            JsonArray errors = answer.json().getJsonArray("errors");
            assertThat(errors.stream().map(e -> ((JsonObject) e).getString("field")))
                    .contains("/email", "/password", "/displayName");
            assertThat(errors).allSatisfy(e -> assertThat(((JsonObject) e).getString("message"))
                    .isNotBlank());
        }

        @Test
        void aBadEmailAShortPasswordAndAnEmptyNameAreEachReported() {
            Answer answer = edge.post("/api/auth/register", registration("not-an-email", "short", ""));

            assertProblem(answer, 400, "validation");
            assertThat(answer.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
                    .contains("/email", "/password", "/displayName");
        }

        @Test
        void aPasswordLongerThan128CharactersIsRefused() {
            Answer answer = edge.post("/api/auth/register", registration(uniqueEmail("long"), "x".repeat(129), "Long"));

            assertProblem(answer, 400, "validation");
            assertThat(answer.json().getJsonArray("errors").encode()).contains("/password");
        }

        @Test
        void missingFieldsAreReported() {
            Answer answer = edge.post("/api/auth/login", "{}");

            assertProblem(answer, 400, "validation");
            assertThat(answer.json().getJsonArray("errors").encode())
                    .contains("email")
                    .contains("password");
        }

        @Test
        void malformedJsonIsA400Problem() {
            assertProblem(edge.post("/api/auth/login", "{\"email\": \"a@b.c\", "), 400, "bad-request");
            assertProblem(edge.post("/api/auth/login", "[1, 2]"), 400, "bad-request");
            assertProblem(edge.post("/api/auth/login", ""), 400, "bad-request");
        }

        @Test
        void aBodyOverTheLimitIsA413Problem() {
            String huge = new JsonObject()
                    .put("email", uniqueEmail("huge"))
                    .put("password", PASSWORD)
                    .put("displayName", "x".repeat(TestEdge.MAX_BODY_BYTES * 2))
                    .encode();

            assertProblem(edge.post("/api/auth/register", huge), 413, "too-large");
        }
    }

    @Nested
    class Login {

        @Test
        void theRightPasswordOpensASession() {
            String email = uniqueEmail("alan");
            JsonObject registered = edge.register(email, PASSWORD, "Alan");

            Answer answer = login(email.toUpperCase(Locale.ROOT), PASSWORD);

            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().getJsonObject("user").getString("id"))
                    .isEqualTo(registered.getJsonObject("user").getString("id"));
            assertThat(answer.json().getString("refreshToken")).isNotEqualTo(registered.getString("refreshToken"));
            assertThat(edge.get("/api/auth/me", answer.json().getString("accessToken"))
                            .status())
                    .isEqualTo(200);
        }

        @Test
        void aWrongPasswordIs401() {
            String email = uniqueEmail("barbara");
            edge.register(email, PASSWORD, "Barbara");

            assertProblem(login(email, PASSWORD + "!"), 401, "unauthorized");
        }

        @Test
        void anUnknownEmailIsTheSame401() {
            Answer unknown = login(uniqueEmail("nobody"), PASSWORD);

            assertProblem(unknown, 401, "unauthorized");
            String email = uniqueEmail("known");
            edge.register(email, PASSWORD, "Known");
            assertThat(unknown.json().getString("detail"))
                    .isEqualTo(login(email, "wrong password").json().getString("detail"));
        }

        @Test
        void anAdminEmailGainsTheAdminRoleAtLogin() throws Exception {
            String email = TestEdge.SECOND_ADMIN_EMAIL;
            edge.register(email, PASSWORD, "Second boss");
            assertThat(edge.verifyEmail(email).json().getJsonArray("roles")).contains("admin");
            try (Connection db = edge.jdbc()) {
                PreparedStatement demote = db.prepareStatement("update users set roles = '{user}' where email = ?");
                demote.setString(1, email);
                assertThat(demote.executeUpdate()).isEqualTo(1);
            }

            Answer answer = login(email, PASSWORD);

            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().getJsonObject("user").getJsonArray("roles"))
                    .containsExactly("user", "admin");
            try (Connection db = edge.jdbc()) {
                PreparedStatement roles = db.prepareStatement("select roles::text from users where email = ?");
                roles.setString(1, email);
                ResultSet row = roles.executeQuery();
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("{user,admin}");
            }
        }
    }

    @Nested
    class RefreshAndLogout {

        @Test
        void refreshRotatesThePair() throws Exception {
            JsonObject first = edge.register(uniqueEmail("rot"), PASSWORD, "Rot");

            Answer second = refresh(first.getString("refreshToken"));

            assertThat(second.status()).as(second.toString()).isEqualTo(200);
            assertThat(second.json().getString("refreshToken")).isNotEqualTo(first.getString("refreshToken"));
            assertThat(second.json().getJsonObject("user").getString("id"))
                    .isEqualTo(first.getJsonObject("user").getString("id"));
            assertThat(edge.get("/api/auth/me", second.json().getString("accessToken"))
                            .status())
                    .isEqualTo(200);
            try (Connection db = edge.jdbc()) {
                PreparedStatement rotated =
                        db.prepareStatement("select rotated_at is not null from refresh_tokens where token_hash = ?");
                rotated.setBytes(1, RefreshTokens.hash(first.getString("refreshToken")));
                ResultSet row = rotated.executeQuery();
                assertThat(row.next()).isTrue();
                assertThat(row.getBoolean(1)).isTrue();
            }
            assertThat(refresh(second.json().getString("refreshToken")).status())
                    .isEqualTo(200);
        }

        @Test
        void reusingARotatedTokenRevokesTheWholeFamily() {
            String email = uniqueEmail("thief");
            JsonObject first = edge.register(email, PASSWORD, "Victim");
            String stolen = first.getString("refreshToken");
            String newest = refresh(stolen).json().getString("refreshToken");
            String otherDevice = login(email, PASSWORD).json().getString("refreshToken");

            assertProblem(refresh(stolen), 401, "unauthorized");

            assertProblem(refresh(newest), 401, "unauthorized");
            assertThat(refresh(otherDevice).status())
                    .as("another sign-in is another family")
                    .isEqualTo(200);
        }

        @Test
        void logoutRevokesTheFamily() {
            JsonObject first = edge.register(uniqueEmail("bye"), PASSWORD, "Bye");
            String token = refresh(first.getString("refreshToken")).json().getString("refreshToken");

            Answer logout = edge.post("/api/auth/logout", new JsonObject().put("refreshToken", token));

            assertThat(logout.status()).as(logout.toString()).isEqualTo(204);
            assertThat(logout.body()).isEmpty();
            assertProblem(refresh(token), 401, "unauthorized");
        }

        @Test
        void logoutWithAnUnknownTokenChangesNothing() {
            assertThat(edge.post("/api/auth/logout", new JsonObject().put("refreshToken", RefreshTokens.generate()))
                            .status())
                    .isEqualTo(204);
        }

        @Test
        void anUnknownRefreshTokenIs401() {
            assertProblem(refresh(RefreshTokens.generate()), 401, "unauthorized");
        }
    }

    @Nested
    class Me {

        @Test
        void answersTheCallersAccount() {
            String email = uniqueEmail("me");
            JsonObject registered = edge.register(email, PASSWORD, "Me Myself");

            Answer me = edge.get("/api/auth/me", registered.getString("accessToken"));

            assertThat(me.status()).as(me.toString()).isEqualTo(200);
            assertThat(me.json()).isEqualTo(registered.getJsonObject("user"));
        }

        @Test
        void aHandMadeTokenWithTheRightKeyIsAccepted() {
            String id = edge.register(uniqueEmail("craft"), PASSWORD, "Craft")
                    .getJsonObject("user")
                    .getString("id");

            Answer me = edge.get("/api/auth/me", HandMadeJwt.hs256(HandMadeJwt.claims(id, 300), TestEdge.JWT_SECRET));

            assertThat(me.status())
                    .as("control for the refused tokens below: " + me)
                    .isEqualTo(200);
        }

        static Stream<Arguments> refusedTokens() {
            String id = UUID.randomUUID().toString();
            String secret = TestEdge.JWT_SECRET;
            JsonObject valid = HandMadeJwt.claims(id, 300);
            String genuine = HandMadeJwt.hs256(valid, secret);
            return Stream.of(
                    Arguments.of("no token", null),
                    Arguments.of("not a JWT", "not-a-token"),
                    Arguments.of("expired", HandMadeJwt.hs256(HandMadeJwt.claims(id, -3600), secret)),
                    Arguments.of(
                            "forged signature",
                            HandMadeJwt.withPayload(genuine, valid.copy().put("roles", new JsonArray().add("admin")))),
                    Arguments.of("alg none", HandMadeJwt.unsigned(valid)),
                    Arguments.of(
                            "alg none with the genuine signature",
                            HandMadeJwt.unsigned(valid) + genuine.split("\\.")[2]),
                    Arguments.of("wrong key", HandMadeJwt.hs256(valid, "another-secret-of-at-least-32-bytes!!")),
                    Arguments.of(
                            "wrong audience", HandMadeJwt.hs256(valid.copy().put("aud", "someone-else"), secret)),
                    Arguments.of("wrong issuer", HandMadeJwt.hs256(valid.copy().put("iss", "evil"), secret)),
                    Arguments.of(
                            "HS512 with the right key",
                            HandMadeJwt.hs256(
                                    new JsonObject().put("alg", "HS512").put("typ", "JWT"), valid, secret)),
                    Arguments.of("no subject", HandMadeJwt.hs256(valid.copy().put("sub", "not-a-uuid"), secret)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("refusedTokens")
        void refusesWith401Problem(String why, String token) {
            Answer answer = edge.get("/api/auth/me", token);

            assertProblem(answer, 401, "unauthorized");
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        }

        @Test
        void aNonBearerSchemeIs401() {
            Answer answer = edge.send(HttpRequest.newBuilder(edge.uri("/api/auth/me"))
                    .header("Authorization", "Basic dXNlcjpwYXNz")
                    .GET());

            assertProblem(answer, 401, "unauthorized");
        }
    }

    @Nested
    class Routing {

        @Test
        void unknownRoutesAre404Problems() {
            assertProblem(edge.get("/api/nothing-here"), 404, "not-found");
            assertProblem(edge.get("/api/auth/nothing-here"), 404, "not-found");
            assertProblem(edge.get("/nothing-here"), 404, "not-found");
        }

        @Test
        void aWrongMethodIsA405Problem() {
            assertProblem(edge.get("/api/auth/login"), 405, "method-not-allowed");
        }

        @Test
        void everyAnswerCarriesTheSecurityHeaders() {
            for (Answer answer : new Answer[] {
                edge.get("/health/live"), edge.get("/api/nothing-here"), login(uniqueEmail("h"), PASSWORD)
            }) {
                assertThat(answer.headers().firstValue("X-Content-Type-Options"))
                        .hasValue("nosniff");
                assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
                assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            }
        }
    }
}
