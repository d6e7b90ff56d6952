package com.humanchat.chaos;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform as separate OS processes, each from its production entry point and configured only by
 * {@code HUMANCHAT_*} variables: a KRaft broker with a persistent log directory on a fixed port, the Streams app, the
 * projector and two edge replicas on fixed ports. PostgreSQL and Redis are given (the test JVM's embedded ones, or the
 * machine's). Any of the processes can be SIGKILLed and started again; each incarnation logs to its own file.
 */
final class ChaosCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChaosCluster.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /*
     * Entry points by name: the test JVM never loads the deployables' classes, it only launches them from the copies in
     * target/lib (a module re-installed into the local repository mid-run cannot pull a class out from under it).
     */
    private static final String MIGRATE_MAIN = "com.humanchat.migrations.Migrate";
    private static final String STREAMS_MAIN = "com.humanchat.streams.app.DomainStreamsMain";
    private static final String PROJECTOR_MAIN = "com.humanchat.streams.projector.ProjectorMain";
    private static final String EDGE_MAIN = "com.humanchat.edge.EdgeMain";

    static final String EDGE_A = "edge-a";
    static final String EDGE_B = "edge-b";

    private final Path workDir;
    private final Map<String, String> env;
    private final int brokerPort;
    private final Map<String, Integer> edgePorts = new LinkedHashMap<>();
    private final Map<String, Process> running = new HashMap<>();
    private final Map<String, Integer> incarnations = new HashMap<>();
    private final List<Process> everyProcess = new ArrayList<>();
    private Path streamsStateDir;

    ChaosCluster(Path workDir, String pgUrl, String redisUrl) {
        this.workDir = workDir;
        this.brokerPort = freePort();
        this.env = new HashMap<>();
        env.put("HUMANCHAT_KAFKA_BOOTSTRAP", bootstrap());
        env.put("HUMANCHAT_PG_URL", pgUrl);
        env.put("HUMANCHAT_REDIS_URL", redisUrl);
        env.put("HUMANCHAT_JWT_SECRET", "chaos-test-secret-that-is-long-enough-" + brokerPort);
        env.put("HUMANCHAT_KAFKA_PARTITIONS", "6");
        // One address registers every user and the driver's users send far more than a person: no throttling here.
        env.put("HUMANCHAT_RATE_LIMIT_IP_AUTH_PER_MINUTE", "1000000");
        env.put("HUMANCHAT_RATE_LIMIT_USER_PER_MINUTE", "1000000");
        env.put("HUMANCHAT_RATE_LIMIT_WS_FRAMES_PER_SECOND", "100000");
        env.put("HUMANCHAT_ACCESS_TOKEN_TTL_SECONDS", "86400");
        env.put("HUMANCHAT_EDGE_INSTANCES", "1");
        // The back-end deployables' operator ports (metrics, health) would all default to 8081 on one host.
        env.put("HUMANCHAT_OPS_HTTP_PORT", "0");
        edgePorts.put(EDGE_A, freePort());
        edgePorts.put(EDGE_B, freePort());
    }

    String bootstrap() {
        return "127.0.0.1:" + brokerPort;
    }

    String edgeUrl(String edge) {
        return "http://127.0.0.1:" + edgePorts.get(edge);
    }

    List<String> edges() {
        return List.copyOf(edgePorts.keySet());
    }

    boolean isRunning(String name) {
        Process process = running.get(name);
        return process != null && process.isAlive();
    }

    /** Broker, migrations, Streams app, projector, both edges; returns once both edges report ready. */
    void start() throws Exception {
        startBroker();
        Process migrate = launch("migrate", MIGRATE_MAIN, List.of(), env);
        if (!migrate.waitFor(180, TimeUnit.SECONDS) || migrate.exitValue() != 0) {
            throw new IllegalStateException("migrations failed: " + Files.readString(logOf("migrate", 1)));
        }
        startStreams();
        startProjector();
        for (String edge : edges()) {
            startEdge(edge);
        }
        for (String edge : edges()) {
            awaitEdgeReady(edge);
        }
    }

    void startBroker() {
        Path logDir = workDir.resolve("kafka-data");
        launch(
                "broker",
                BrokerMain.class.getName(),
                List.of(logDir.toString(), Integer.toString(brokerPort)),
                Map.of());
        awaitBrokerReady();
    }

    /**
     * A new Streams JVM. Every second incarnation keeps the state directory of the one before (a process restarted in
     * place, with RocksDB and checkpoints left by a SIGKILL); the others start from an empty one (a new pod, state
     * restored from the changelogs).
     */
    void startStreams() {
        int next = incarnations.getOrDefault("streams", 0) + 1;
        if (streamsStateDir == null || next % 2 == 1) {
            streamsStateDir = workDir.resolve("streams-state-" + next);
        }
        Map<String, String> streamsEnv = new HashMap<>(env);
        streamsEnv.put("HUMANCHAT_STREAMS_STATE_DIR", streamsStateDir.toString());
        // The same stable name for every incarnation, like a StatefulSet pod: a static group member takes its tasks
        // back at once instead of waiting out the killed member's session.
        streamsEnv.put("HUMANCHAT_STREAMS_INSTANCE_ID", "streams-0");
        launch("streams", STREAMS_MAIN, List.of(), streamsEnv);
    }

    void startProjector() {
        launch("projector", PROJECTOR_MAIN, List.of(), env);
    }

    void startEdge(String edge) {
        Map<String, String> edgeEnv = new HashMap<>(env);
        edgeEnv.put("HUMANCHAT_HTTP_PORT", Integer.toString(edgePorts.get(edge)));
        edgeEnv.put("HUMANCHAT_REPLICA_ID", edge);
        launch(edge, EDGE_MAIN, List.of(), edgeEnv);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. Returns once the process is gone. */
    void kill(String name) throws InterruptedException {
        Process process = running.remove(name);
        if (process == null) {
            throw new IllegalStateException(name + " is not running");
        }
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " survived SIGKILL for 30 s");
        }
        LOG.info("{} (pid {}) killed with SIGKILL", name, process.pid());
    }

    void awaitEdgeReady(String edge) {
        Awaitility.await(edge + " ready")
                .atMost(READY_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> HTTP.send(
                                        HttpRequest.newBuilder(URI.create(edgeUrl(edge) + "/health/ready"))
                                                .timeout(Duration.ofSeconds(5))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200);
    }

    void awaitBrokerReady() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(props)) {
            Awaitility.await("broker ready on " + bootstrap())
                    .atMost(READY_TIMEOUT)
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> !admin.describeCluster()
                            .nodes()
                            .get(5, TimeUnit.SECONDS)
                            .isEmpty());
        }
    }

    Path logOf(String name, int incarnation) {
        return workDir.resolve(name + "-" + incarnation + ".log");
    }

    private Process launch(String name, String mainClass, List<String> args, Map<String, String> extraEnv) {
        int incarnation = incarnations.merge(name, 1, Integer::sum);
        Path target = Path.of("target").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                name.equals("broker") ? "-Xmx512m" : "-Xmx384m",
                "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow",
                "-cp",
                target.resolve("test-classes") + File.pathSeparator + target.resolve("lib") + File.separator + "*",
                mainClass));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(key -> key.startsWith("HUMANCHAT_"));
        builder.environment().putAll(env);
        builder.environment().putAll(extraEnv);
        builder.redirectErrorStream(true)
                .redirectOutput(logOf(name, incarnation).toFile());
        try {
            Process process = builder.start();
            everyProcess.add(process);
            if (!name.equals("migrate")) {
                running.put(name, process);
            }
            LOG.info("{} #{} started (pid {})", name, incarnation, process.pid());
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("could not launch " + name, e);
        }
    }

    /** SIGTERM to every process still alive, SIGKILL to those still there 30 s later. */
    @Override
    public void close() throws InterruptedException {
        for (Process process : everyProcess) {
            process.destroy();
        }
        for (Process process : everyProcess) {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
