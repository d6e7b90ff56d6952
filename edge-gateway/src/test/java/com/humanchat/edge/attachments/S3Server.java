package com.humanchat.edge.attachments;

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

/**
 * A real S3-compatible server for tests: Adobe's S3Mock (a Spring Boot application speaking the S3 REST API) run as
 * its own process from its executable jar, which the build copies to {@code target/s3mock/} ({@code pom.xml}). Its
 * Spring dependencies stay out of the edge's class path.
 */
final class S3Server implements AutoCloseable {

    static final String BUCKET = "humanchat-attachments";

    private final Process process;
    private final int port;

    private S3Server(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static S3Server start(Path workDir) throws Exception {
        Path jar = Path.of(System.getProperty("humanchat.s3mock.jar", "target/s3mock/s3mock.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no S3Mock jar at " + jar.toAbsolutePath() + ": run the build's"
                    + " pre-integration-test phase (mvn verify), which copies it there");
        }
        int httpPort = freePort();
        int httpsPort = freePort();
        Path log = workDir.resolve("s3mock.log");
        Process process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-jar",
                        jar.toAbsolutePath().toString(),
                        "--server.port=" + httpsPort,
                        "--com.adobe.testing.s3mock.http-port=" + httpPort,
                        "--http.port=" + httpPort,
                        "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
                        "--com.adobe.testing.s3mock.store.root=" + workDir.resolve("s3-root"),
                        "--com.adobe.testing.s3mock.max-payload-size=64MB"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        S3Server server = new S3Server(process, httpPort);
        server.awaitUp(log);
        return server;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private void awaitUp(Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock stopped: " + Files.readString(log));
            }
            try {
                HttpResponse<Void> bucket = http.send(
                        HttpRequest.newBuilder(URI.create(endpoint() + "/" + BUCKET))
                                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (bucket.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("S3Mock did not answer within 120 s: " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
