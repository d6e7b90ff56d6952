package com.humanchat.edge.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.edge.TestEdge;
import com.humanchat.edge.TestHttp.Answer;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two-factor sign-in over HTTP: enrol, confirm with the app's code (computed here from the secret, as an authenticator
 * app does), sign in with it; a wrong or replayed code is refused, wrong codes lock the account like wrong passwords,
 * recovery codes work once, admins are held to it when the platform requires it, and sign-ins are listed and revoked.
 */
class TwoFactorIT {

    private static final String PASSWORD = "a long enough password";
    private static final int LOCKOUT_FAILURES = 4;
    private static TestEdge edge;

    @BeforeAll
    static void startEdge() {
        edge = TestEdge.start(
                "TwoFactorIT",
                Map.of(
                        "HUMANCHAT_ADMIN_TWO_FACTOR_REQUIRED", "true",
                        "HUMANCHAT_SIGN_IN_LOCKOUT_FAILURES", Integer.toString(LOCKOUT_FAILURES),
                        "HUMANCHAT_SIGN_IN_LOCKOUT_SECONDS", "600"));
    }

    @AfterAll
    static void stopEdge() {
        if (edge != null) {
            edge.close();
        }
    }

    @Test
    void signInAsksForTheCodeAndRefusesAWrongOrReplayedOne() {
        Enrolled me = enrolled("replay");

        Answer withoutCode = login(me.email(), null);
        assertThat(withoutCode.status()).isEqualTo(401);
        assertThat(withoutCode.json().getString("type")).endsWith("/two-factor-required");
        Answer wrong = login(me.email(), wrongCode(me.secret()));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().getString("type")).endsWith("/invalid-two-factor-code");

        String code = codeAt(me.secret(), Instant.now().plusSeconds(30));
        Answer signedIn = login(me.email(), code);
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
        assertThat(signedIn.json().getString("accessToken")).isNotBlank();

