package com.humanchat.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the packaged standalone ({@link LaunchedStandalone}) from the outside: readiness, then the shared contract
 * smoke ({@code ../shared/contract-smoke/smoke.mjs}) run by Node, then — with the smoke's traffic behind it — that
 * every metric the Grafana dashboard and the alerts query is really exported.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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
    @Order(1)
    void isReadyOnceItPrintsItsUrl() throws Exception {
        HttpResponse<String> ready = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void passesTheSharedContractSmoke() throws Exception {
        Path smoke = Path.of("..", "..", "shared", "contract-smoke", "smoke.mjs")
                .toAbsolutePath()
                .normalize();
        assumeTrue(Files.exists(smoke), "LOUD SKIP: no contract smoke at " + smoke);
        assumeTrue(nodeAvailable(), "LOUD SKIP: node is not installed; the contract smoke needs Node.js 20+");

        Process node = new ProcessBuilder("node", "--experimental-websocket", smoke.toString(), baseUrl)
                .redirectErrorStream(true)
                .start();
        boolean finished = node.waitFor(120, TimeUnit.SECONDS);
        String output = new String(node.getInputStream().readAllBytes());

        assertThat(finished).as("smoke finished in time:\n%s", output).isTrue();
        assertThat(node.exitValue()).as("smoke output:\n%s", output).isZero();
        assertThat(output).contains(" 0 failed").doesNotContain("FAIL ");
    }

    @Test
    @Order(3)
    void exportsEveryMetricTheDashboardAndTheAlertsQuery() throws Exception {
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

    private static Set<String> exportedMetrics() throws IOException, InterruptedException {
        String scrape = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/metrics"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return scrape.lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toSet());
    }

    private static boolean nodeAvailable() {
        try {
            return new ProcessBuilder("node", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
