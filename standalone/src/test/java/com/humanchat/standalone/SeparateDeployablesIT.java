package com.humanchat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.edge.EdgeMain;
import com.humanchat.infra.embedded.DatabaseCoordinates;
import com.humanchat.infra.embedded.SharedTestInfra;
import com.humanchat.migrations.Migrate;
import com.humanchat.streams.app.DomainStreamsMain;
import com.humanchat.streams.projector.ProjectorMain;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
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
                .until(() -> get(edge + "/health/ready", null).statusCode() == 200);
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
        JsonObject alice = register(edgeA, "alice");
        JsonObject bob = register(edgeB, "bob");
        String aliceToken = alice.getString("accessToken");
        String bobId = bob.getJsonObject("user").getString("id");
        List<JsonObject> bobFrames = new CopyOnWriteArrayList<>();
        WebSocket bobSocket = connect(edgeB, bob.getString("accessToken"), bobFrames);

        String id = openConversation(edgeA, aliceToken, bobId);
        HttpResponse<String> sent = post(
                edgeA + "/api/conversations/" + id + "/messages",
                aliceToken,
                new JsonObject().put("clientMessageId", "m-1").put("content", "across replicas"));

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        assertThat(new JsonObject(sent.body()).getLong("seq")).isEqualTo(1L);
        Awaitility.await("message.new on replica B")
                .atMost(Duration.ofSeconds(20))
                .until(() -> bobFrames.stream()
                        .anyMatch(f -> "message.new".equals(f.getString("type"))
                                && "across replicas"
                                        .equals(f.getJsonObject("message").getString("content"))));
        Awaitility.await("history projected by the projector process")
                .atMost(Duration.ofSeconds(20))
                .until(() -> new JsonObject(get(
                                                edgeB + "/api/conversations/" + id + "/messages",
                                                bob.getString("accessToken"))
                                        .body())
                                .getJsonArray("items")
                                .size()
                        == 1);
        bobSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
    }

    @Test
    void theUsersOfAKilledReplicaArePushedOfflineWithinThePresenceTtl() throws Exception {
        EdgeReplica replicaC = launchEdge("edge-c");
        String edgeC = replicaC.url();
        awaitReady(edgeC);
        JsonObject alice = register(edgeA, "alice");
        JsonObject carol = register(edgeC, "carol");
        String carolId = carol.getJsonObject("user").getString("id");
        openConversation(edgeA, alice.getString("accessToken"), carolId);
        List<JsonObject> aliceFrames = new CopyOnWriteArrayList<>();
        WebSocket aliceSocket = connect(edgeA, alice.getString("accessToken"), aliceFrames);
        connect(edgeC, carol.getString("accessToken"), new CopyOnWriteArrayList<>());
        Awaitility.await("carol online on replica A")
                .atMost(Duration.ofSeconds(20))
                .until(() -> aliceFrames.stream().anyMatch(f -> isPresence(f, carolId, "online")));

        replicaC.process().destroyForcibly(); // SIGKILL: no socket is closed, no key is deleted
        long killedAt = System.nanoTime();
        assertThat(replicaC.process().waitFor(10, TimeUnit.SECONDS)).isTrue();

        Awaitility.await("carol pushed offline to alice")
                .atMost(PRESENCE_TTL.plusSeconds(3))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> aliceFrames.stream().anyMatch(f -> isPresence(f, carolId, "offline")));
        assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(PRESENCE_TTL.plusSeconds(3));
        JsonObject profile = new JsonObject(get(edgeA + "/api/users/" + carolId, alice.getString("accessToken"))
                .body());
        assertThat(profile.getJsonObject("presence").getString("status")).isEqualTo("offline");
        aliceSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
    }

    private static boolean isPresence(JsonObject frame, String userId, String status) {
        return "presence".equals(frame.getString("type"))
                && userId.equals(frame.getString("userId"))
                && status.equals(frame.getString("status"));
    }

    private static WebSocket connect(String edge, String token, List<JsonObject> frames) throws Exception {
        return HTTP.newWebSocketBuilder()
                .buildAsync(
                        URI.create(edge.replace("http", "ws") + "/ws?access_token=" + token),
                        new FrameCollector(frames))
                .get(30, TimeUnit.SECONDS);
    }

    /** The first create may wait for the Streams app to finish joining its group: retried until it is answered. */
    private static String openConversation(String edge, String token, String otherUserId) {
        String created = Awaitility.await("conversation created")
                .atMost(Duration.ofSeconds(90))
                .until(
                        () -> post(
                                edge + "/api/conversations",
                                token,
                                new JsonObject().put("participantIds", new JsonArray().add(otherUserId))),
                        response -> response.statusCode() == 201 || response.statusCode() == 200)
                .body();
        return new JsonObject(created).getString("conversationId");
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

    private static JsonObject register(String edge, String name) throws Exception {
        HttpResponse<String> response = post(
                edge + "/api/auth/register",
                null,
                new JsonObject()
                        .put("email", name + "-" + UUID.randomUUID() + "@example.com")
                        .put("password", "a long enough password")
                        .put("displayName", name));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new JsonObject(response.body());
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String token, JsonObject body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Collects whole text frames as JSON. */
    private record FrameCollector(List<JsonObject> frames, StringBuilder partial) implements WebSocket.Listener {

        FrameCollector(List<JsonObject> frames) {
            this(frames, new StringBuilder());
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(new JsonObject(partial.toString()));
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }
}
