package com.humanchat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the packaged standalone ({@link LaunchedStandalone}) from the outside, the way a client sees it: readiness,
 * the message path's field names, status codes and frame types (DESIGN.md), and that every metric the Grafana
 * dashboard and the alerts query is really exported on the ops port (never the public one) once traffic has gone
 * through. Each test makes its own users and
 * traffic, so none depends on another having run.
 */
class ContractSmokeIT {

    /** Metric names in PromQL: ours, Vert.x's, the JVM's and the process's. */
    private static final Pattern METRIC = Pattern.compile("\\b(?:humanchat|vertx|jvm|process)_[a-z_]+");

    /**
     * Exported only by the payments worker, which the standalone runs only with Stripe keys; PaymentsWorkerIT checks
     * its counters.
     */
    private static final String PAYMENTS_ONLY = "humanchat_payments_";

    @TempDir
    static Path dataDir;

    private static LaunchedStandalone standalone;
    private static String baseUrl;

    @BeforeAll
    static void launchStandalone() throws Exception {
        standalone = LaunchedStandalone.start(dataDir.resolve("var"), LaunchedStandalone.freePort(), "standalone.log");
        baseUrl = standalone.baseUrl();
    }

    @AfterAll
    static void stopStandalone() throws InterruptedException {
        if (standalone != null) {
            standalone.close();
        }
    }

    @Test
    void isReadyOnceItPrintsItsUrl() throws Exception {
        HttpResponse<String> ready = PlatformClient.get(baseUrl + "/health/ready", null);

        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    }

    @Test
    void registerAnswers201WithAnAccessTokenAndTheUser() throws Exception {
        HttpResponse<String> registered = PlatformClient.post(
                baseUrl + "/api/auth/register",
                null,
                new JsonObject()
                        .put("email", "smoke-" + UUID.randomUUID() + "@example.test")
                        .put("password", "a long enough password")
                        .put("displayName", "smoke"));

        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonObject body = new JsonObject(registered.body());
        assertThat(body.getString("accessToken")).isNotBlank();
        assertThat(body.getJsonObject("user").getString("id")).isNotBlank();
    }

    @Test
    void aMessageReachesTheOtherMembersSocketWithItsUnreadCountAndStaysInHistory() throws Exception {
        PlatformClient.User alice = PlatformClient.register(baseUrl, "smoke-a");
        PlatformClient.User bob = PlatformClient.register(baseUrl, "smoke-b");
        HttpResponse<String> created = PlatformClient.post(
                baseUrl + "/api/conversations",
                alice.token(),
                new JsonObject().put("participantIds", new JsonArray().add(bob.id())));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String conversationId = new JsonObject(created.body()).getString("conversationId");
        assertThat(conversationId).isNotBlank();
        PlatformClient.Socket bobSocket = PlatformClient.connect(baseUrl, bob.token());
        JsonObject hello = bobSocket.await("hello frame", f -> PlatformClient.isType(f, "hello"));
        assertThat(hello.getString("userId")).isEqualTo(bob.id());

        HttpResponse<String> sent = PlatformClient.sendMessage(baseUrl, alice.token(), conversationId, "hi");

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        assertThat(new JsonObject(sent.body()).getLong("seq")).isEqualTo(1L);
        JsonObject message = bobSocket
                .await("message.new", f -> PlatformClient.isType(f, "message.new"))
                .getJsonObject("message");
        assertThat(message.getLong("seq")).isEqualTo(1L);
        assertThat(message.getString("senderId")).isEqualTo(alice.id());
        assertThat(message.getString("content")).isEqualTo("hi");
        JsonObject unread = bobSocket.await(
                "unread of the conversation",
                f -> PlatformClient.isType(f, "unread") && conversationId.equals(f.getString("conversationId")));
        assertThat(unread.getInteger("unreadCount")).isEqualTo(1);
        assertThat(unread.getInteger("totalUnread")).isEqualTo(1);
        JsonArray history = PlatformClient.awaitHistory(baseUrl, bob.token(), conversationId, 1);
        assertThat(history.getJsonObject(0).getLong("seq")).isEqualTo(1L);
        bobSocket.close();
    }

    @Test
    void keepsMetricsOffThePublicPort() throws Exception {
        assertThat(PlatformClient.get(baseUrl + "/metrics", null).statusCode()).isEqualTo(404);
    }

    @Test
    void malformedJsonIsA400Problem() throws Exception {
        PlatformClient.User alice = PlatformClient.register(baseUrl, "smoke-bad-input");

        HttpResponse<String> bad = PlatformClient.postRaw(baseUrl + "/api/conversations", alice.token(), "{oops");

        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(new JsonObject(bad.body()).getString("detail")).isNotBlank();
    }

    @Test
    void exportsEveryMetricTheDashboardAndTheAlertsQueryOnceTrafficWentThrough() throws Exception {
        PlatformClient.User alice = PlatformClient.register(baseUrl, "metrics-a");
        PlatformClient.User bob = PlatformClient.register(baseUrl, "metrics-b");
        String conversationId = PlatformClient.openConversation(baseUrl, alice.token(), bob.id());
        assertThat(PlatformClient.sendMessage(baseUrl, alice.token(), conversationId, "traffic")
                        .statusCode())
                .isEqualTo(201);
        PlatformClient.awaitHistory(baseUrl, bob.token(), conversationId, 1);
        Path chartFiles = Path.of("..", "helm", "humanchat", "files");
        Set<String> queried = new TreeSet<>();
        for (String file : List.of("grafana-dashboard.json", "prometheus-rules.yaml")) {
            Matcher names = METRIC.matcher(Files.readString(chartFiles.resolve(file)));
            while (names.find()) {
                queried.add(names.group());
            }
        }
        queried.removeIf(name -> name.startsWith(PAYMENTS_ONLY));
        assertThat(queried).hasSizeGreaterThan(25);
        // Meters fed by periodic reads (the consumer groups' lag, read from the broker every 15 s) appear a little
        // after the traffic that gives them something to report.
        Awaitility.await("every queried metric exported")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(exportedMetrics())
                        .as("metrics exported by the standalone")
                        .containsAll(queried));
    }

    private static Set<String> exportedMetrics() throws Exception {
        return PlatformClient.get(standalone.opsUrl() + "/metrics", null)
                .body()
                .lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toSet());
    }
}