        Answer replayed = login(me.email(), code);
        assertThat(replayed.status()).as("the same code twice").isEqualTo(401);
        assertThat(replayed.json().getString("type")).endsWith("/invalid-two-factor-code");
        Answer earlier = login(me.email(), codeAt(me.secret(), Instant.now()));
        assertThat(earlier.status())
                .as("a code of an earlier step than one already used")
                .isEqualTo(401);
    }

    @Test
    void wrongCodesLockTheAccountLikeWrongPasswords() {
        Enrolled me = enrolled("guesser");

        for (int i = 0; i < LOCKOUT_FAILURES; i++) {
            assertThat(login(me.email(), wrongCode(me.secret())).status()).isEqualTo(401);
        }

        Answer locked = login(me.email(), codeAt(me.secret(), Instant.now()));
        assertThat(locked.status()).as("even the right code, once locked").isEqualTo(429);
        assertThat(locked.json().getString("type")).endsWith("/sign-in-locked");
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void aRecoveryCodeSignsInOnce() {
        Enrolled me = enrolled("recovery");
        String recovery = me.recoveryCodes().getString(3);

        assertThat(login(me.email(), recovery.toUpperCase()).status()).isEqualTo(200);
        assertThat(login(me.email(), recovery).status()).as("spent").isEqualTo(401);
        assertThat(edge.get("/api/me/two-factor", me.token()).json().getInteger("recoveryCodesLeft"))
                .isEqualTo(9);
    }

    @Test
    void confirmingNeedsTheAppsCodeAndTurningOffNeedsACode() {
        JsonObject account = register("confirm");
        String token = account.getString("accessToken");
        JsonObject enrolment =
                post("/api/me/two-factor", token, new JsonObject()).json();
        assertThat(enrolment.getString("otpauthUri"))
                .startsWith("otpauth://totp/HumanChat:")
                .contains("secret=" + enrolment.getString("secret"), "issuer=HumanChat");

        Answer wrong = post(
                "/api/me/two-factor/confirm",
                token,
                new JsonObject().put("code", wrongCode(enrolment.getString("secret"))));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(edge.get("/api/me/two-factor", token).json().getBoolean("enabled"))
                .isFalse();
        assertThat(post("/api/me/two-factor/confirm", token, new JsonObject().put("code", "12"))
                        .status())
                .as("malformed")
                .isEqualTo(400);

        String secret = enrolment.getString("secret");
        assertThat(post(
                                "/api/me/two-factor/confirm",
                                token,
                                new JsonObject().put("code", codeAt(secret, Instant.now())))
                        .status())
                .isEqualTo(200);
        assertThat(post("/api/me/two-factor", token, new JsonObject()).status())
                .as("already on")
                .isEqualTo(409);
        assertThat(post("/api/me/two-factor/disable", token, new JsonObject().put("code", wrongCode(secret)))
                        .status())
                .isEqualTo(422);
        assertThat(post(
                                "/api/me/two-factor/disable",
                                token,
                                new JsonObject()
                                        .put(
                                                "code",
                                                codeAt(secret, Instant.now().plusSeconds(30))))
                        .status())
                .isEqualTo(204);
        assertThat(login(account.getJsonObject("user").getString("email"), null).status())
                .isEqualTo(200);
    }

    @Test
    void anAdminWithoutTwoFactorIsRefusedTheAdminRoutesUntilTheyEnrol() {
        JsonObject admin = register(TestEdge.ADMIN_EMAIL.toLowerCase(), "Boss");
        edge.verifyEmail(TestEdge.ADMIN_EMAIL.toLowerCase());
        String token = login(TestEdge.ADMIN_EMAIL, null).json().getString("accessToken");

        Answer refused = edge.get("/api/admin/users", token);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().getString("type")).endsWith("/two-factor-enrolment-required");

        String secret =
                post("/api/me/two-factor", token, new JsonObject()).json().getString("secret");
        post("/api/me/two-factor/confirm", token, new JsonObject().put("code", codeAt(secret, Instant.now())));
        assertThat(edge.get("/api/admin/users", token).status()).isEqualTo(200);
        assertThat(admin.getJsonObject("user").getString("id")).isNotBlank();
    }

    @Test
    void signInsAreListedAndRevokedByTheirOwnerOnly() {
        JsonObject account = register("devices");
        String email = account.getJsonObject("user").getString("email");
        JsonObject laptop = login(email, null).json();
        String phone = account.getString("accessToken");

        JsonObject listed = edge.get("/api/me/sessions", phone).json();
        assertThat(listed.getJsonArray("items")).hasSize(2);
        String laptopSession = listed.getJsonArray("items").stream()
                .map(JsonObject.class::cast)
                .filter(s -> !s.getBoolean("current"))
                .findFirst()
                .orElseThrow()
                .getString("id");

        JsonObject stranger = register("stranger");
        assertThat(delete("/api/me/sessions/" + laptopSession, stranger.getString("accessToken"))
                        .status())
                .as("another user's sign-in")
                .isEqualTo(404);
        assertThat(delete("/api/me/sessions/not-a-uuid", phone).status()).isEqualTo(400);

        assertThat(delete("/api/me/sessions/" + laptopSession, phone).status()).isEqualTo(204);
        assertThat(post(
                                "/api/auth/refresh",
                                null,
                                new JsonObject().put("refreshToken", laptop.getString("refreshToken")))
                        .status())
                .isEqualTo(401);
        assertThat(edge.get("/api/me/sessions", phone).json().getJsonArray("items"))
                .hasSize(1);
    }

    private record Enrolled(String email, String token, String secret, io.vertx.core.json.JsonArray recoveryCodes) {}

    private static Enrolled enrolled(String who) {
        JsonObject account = register(who);
        String token = account.getString("accessToken");
        String secret =
                post("/api/me/two-factor", token, new JsonObject()).json().getString("secret");
        Answer confirmed =
                post("/api/me/two-factor/confirm", token, new JsonObject().put("code", codeAt(secret, Instant.now())));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        return new Enrolled(
                account.getJsonObject("user").getString("email"),
                token,
                secret,
                confirmed.json().getJsonArray("recoveryCodes"));
    }

    private static JsonObject register(String who) {
        return register(TestEdge.uniqueEmail(who), who);
    }

    private static JsonObject register(String email, String name) {
        return edge.register(email, PASSWORD, name);
    }

    private static Answer login(String email, String code) {
        JsonObject body = new JsonObject().put("email", email).put("password", PASSWORD);
        if (code != null) {
            body.put("code", code);
        }
        return edge.post("/api/auth/login", body);
    }

    private static Answer post(String path, String token, JsonObject body) {
        return edge.send(HttpRequest.newBuilder(edge.uri(path))
                .header("Content-Type", "application/json")
                .headers(
                        token == null
                                ? new String[] {"Accept", "*/*"}
                                : new String[] {"Authorization", "Bearer " + token})
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())));
    }

    private static Answer delete(String path, String token) {
        return edge.send(HttpRequest.newBuilder(edge.uri(path))
                .header("Authorization", "Bearer " + token)
                .DELETE());
    }

    private static String codeAt(String secret, Instant at) {
        return AuthenticatorApp.code(secret, at);
    }

    /** A six-digit code that is none of the secret's codes around now. */
    private static String wrongCode(String secret) {
        Instant now = Instant.now();
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!code.equals(codeAt(secret, now.minusSeconds(30)))
                    && !code.equals(codeAt(secret, now))
                    && !code.equals(codeAt(secret, now.plusSeconds(30)))
                    && !code.equals(codeAt(secret, now.plusSeconds(60)))) {
                return code;
            }
        }
    }
}
