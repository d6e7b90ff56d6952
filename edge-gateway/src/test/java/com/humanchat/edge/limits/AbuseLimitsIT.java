package com.humanchat.edge.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.humanchat.edge.TestEdge;
import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.chat.TestSocket;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rate limits, the socket cap, CORS, security headers and request ids against a real edge with small limits. The
 * per-address burst comes from 127.0.0.2 so that the other tests (from 127.0.0.1) keep their sign-in budget.
 */
class AbuseLimitsIT {

    private static final int IP_AUTH_PER_MINUTE = 60;
    private static final int USER_PER_MINUTE = 60;
    private static final int FRAMES_PER_SECOND = 5;
    private static final int SOCKETS_PER_USER = 2;
    private static final String ALLOWED_ORIGIN = "https://app.example.com";

    private static TestEdge edge;

    @BeforeAll
    static void startEdge() {
        edge = TestEdge.start(
                AbuseLimitsIT.class.getSimpleName(),
                Map.of(
                        "HUMANCHAT_RATE_LIMIT_IP_AUTH_PER_MINUTE", Integer.toString(IP_AUTH_PER_MINUTE),
                        "HUMANCHAT_RATE_LIMIT_USER_PER_MINUTE", Integer.toString(USER_PER_MINUTE),
                        "HUMANCHAT_RATE_LIMIT_WS_FRAMES_PER_SECOND", Integer.toString(FRAMES_PER_SECOND),
                        "HUMANCHAT_WS_MAX_SOCKETS_PER_USER", Integer.toString(SOCKETS_PER_USER),
                        "HUMANCHAT_CORS_ORIGINS", ALLOWED_ORIGIN + ", https://other.example.com"));
    }

    @AfterAll
    static void stopEdge() {
        if (edge != null) {
            edge.close();
        }
    }

    @Test
    void throttlesSignInAttemptsPerAddressAndRecovers() throws Exception {
        HttpClient fromOtherAddress = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName("127.0.0.2"))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        // An invalid body is refused cheaply (400, no password hashing) but still costs a token: the limit is checked
        // before the body is validated, so the burst outpaces the refill even on a slow machine.
        String attempt = "{}";

        HttpResponse<String> refused = null;
        for (int i = 0; i < IP_AUTH_PER_MINUTE * 5 && refused == null; i++) {
            HttpResponse<String> answer = fromOtherAddress.send(login(attempt), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 429) {
                refused = answer;
            }
        }

