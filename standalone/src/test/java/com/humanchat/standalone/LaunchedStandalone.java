package com.humanchat.standalone;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The packaged standalone launched the way {@code ./humanchat start} does: a child JVM on
 * {@code target/standalone.jar:target/lib/*}, configured only by environment variables, embedded servers in
 * {@code dataDir}. {@link #start} returns once it printed its URL.
 */
final class LaunchedStandalone implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final String baseUrl;
    private final String opsUrl;

    private LaunchedStandalone(Process process, Path log, String baseUrl, String opsUrl) {
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
        this.opsUrl = opsUrl;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static LaunchedStandalone start(Path dataDir, int port, String logName) throws IOException {
        String baseUrl = "http://127.0.0.1:" + port;
        int opsPort = freePort();
        Files.createDirectories(dataDir);
        Path log = dataDir.resolveSibling(logName);
        Path target = Path.of("target").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                target.resolve("standalone.jar") + File.pathSeparator + target.resolve("lib") + File.separator + "*",
                HumanChatStandalone.class.getName());
        builder.environment().put("HUMANCHAT_HTTP_PORT", Integer.toString(port));
        builder.environment().put("HUMANCHAT_OPS_HTTP_PORT", Integer.toString(opsPort));
        builder.environment().put("HUMANCHAT_DATA_DIR", dataDir.toString());
        List.of("HUMANCHAT_KAFKA_BOOTSTRAP", "HUMANCHAT_PG_URL", "HUMANCHAT_REDIS_URL", "HUMANCHAT_JWT_SECRET")
                .forEach(builder.environment()::remove);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        LaunchedStandalone standalone =
                new LaunchedStandalone(builder.start(), log, baseUrl, "http://127.0.0.1:" + opsPort);
        Awaitility.await("standalone up (log: " + log + ")")
                .atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!standalone.process.isAlive()) {
                        throw new AssertionError("standalone exited early:\n" + Files.readString(log));
                    }
                    return Files.readString(log).contains("HumanChat is up at " + baseUrl);
                });
        return standalone;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** The edge's ops port: {@code /metrics} (every in-process service's meters) and the detailed health. */
    String opsUrl() {
        return opsUrl;
    }

    /** Stops it the way Ctrl-C or a service manager does (SIGTERM, shutdown hook), waiting for the JVM to exit. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
