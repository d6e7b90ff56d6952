package com.humanchat.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Launches the packaged standalone the way {@code ./humanchat start} does (a child JVM on
 * {@code target/standalone.jar:target/lib/*}, configured only by environment variables) and checks it from the
 * outside: readiness, then the shared contract smoke ({@code ../shared/contract-smoke/smoke.mjs}) run by Node.
 */
class ContractSmokeIT {

    @TempDir
    static Path dataDir;

    private static Process standalone;
    private static Path log;
    private static String baseUrl;

    @BeforeAll
    static void launchStandalone() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        baseUrl = "http://127.0.0.1:" + port;
        log = dataDir.resolve("standalone.log");
        Path target = Path.of("target").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                java,
                "-Xmx1g",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                target.resolve("standalone.jar") + File.pathSeparator + target.resolve("lib") + File.separator + "*",
                HumanChatStandalone.class.getName());
        builder.environment().put("HUMANCHAT_HTTP_PORT", Integer.toString(port));
        builder.environment().put("HUMANCHAT_DATA_DIR", dataDir.resolve("var").toString());
        List.of("HUMANCHAT_KAFKA_BOOTSTRAP", "HUMANCHAT_PG_URL", "HUMANCHAT_REDIS_URL", "HUMANCHAT_JWT_SECRET")
                .forEach(builder.environment()::remove);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        standalone = builder.start();

        Awaitility.await("standalone up (log: " + log + ")")
                .atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!standalone.isAlive()) {
                        throw new AssertionError("standalone exited early:\n" + Files.readString(log));
                    }
                    return Files.readString(log).contains("HumanChat is up at " + baseUrl);
                });
    }

    @AfterAll
    static void stopStandalone() throws InterruptedException {
        if (standalone != null) {
            standalone.destroy();
            if (!standalone.waitFor(30, TimeUnit.SECONDS)) {
                standalone.destroyForcibly();
            }
        }
    }

    @Test
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

    private static boolean nodeAvailable() {
        try {
            return new ProcessBuilder("node", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
