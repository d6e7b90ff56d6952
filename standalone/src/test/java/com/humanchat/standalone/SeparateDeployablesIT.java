package com.humanchat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.edge.EdgeMain;
import com.humanchat.infra.embedded.DatabaseCoordinates;
import com.humanchat.infra.embedded.SharedTestInfra;
import com.humanchat.migrations.Migrate;
import com.humanchat.streams.app.DomainStreamsMain;
import com.humanchat.streams.projector.ProjectorMain;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployables as they run in production: the migration step, the Streams app, the projector and two edge
 * replicas, each its own JVM from its own entry point, configured only by {@code HUMANCHAT_*} variables, sharing one
 * broker, PostgreSQL and Redis. A message sent through replica A reaches a socket on replica B.
 */
class SeparateDeployablesIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<Process> PROCESSES = new ArrayList<>();
    private static final Duration PRESENCE_TTL = Duration.ofSeconds(3);

    @TempDir
    static Path workDir;

    private static Map<String, String> env;
    private static String edgeA;
    private static String edgeB;

    @BeforeAll
    static void launchEveryDeployable() throws Exception {
        SharedTestInfra infra = SharedTestInfra.get();
        DatabaseCoordinates database = infra.newDatabase("deployables");
        env = new HashMap<>();
        env.put("HUMANCHAT_KAFKA_BOOTSTRAP", infra.kafkaBootstrap());
        env.put(
                "HUMANCHAT_PG_URL",
                database.password().isEmpty()
                        ? database.jdbcUrl()
                        : database.jdbcUrl() + "&password=" + database.password());
        env.put("HUMANCHAT_REDIS_URL", infra.redisUrl());
        env.put("HUMANCHAT_JWT_SECRET", "deployables-test-secret-" + UUID.randomUUID());
        env.put("HUMANCHAT_STREAMS_STATE_DIR", workDir.resolve("streams").toString());
        env.put("HUMANCHAT_KAFKA_PARTITIONS", "3");
        // Streams and projector share this host: each takes any free port for its /metrics and /health/*.
        env.put("HUMANCHAT_OPS_HTTP_PORT", "0");
        env.put("HUMANCHAT_PRESENCE_TTL_SECONDS", Long.toString(PRESENCE_TTL.toSeconds()));

        Process migrate = launch("migrate", Migrate.class, env);
        assertThat(migrate.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(migrate.exitValue()).as(Files.readString(log("migrate"))).isZero();

        launch("domain-streams", DomainStreamsMain.class, env);
        launch("projector", ProjectorMain.class, env);
        edgeA = launchEdge("edge-a").url();
        edgeB = launchEdge("edge-b").url();
        awaitReady(edgeA);
        awaitReady(edgeB);
    }

    private static void awaitReady(String edge) {
        Awaitility.await(edge + " ready")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> PlatformClient.get(edge + "/health/ready", null).statusCode() == 200);
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        for (Process process : PROCESSES) {
            process.destroy();
        }
        for (Process process : PROCESSES) {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void aMessageSentThroughOneReplicaReachesASocketOnTheOther() throws Exception {
        PlatformClient.User alice = PlatformClient.register(edgeA, "alice");
        PlatformClient.User bob = PlatformClient.register(edgeB, "bob");
        PlatformClient.Socket bobSocket = PlatformClient.connect(edgeB, bob.token());

        String id = PlatformClient.openConversation(edgeA, alice.token(), bob.id());
        HttpResponse<String> sent = PlatformClient.sendMessage(edgeA, alice.token(), id, "across replicas");

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        assertThat(new JsonObject(sent.body()).getLong("seq")).isEqualTo(1L);
        bobSocket.await(
                "message.new on replica B",
                f -> PlatformClient.isType(f, "message.new")
                        && "across replicas".equals(f.getJsonObject("message").getString("content")));
        assertThat(PlatformClient.awaitHistory(edgeB, bob.token(), id, 1)).hasSize(1);
        bobSocket.close();
    }

    @Test
    void theUsersOfAKilledReplicaArePushedOfflineWithinThePresenceTtl() throws Exception {
        EdgeReplica replicaC = launchEdge("edge-c");
        String edgeC = replicaC.url();
        awaitReady(edgeC);
        PlatformClient.User alice = PlatformClient.register(edgeA, "alice");
        PlatformClient.User carol = PlatformClient.register(edgeC, "carol");
        PlatformClient.openConversation(edgeA, alice.token(), carol.id());
        PlatformClient.Socket aliceSocket = PlatformClient.connect(edgeA, alice.token());
        PlatformClient.connect(edgeC, carol.token());
        aliceSocket.await("carol online on replica A", f -> isPresence(f, carol.id(), "online"));

        replicaC.process().destroyForcibly(); // SIGKILL: no socket is closed, no key is deleted
        long killedAt = System.nanoTime();
        assertThat(replicaC.process().waitFor(10, TimeUnit.SECONDS)).isTrue();

        Awaitility.await("carol pushed offline to alice")
                .atMost(PRESENCE_TTL.plusSeconds(3))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> aliceSocket.frames().stream().anyMatch(f -> isPresence(f, carol.id(), "offline")));
        assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(PRESENCE_TTL.plusSeconds(3));
        JsonObject profile = new JsonObject(PlatformClient.get(edgeA + "/api/users/" + carol.id(), alice.token())
                .body());
        assertThat(profile.getJsonObject("presence").getString("status")).isEqualTo("offline");
        aliceSocket.close();
    }

    private static boolean isPresence(JsonObject frame, String userId, String status) {
        return "presence".equals(frame.getString("type"))
                && userId.equals(frame.getString("userId"))
                && status.equals(frame.getString("status"));
    }

    private record EdgeReplica(String url, Process process) {}

    private static EdgeReplica launchEdge(String name) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> edgeEnv = new HashMap<>(env);
        edgeEnv.put("HUMANCHAT_HTTP_PORT", Integer.toString(port));
        edgeEnv.put("HUMANCHAT_REPLICA_ID", name);
        edgeEnv.put("HUMANCHAT_EDGE_INSTANCES", "1");
        return new EdgeReplica("http://127.0.0.1:" + port, launch(name, EdgeMain.class, edgeEnv));
    }

    private static Process launch(String name, Class<?> main, Map<String, String> env) throws IOException {
        Path target = Path.of("target").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                target.resolve("standalone.jar") + File.pathSeparator + target.resolve("lib") + File.separator + "*",
                main.getName());
        builder.environment().keySet().removeIf(key -> key.startsWith("HUMANCHAT_"));
        builder.environment().putAll(env);
        builder.redirectErrorStream(true).redirectOutput(log(name).toFile());
        Process process = builder.start();
        PROCESSES.add(process);
        return process;
    }

    private static Path log(String name) {
        return workDir.resolve(name + ".log");
    }
}