        assertThat(refused).as("a burst of logins from one address is refused").isNotNull();
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 60L);
        JsonObject problem = new JsonObject(refused.body());
        assertThat(problem.getInteger("status")).isEqualTo(429);
        assertThat(problem.getString("type")).endsWith("/rate-limited");
        // Another address is not affected.
        assertThat(edge.post("/api/auth/login", attempt).status()).isEqualTo(400);
        // Tokens refill (one per second at 60 per minute).
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(fromOtherAddress
                                .send(login(attempt), HttpResponse.BodyHandlers.ofString())
                                .statusCode())
                        .isEqualTo(400));
        assertThat(refusedCount("address_sign_in")).isPositive();
    }

    @Test
    void throttlesRequestsPerUser() {
        String token = edge.register(TestEdge.uniqueEmail("busy"), "password of a busy user", "Busy")
                .getString("accessToken");
        String otherToken = edge.register(TestEdge.uniqueEmail("calm"), "password of a calm user", "Calm")
                .getString("accessToken");

        Answer refused = null;
        for (int i = 0; i < USER_PER_MINUTE * 5 && refused == null; i++) {
            Answer answer = edge.get("/api/auth/me", token);
            if (answer.status() == 429) {
                refused = answer;
            }
        }

        assertThat(refused).as("a burst of one user's requests is refused").isNotNull();
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(edge.get("/api/auth/me", otherToken).status()).isEqualTo(200);
        assertThat(refusedCount("user_requests")).isPositive();
    }

    @Test
    void answersAFrameFloodWithRateLimitedAndKeepsTheSocket() {
        String token = edge.register(TestEdge.uniqueEmail("flood"), "password of a flooder", "Flood")
                .getString("accessToken");
        try (TestSocket socket =
                TestSocket.connect(edge.edge().vertx(), edge.edge().port(), token, null)) {
            socket.awaitFrame("hello", new JsonObject());

            for (int i = 0; i < FRAMES_PER_SECOND * 20; i++) {
                socket.send(new JsonObject().put("type", "ping"));
            }

            JsonObject error = socket.awaitFrame("error", new JsonObject().put("code", "rate_limited"));
            assertThat(error.getString("message")).contains("frames per second");
            assertThat(socket.frames("pong").size()).isLessThan(FRAMES_PER_SECOND * 20);
            int pongs = socket.frames("pong").size();
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        socket.send(new JsonObject().put("type", "ping"));
                        assertThat(socket.frames("pong").size()).isGreaterThan(pongs);
                    });
            assertThat(socket.isClosed()).isFalse();
        }
        assertThat(refusedCount("ws_frames")).isPositive();
    }

    @Test
    void refusesASocketOverThePerUserCap() {
        String token = edge.register(TestEdge.uniqueEmail("tabs"), "password of many tabs", "Tabs")
                .getString("accessToken");
        TestSocket first = TestSocket.connect(edge.edge().vertx(), edge.edge().port(), token, null);
        try (TestSocket second =
                TestSocket.connect(edge.edge().vertx(), edge.edge().port(), token, null)) {
            second.awaitFrame("hello", new JsonObject());

            assertThatThrownBy(() ->
                            TestSocket.connect(edge.edge().vertx(), edge.edge().port(), token, null))
                    .rootCause()
                    .isInstanceOfSatisfying(UpgradeRejectedException.class, e -> assertThat(e.getStatus())
                            .isEqualTo(429));
            assertThat(refusedCount("ws_sockets")).isPositive();

            first.close();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                try (TestSocket again =
                        TestSocket.connect(edge.edge().vertx(), edge.edge().port(), token, null)) {
                    again.awaitFrame("hello", new JsonObject());
                }
            });
        } finally {
            first.close();
        }
    }

    @Test
    void allowsCrossOriginRequestsOnlyFromTheAllowList() {
        Answer allowed = edge.send(preflight(ALLOWED_ORIGIN));
        Answer other = edge.send(preflight("https://evil.example.com"));

        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(ALLOWED_ORIGIN);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void setsSecurityHeadersAndARequestId() {
        Answer answer = edge.get("/health/live");
        String host = "127.0.0.1:" + edge.edge().port();

        assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'")
                .contains("connect-src 'self' https://api.stripe.com ws://" + host + " wss://" + host + " "
                        + ALLOWED_ORIGIN + " wss://" + ALLOWED_ORIGIN.substring("https://".length())
                        + " https://other.example.com")
                .doesNotContainPattern("(?<![a-z])wss?:(?!//)")
                .contains("frame-ancestors 'none'"));
        assertThat(answer.headers().firstValue("Strict-Transport-Security"))
                .contains("max-age=31536000; includeSubDomains");
        assertThat(answer.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).isNotBlank());
        assertThat(edge.get("/health/live").headers().firstValue("X-Request-Id"))
                .isNotEqualTo(answer.headers().firstValue("X-Request-Id"));
    }

    @Test
    void echoesASuppliedRequestIdInTheHeaderAndTheProblem() {
        Answer answer = edge.send(HttpRequest.newBuilder(edge.uri("/api/no-such-thing"))
                .header("X-Request-Id", "client-chosen.id:42")
                .GET());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.headers().firstValue("X-Request-Id")).contains("client-chosen.id:42");
        assertThat(answer.json().getString("requestId")).isEqualTo("client-chosen.id:42");
    }

    @Test
    void replacesAMalformedRequestId() {
        Answer answer = edge.send(HttpRequest.newBuilder(edge.uri("/health/live"))
                .header("X-Request-Id", "<script>alert(1)</script>")
                .GET());

        Optional<String> id = answer.headers().firstValue("X-Request-Id");
        assertThat(id).isPresent();
        assertThat(id.get()).doesNotContain("<").matches("[0-9a-f-]{36}");
    }

    private HttpRequest login(String body) {
        return HttpRequest.newBuilder(edge.uri("/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static HttpRequest.Builder preflight(String origin) {
        return HttpRequest.newBuilder(edge.uri("/api/auth/me"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization");
    }

    /** {@code humanchat.limits.refused{limit}} as the edge exports it on /metrics. */
    private static double refusedCount(String limit) {
        String prefix = "humanchat_limits_refused_total{limit=\"" + limit + "\"";
        return edge.opsGet("/metrics")
                .body()
                .lines()
                .filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
