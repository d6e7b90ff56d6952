package com.humanchat.edge;

import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.config.EdgeConfig;
import com.humanchat.infra.embedded.DatabaseCoordinates;
import com.humanchat.infra.embedded.SharedTestInfra;
import com.humanchat.migrations.Migrations;
import com.humanchat.schemas.TopicProvisioner;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real edge for integration tests: a fresh migrated database, the shared broker (topics provisioned) and Redis,
 * {@link Edge#start} on port 0, and a plain {@link HttpClient} to talk to it.
 */
public final class TestEdge implements AutoCloseable {

    public static final String JWT_SECRET = "test-secret-of-at-least-32-bytes-" + UUID.randomUUID();
    public static final String ADMIN_EMAIL = "Boss@HumanChat.example.com";
    /** Also listed as admin; used by a test that demotes the account and logs in again. */
    public static final String SECOND_ADMIN_EMAIL = "second-boss@humanchat.example.com";

    public static final int MAX_BODY_BYTES = 4096;

    private static final SharedTestInfra INFRA = SharedTestInfra.get();
    private static final java.nio.file.Path ATTACHMENTS = java.nio.file.Path.of("target", "test-attachments");

    private final Edge edge;
    private final DatabaseCoordinates database;
    private final Map<String, String> env;

    private TestEdge(Edge edge, DatabaseCoordinates database, Map<String, String> env) {
        this.edge = edge;
        this.database = database;
        this.env = env;
    }

    public static TestEdge start(String name) {
        return start(name, Map.of());
    }

    public static TestEdge start(String name, Map<String, String> overrides) {
        return startOn(INFRA.newDatabase(name), overrides);
    }

    /** An edge on {@code database} (fresh, or already migrated part of the way), migrated to the newest version. */
    public static TestEdge startOn(DatabaseCoordinates database, Map<String, String> overrides) {
        Migrations.apply(database.jdbcUrl(), database.user(), database.password());
        TopicProvisioner.ensureTopics(INFRA.kafkaBootstrap(), 3, (short) 1);
        Map<String, String> env = new HashMap<>(environment(database));
        env.putAll(overrides);
        return start(database, env);
    }

    private static TestEdge start(DatabaseCoordinates database, Map<String, String> env) {
        try {
            Edge edge = Edge.start(EdgeConfig.fromEnv(env)).await(60, TimeUnit.SECONDS);
            return new TestEdge(edge, database, Map.copyOf(env));
        } catch (Exception e) {
            throw new IllegalStateException("edge did not start", e);
        }
    }

    /** Another replica of this edge: the same settings, database, broker and Redis; its own ports. */
    public TestEdge replica(String replicaId) {
        Map<String, String> replicaEnv = new HashMap<>(env);
        replicaEnv.put("HUMANCHAT_REPLICA_ID", replicaId);
        return start(database, replicaEnv);
    }

    /** The variables an operator would set to point an edge at the shared test servers and this database. */
    public static Map<String, String> environment(DatabaseCoordinates database) {
        String pgUrl = TestHttp.pgUrl(database);
        return Map.ofEntries(
                Map.entry("HUMANCHAT_HTTP_PORT", "0"),
                Map.entry("HUMANCHAT_OPS_HTTP_PORT", "0"),
                Map.entry("HUMANCHAT_KAFKA_BOOTSTRAP", INFRA.kafkaBootstrap()),
                Map.entry("HUMANCHAT_PG_URL", pgUrl),
                Map.entry("HUMANCHAT_REDIS_URL", INFRA.redisUrl()),
                Map.entry("HUMANCHAT_JWT_SECRET", JWT_SECRET),
                Map.entry(
                        "HUMANCHAT_ADMIN_EMAILS",
                        ADMIN_EMAIL + ", " + SECOND_ADMIN_EMAIL.toUpperCase(java.util.Locale.ROOT)),
                Map.entry("HUMANCHAT_MAX_BODY_BYTES", Integer.toString(MAX_BODY_BYTES)),
                Map.entry("HUMANCHAT_EDGE_INSTANCES", "2"),
                // Every test client is 127.0.0.1: the per-address sign-in limit would otherwise throttle the suites.
                Map.entry("HUMANCHAT_RATE_LIMIT_IP_AUTH_PER_MINUTE", "100000"),
                // Verification links are read from the development outbox page, as a developer would.
                Map.entry("HUMANCHAT_DEV_OUTBOX", "true"),
                // Attachments on disk, one folder per test database, as the standalone keeps them.
                Map.entry(
                        "HUMANCHAT_ATTACHMENT_DIR",
                        ATTACHMENTS
                                .resolve(database.database())
                                .toAbsolutePath()
                                .toString()));
    }

    public static SharedTestInfra infra() {
        return INFRA;
    }

    public Edge edge() {
        return edge;
    }

    public DatabaseCoordinates database() {
        return database;
    }

    public Connection jdbc() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    public Answer get(String path) {
        return get(path, null);
    }

    public Answer get(String path, String bearerToken) {
        return TestHttp.get(uri(path), bearerToken);
    }

    /** {@code GET} on the ops port ({@code /metrics}, the detailed {@code /health/*}). */
    public Answer opsGet(String path) {
        return TestHttp.get(TestHttp.opsUri(edge, path), null);
    }

    public Answer post(String path, String jsonBody) {
        return TestHttp.post(uri(path), null, jsonBody);
    }

    public Answer post(String path, JsonObject body) {
        return post(path, body.encode());
    }

    public Answer send(HttpRequest.Builder request) {
        return TestHttp.send(request);
    }

    public URI uri(String path) {
        return TestHttp.uri(edge, path);
    }

    /** Follows the newest verification link this edge's development outbox holds for {@code email}. */
    public Answer verifyEmail(String email) {
        return TestHttp.verifyEmail(edge, email);
    }

    /** Registers a fresh account and returns the 201 body. */
    public JsonObject register(String email, String password, String displayName) {
        Answer answer = post("/api/auth/register", registration(email, password, displayName));
        if (answer.status() != 201) {
            throw new AssertionError("registration failed: " + answer);
        }
        return answer.json();
    }

    /** The fields every view of an account shows: who they are and what they offer as a host. */
    public static final List<String> PROFILE_FIELDS =
            List.of("displayName", "roles", "bio", "tags", "priceCents", "currency", "instantAvailable", "avatarId");

    /** The fields of one view of an account: its own {@code first}, the {@link #PROFILE_FIELDS}, its own {@code last}. */
    public static List<String> accountFields(List<String> first, List<String> last) {
        return Stream.of(first, PROFILE_FIELDS, last).flatMap(List::stream).toList();
    }

    /** The body of {@code POST /api/auth/register}. */
    public static JsonObject registration(String email, String password, String displayName) {
        return new JsonObject().put("email", email).put("password", password).put("displayName", displayName);
    }

    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    @Override
    public void close() {
        edge.closeAndWait(30);
    }
}
