package com.humanchat.edge.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.edge.TestEdge;
import com.humanchat.edge.TestHttp.Answer;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 23, finding 4, against two edge replicas sharing one database and one embedded Redis: the sign-in limits see
 * the client behind a trusted proxy (and only behind one), are counted across replicas, and an account that keeps
 * failing is locked with a growing backoff, even for the right password.
 */
class SignInLimitsIT {

    private static final int PER_ADDRESS = 6;
    private static final int LOCKOUT_FAILURES = 3;
    private static final int FIRST_LOCK_SECONDS = 60;
    private static final String PASSWORD = "the right password, long enough";

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private static TestEdge edgeA;
    private static TestEdge edgeB;

    @BeforeAll
    static void startTwoReplicas() {
        edgeA = TestEdge.start(
                SignInLimitsIT.class.getSimpleName(),
                Map.of(
                        "HUMANCHAT_RATE_LIMIT_IP_AUTH_PER_MINUTE", Integer.toString(PER_ADDRESS),
                        "HUMANCHAT_TRUSTED_PROXIES", "127.0.0.1/32",
                        "HUMANCHAT_SIGN_IN_LOCKOUT_FAILURES", Integer.toString(LOCKOUT_FAILURES),
                        "HUMANCHAT_SIGN_IN_LOCKOUT_SECONDS", Integer.toString(FIRST_LOCK_SECONDS),
                        "HUMANCHAT_SIGN_IN_LOCKOUT_MAX_SECONDS", "3600"));
        edgeB = edgeA.replica("sign-in-limits-b");
    }

    @AfterAll
    static void stopReplicas() {
        if (edgeB != null) {
            edgeB.close();
        }
        if (edgeA != null) {
            edgeA.close();
        }
    }

    @Test
    void oneClientBehindTheProxyCannotSpendEveryoneElsesSignInBudget() {
        String greedy = uniqueClient();
        for (int i = 0; i < PER_ADDRESS; i++) {
            assertThat(login(edgeA, "{}", greedy).status())
                    .as("attempt %d", i + 1)
                    .isEqualTo(400);
        }
        Answer refused = login(edgeA, "{}", greedy);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().getString("type")).endsWith("/rate-limited");

        // today's edge keyed the budget on the TCP peer (the proxy): everyone behind it was refused too
        assertThat(login(edgeA, "{}", uniqueClient()).status()).isEqualTo(400);
    }

    @Test
    void readsTheClientRightMostAndIgnoresWhatItForgedOnTheLeft() {
        String client = uniqueClient();
        for (int i = 0; i < PER_ADDRESS; i++) {
            // a fresh forged address on the left each time buys nothing: our proxy appended the real one
            assertThat(login(edgeA, "{}", uniqueClient() + ", " + client).status())
                    .isEqualTo(400);
        }
        assertThat(login(edgeA, "{}", uniqueClient() + ", " + client).status()).isEqualTo(429);
    }

    @Test
    void ignoresForwardedForFromAPeerThatIsNotATrustedProxy() throws Exception {
        HttpClient untrusted = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName("127.0.0.3"))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        int refused = 0;
        for (int i = 0; i <= PER_ADDRESS; i++) {
            HttpRequest attempt = HttpRequest.newBuilder(edgeA.uri("/api/auth/login"))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", uniqueClient())
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build();
            if (untrusted.send(attempt, HttpResponse.BodyHandlers.ofString()).statusCode() == 429) {
                refused++;
            }
        }
        assertThat(refused)
                .as("a forged X-Forwarded-For from an untrusted peer is ignored")
                .isEqualTo(1);
    }

    @Test
    void countsTheAddressBudgetAcrossReplicas() {
        String client = uniqueClient();
        for (int i = 0; i < PER_ADDRESS; i++) {
            assertThat(login(i % 2 == 0 ? edgeA : edgeB, "{}", client).status()).isEqualTo(400);
        }
        assertThat(login(edgeA, "{}", client).status()).isEqualTo(429);
        assertThat(login(edgeB, "{}", client).status()).isEqualTo(429);
    }

    @Test
    void locksTheAccountAcrossReplicasAndRefusesEvenTheRightPassword() {
        String email = registered();
        for (int i = 0; i < LOCKOUT_FAILURES; i++) {
            assertThat(signIn(i % 2 == 0 ? edgeA : edgeB, email, "a wrong guess " + i)
                            .status())
                    .isEqualTo(401);
        }

        Answer locked = signIn(edgeB, email, PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.contentType()).startsWith("application/problem+json");
        assertThat(locked.json().getString("type")).endsWith("/sign-in-locked");
        assertThat(locked.json().getString("detail")).contains("even with the right password");
        long firstLock =
                Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
        assertThat(firstLock).isBetween(FIRST_LOCK_SECONDS - 10L, (long) FIRST_LOCK_SECONDS);
        assertThat(signIn(edgeA, email, PASSWORD).status()).isEqualTo(429);

        // the lock runs out (its key expires), and the next failure locks for twice as long
        lockRunsOut(email);
        assertThat(signIn(edgeA, email, "yet another wrong guess").status()).isEqualTo(401);
        Answer lockedLonger = signIn(edgeB, email, PASSWORD);
        assertThat(lockedLonger.status()).isEqualTo(429);
        assertThat(Long.parseLong(
                        lockedLonger.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(2L * FIRST_LOCK_SECONDS - 10, 2L * FIRST_LOCK_SECONDS);
    }

    @Test
    void aSuccessfulSignInForgetsTheFailures() {
        String email = registered();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < LOCKOUT_FAILURES - 1; i++) {
                assertThat(signIn(edgeA, email, "wrong " + i).status()).isEqualTo(401);
            }
            assertThat(signIn(edgeB, email, PASSWORD).status())
                    .as("round %d", round)
                    .isEqualTo(200);
        }
    }

    @Test
    void locksOneAccountWithoutTouchingAnother() {
        String victim = registered();
        String bystander = registered();
        for (int i = 0; i < LOCKOUT_FAILURES; i++) {
            signIn(edgeA, victim, "wrong " + i);
        }

        assertThat(signIn(edgeA, victim, PASSWORD).status()).isEqualTo(429);
        assertThat(signIn(edgeA, bystander, PASSWORD).status()).isEqualTo(200);
    }

    /** Time passing, without waiting a minute: the lock's key expires. */
    private static void lockRunsOut(String email) {
        edgeA.edge()
                .services()
                .redis()
                .send(Request.cmd(Command.DEL).arg(SignInLockout.lockKey(SignInLockout.accountKey(email))))
                .await();
    }

    private static String registered() {
        String email = TestEdge.uniqueEmail("lockout");
        Answer created = login(
                edgeA,
                "/api/auth/register",
                TestEdge.registration(email, PASSWORD, "Locked").encode(),
                uniqueClient());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return email;
    }

    /** Each sign-in from its own client address, so that only the account lockout decides. */
    private static Answer signIn(TestEdge edge, String email, String password) {
        return login(
                edge,
                new JsonObject().put("email", email).put("password", password).encode(),
                uniqueClient());
    }

    private static Answer login(TestEdge edge, String body, String forwardedFor) {
        return login(edge, "/api/auth/login", body, forwardedFor);
    }

    private static Answer login(TestEdge edge, String path, String body, String forwardedFor) {
        return edge.send(HttpRequest.newBuilder(edge.uri(path))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A new client address (from the benchmarking block 198.18.0.0/15, which no other test uses). */
    private static String uniqueClient() {
        int n = CLIENTS.incrementAndGet();
        return "198.18." + (n / 256) + "." + (n % 256);
    }
}
