package com.humanchat.edge.chat;

import com.humanchat.edge.Edge;
import com.humanchat.edge.TestEdge;
import com.humanchat.edge.TestHttp;
import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.config.EdgeConfig;
import com.humanchat.infra.embedded.DatabaseCoordinates;
import com.humanchat.infra.embedded.SharedTestInfra;
import com.humanchat.migrations.Migrations;
import com.humanchat.migrations.PostgresUrl;
import com.humanchat.schemas.TopicProvisioner;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.config.WebPushKeys;
import com.humanchat.streams.app.DomainStreams;
import com.humanchat.streams.app.DomainStreamsConfig;
import com.humanchat.streams.domain.BookingLimits;
import com.humanchat.streams.projector.Projector;
import com.humanchat.streams.projector.ProjectorConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole message path in this JVM, started once and shared by every chat test: the shared broker, Redis and a
 * fresh migrated database ({@link SharedTestInfra}), the domain-streams topologies (metrics included), the projector, and two edges
 * ({@link #edge()} and {@link #otherEdge()}, two event-loop instances each) — the second one to prove that a retry
 * through another replica behaves like one through the same.
 */
public final class PlatformHarness {

    public static final int MAX_BODY_BYTES = 8192;
    private static final String ADMIN_EMAIL = "platform-admin@example.com";
    /** Web Push on: browsers get this key (no notifier signs with its pair here). */
    public static final String VAPID_PUBLIC_KEY =
            WebPushKeys.generate("mailto:tests@humanchat.test").publicKey();

    public static final String JWT_SECRET = "chat-tests-secret-of-at-least-32-bytes-" + UUID.randomUUID();

    private static final Logger LOG = LoggerFactory.getLogger(PlatformHarness.class);
    private static final int PARTITIONS = 3;
    /** Admin metrics are emitted this often here, so that a test sees its own traffic within a second or two. */
    public static final Duration METRICS_INTERVAL = Duration.ofSeconds(1);

    private static final java.nio.file.Path ATTACHMENTS =
            java.nio.file.Path.of("target", "platform-attachments-" + UUID.randomUUID());
    private static PlatformHarness instance;
    private static volatile Map<String, String> extraEdgeEnvironment;

    private final DomainStreams streams;
    private final ProjectorConfig projectorConfig;
    private volatile Projector projector;
    private final Edge edge;
    private final Edge otherEdge;
    private final Vertx clientVertx = Vertx.vertx();

    private PlatformHarness(
            DomainStreams streams, ProjectorConfig projectorConfig, Projector projector, Edge edge, Edge otherEdge) {
        this.streams = streams;
        this.projectorConfig = projectorConfig;
        this.projector = projector;
        this.edge = edge;
        this.otherEdge = otherEdge;
    }

    /** The platform of this JVM, started on first call. */
    public static synchronized PlatformHarness get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "platform-harness-shutdown"));
        }
        return instance;
    }

    private static PlatformHarness start() {
        long started = System.nanoTime();
        SharedTestInfra infra = SharedTestInfra.get();
        String kafka = infra.kafkaBootstrap();
        DatabaseCoordinates database = infra.newDatabase("chat_platform");
        Migrations.apply(database.jdbcUrl(), database.user(), database.password());
        TopicProvisioner.ensureTopics(kafka, PARTITIONS, (short) 1);
        String run = UUID.randomUUID().toString().substring(0, 8);
        try {
            Path stateDir = Files.createTempDirectory("chat-it-streams");
            DomainStreamsConfig streamsConfig = new DomainStreamsConfig(
                    kafka,
                    stateDir,
                    1,
                    (short) 1,
                    PARTITIONS,
                    0,
                    Duration.ofMillis(200),
                    Duration.ofHours(24),
                    "chat-it-conversations-" + run,
                    "chat-it-unread-" + run,
                    "chat-it-sessions-" + run,
                    "chat-it-requests-" + run,
                    "chat-it-metrics-" + run,
                    METRICS_INTERVAL,
                    BookingLimits.defaults(),
                    null);
            DomainStreams streams = DomainStreams.start(streamsConfig);
            if (!streams.awaitRunning(Duration.ofSeconds(90))) {
                throw new IllegalStateException("domain streams did not start");
            }
            String pgUrl = TestHttp.pgUrl(database);
            ProjectorConfig projectorConfig = new ProjectorConfig(
                    kafka,
                    PostgresUrl.parse(pgUrl),
                    1,
                    500,
                    "chat-it-projector-" + run,
                    Topics.CHAT_EVENTS.name(),
                    Topics.CHAT_UNREAD.name(),
                    Topics.SESSIONS_EVENTS.name(),
                    Topics.REQUESTS_EVENTS.name(),
                    PARTITIONS,
                    (short) 1);
            Projector projector = Projector.start(projectorConfig, new SimpleMeterRegistry());
            extraEdgeEnvironment = environment(kafka, infra.redisUrl(), pgUrl, "edge-extra");
            Edge edge = startEdge(environment(kafka, infra.redisUrl(), pgUrl, "edge-a"));
            Edge otherEdge = startEdge(environment(kafka, infra.redisUrl(), pgUrl, "edge-b"));
            LOG.info(
                    "Platform harness up in {} ms: edges on ports {} and {}",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    edge.port(),
                    otherEdge.port());
            return new PlatformHarness(streams, projectorConfig, projector, edge, otherEdge);
        } catch (Exception e) {
            throw new IllegalStateException("the platform did not start", e);
        }
    }

    private static Edge startEdge(Map<String, String> env) throws Exception {
        return Edge.start(EdgeConfig.fromEnv(env)).await(60, TimeUnit.SECONDS);
    }

    private static Map<String, String> environment(String kafka, String redis, String pgUrl, String replica) {
        Map<String, String> env = new HashMap<>();
        env.put("HUMANCHAT_HTTP_PORT", "0");
        env.put("HUMANCHAT_OPS_HTTP_PORT", "0");
        env.put("HUMANCHAT_KAFKA_BOOTSTRAP", kafka);
        env.put("HUMANCHAT_PG_URL", pgUrl);
        env.put("HUMANCHAT_REDIS_URL", redis);
        env.put("HUMANCHAT_JWT_SECRET", JWT_SECRET);
        env.put("HUMANCHAT_VAPID_PUBLIC_KEY", VAPID_PUBLIC_KEY);
        env.put("HUMANCHAT_MAX_BODY_BYTES", Integer.toString(MAX_BODY_BYTES));
        env.put("HUMANCHAT_SEND_WAIT_MS", "10000");
        env.put("HUMANCHAT_EDGE_INSTANCES", "2");
        // Every test client is 127.0.0.1: the per-address sign-in limit would otherwise throttle the suites.
        env.put("HUMANCHAT_RATE_LIMIT_IP_AUTH_PER_MINUTE", "100000");
        // ConcurrentSendsIT bursts a thousand sends over a few sockets at once.
        env.put("HUMANCHAT_RATE_LIMIT_WS_FRAMES_PER_SECOND", "100000");
        env.put("HUMANCHAT_REPLICA_ID", replica);
        env.put("HUMANCHAT_ADMIN_EMAILS", ADMIN_EMAIL);
        // Verification links are read from each edge's development outbox page, as a developer would.
        env.put("HUMANCHAT_DEV_OUTBOX", "true");
        // Every edge of the platform shares one attachments folder, as replicas share a bucket.
        env.put("HUMANCHAT_ATTACHMENT_DIR", ATTACHMENTS.toAbsolutePath().toString());
        return env;
    }

    /** Starts one more edge on this platform, configured as the others; the caller closes it. */
    public Edge startExtraEdge(String replicaId) {
        return startExtraEdge(replicaId, Map.of());
    }

    /** As {@link #startExtraEdge(String)}, with some environment variables set differently. */
    public Edge startExtraEdge(String replicaId, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(extraEdgeEnvironment);
        env.putAll(overrides);
        env.put("HUMANCHAT_REPLICA_ID", replicaId);
        try {
            return startEdge(env);
        } catch (Exception e) {
            throw new IllegalStateException("the extra edge did not start", e);
        }
    }

    /** The environment the edges run with (Kafka, PostgreSQL, Redis…), for other services started by a test. */
    public Map<String, String> environment() {
        return Map.copyOf(extraEdgeEnvironment);
    }

    public Edge edge() {
        return edge;
    }

    public Edge otherEdge() {
        return otherEdge;
    }

    /** Stops the projector (the read models fall behind Kafka) until {@link #startProjector()}. */
    public synchronized void stopProjector() {
        projector.close();
    }

    /** Starts the projector again; it resumes from its committed offsets. */
    public synchronized void startProjector() {
        projector = Projector.start(projectorConfig, new SimpleMeterRegistry());
    }

    public Vertx clientVertx() {
        return clientVertx;
    }

    /** A registered user: its id, an access token, its display name and e-mail address. */
    public record TestUser(UUID id, String token, String displayName, String email) {}

    /**
     * The one admin of the test platform: registered and verified (the listed address earns {@code admin} only once
     * proven) on first use, signed in afterwards.
     */
    public synchronized TestUser admin() {
        JsonObject credentials = new JsonObject().put("email", ADMIN_EMAIL).put("password", "a long enough password");
        Answer answer = post(edge, "/api/auth/login", null, credentials.encode());
        if (answer.status() != 200) {
            Answer registered = post(
                    edge,
                    "/api/auth/register",
                    null,
                    credentials.copy().put("displayName", "Admin").encode());
            if (registered.status() != 201) {
                throw new AssertionError("admin registration failed: " + registered);
            }
            TestHttp.verifyEmail(edge, ADMIN_EMAIL);
            answer = post(edge, "/api/auth/login", null, credentials.encode());
        }
        if (answer.status() != 200) {
            throw new AssertionError("admin sign-in failed: " + answer);
        }
        JsonObject body = answer.json();
        return new TestUser(
                UUID.fromString(body.getJsonObject("user").getString("id")),
                body.getString("accessToken"),
                "Admin",
                ADMIN_EMAIL);
    }

    /** Follows the verification link the platform mailed to {@code user} (registered through {@link #edge()}). */
    public void verify(TestUser user) {
        TestHttp.verifyEmail(edge, user.email());
    }

    /**
     * Makes {@code manager} the manager of {@code host} the only way there is: both verify their address, the host
     * invites, the manager accepts. Returns the invitation id.
     */
    public UUID manage(TestUser host, TestUser manager) {
        verify(host);
        verify(manager);
        Answer invited = post(
                "/api/manager-invitations",
                host.token(),
                new JsonObject().put("managerId", manager.id().toString()));
        if (invited.status() != 201) {
            throw new AssertionError("invitation failed: " + invited);
        }
        String invitation = invited.json().getString("id");
        Answer accepted = post("/api/manager-invitations/" + invitation + "/accept", manager.token(), new JsonObject());
        if (accepted.status() != 200) {
            throw new AssertionError("acceptance failed: " + accepted);
        }
        return UUID.fromString(invitation);
    }

    public TestUser register(String name) {
        return register(name, "user");
    }

    /** Registers a user with the role {@code user} or {@code host}. */
    public TestUser register(String name, String role) {
        String email = name.replaceAll("[^A-Za-z0-9]", "-") + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Answer answer = post(
                edge,
                "/api/auth/register",
                null,
                TestEdge.registration(email, "a long enough password", name)
                        .put("role", role)
                        .encode());
        if (answer.status() != 201) {
            throw new AssertionError("registration failed: " + answer);
        }
        JsonObject body = answer.json();
        return new TestUser(
                UUID.fromString(body.getJsonObject("user").getString("id")),
                body.getString("accessToken"),
                name,
                email);
    }

    /** Creates (or finds) the direct conversation of two users and returns its id. */
    public UUID directConversation(TestUser caller, TestUser other) {
        Answer answer = post(
                edge,
                "/api/conversations",
                caller.token(),
                new JsonObject()
                        .put(
                                "participantIds",
                                new io.vertx.core.json.JsonArray()
                                        .add(other.id().toString()))
                        .encode());
        if (answer.status() != 201 && answer.status() != 200) {
            throw new AssertionError("conversation not created: " + answer);
        }
        return UUID.fromString(answer.json().getString("conversationId"));
    }

    public Answer get(Edge target, String path, String token) {
        return TestHttp.get(uri(target, path), token);
    }

    public Answer get(String path, String token) {
        return get(edge, path, token);
    }

    public Answer post(Edge target, String path, String token, String body) {
        return TestHttp.post(uri(target, path), token, body);
    }

    public Answer post(String path, String token, JsonObject body) {
        return post(edge, path, token, body.encode());
    }

    public Answer patch(String path, String token, JsonObject body) {
        return TestHttp.patch(uri(edge, path), token, body.encode());
    }

    public Answer put(String path, String token, JsonObject body) {
        return TestHttp.put(uri(edge, path), token, body.encode());
    }

    public Answer delete(String path, String token) {
        return send(HttpRequest.newBuilder(uri(edge, path))
                .header("Authorization", "Bearer " + token)
                .DELETE());
    }

    public Answer send(HttpRequest.Builder request) {
        return TestHttp.send(request);
    }

    public URI uri(Edge target, String path) {
        return TestHttp.uri(target, path);
    }

    /** Opens {@code /ws} on {@code target} (with {@code since} when not null) and waits for the upgrade. */
    public TestSocket connect(Edge target, TestUser user, String since) {
        return TestSocket.connect(clientVertx, target.port(), user.token(), since);
    }

    public TestSocket connect(TestUser user) {
        return connect(edge, user, null);
    }

    private void close() {
        for (AutoCloseable step : new AutoCloseable[] {
            () -> otherEdge.closeAndWait(30),
            () -> edge.closeAndWait(30),
            () -> projector.close(),
            streams,
            () -> clientVertx.close().await(10, TimeUnit.SECONDS)
        }) {
            try {
                step.close();
            } catch (Exception e) {
                LOG.warn("platform harness: a shutdown step failed: {}", e.toString());
            }
        }
    }
}
