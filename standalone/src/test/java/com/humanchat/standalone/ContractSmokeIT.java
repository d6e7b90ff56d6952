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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the packaged standalone ({@link LaunchedStandalone}) from the outside: readiness, then the shared contract
 * smoke ({@code ../shared/contract-smoke/smoke.mjs}) run by Node.
 */
class ContractSmokeIT {

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
