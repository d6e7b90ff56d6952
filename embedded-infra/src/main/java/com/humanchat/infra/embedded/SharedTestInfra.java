package com.humanchat.infra.embedded;

import com.humanchat.schemas.config.Settings;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One set of servers per test JVM, each started on first use and stopped by a shutdown hook; a server an operator
 * names in {@code HUMANCHAT_KAFKA_BOOTSTRAP}, {@code HUMANCHAT_PG_URL} or {@code HUMANCHAT_REDIS_URL} is used instead
 * of an embedded one; under {@code -Ptestcontainers} Docker containers are ({@link ContainerServers}).
 *
 * <p>Tests isolate themselves: a fresh database per test class from {@link #newDatabase(String)}, unique topic names
 * and application ids, their own Redis key prefix. Outage tests (stop a server, start it again) need the embedded
 * server: check {@link #hasEmbeddedKafka()} / {@link #hasEmbeddedRedis()} and skip otherwise.
 */
public final class SharedTestInfra {

    public static final String KAFKA_BOOTSTRAP_VARIABLE = Settings.KAFKA_BOOTSTRAP.name();
    public static final String PG_URL_VARIABLE = Settings.PG_URL.name();
    public static final String REDIS_URL_VARIABLE = Settings.REDIS_URL.name();
    /** {@code containers} under {@code -Ptestcontainers}: the servers are Docker containers ({@link ContainerServers}). */
    public static final String INFRA_PROPERTY = "humanchat.test.infra";

    private static final Logger LOG = LoggerFactory.getLogger(SharedTestInfra.class);
    private static final int MAX_PREFIX_LENGTH = 40;

    private static SharedTestInfra instance;

    private final String externalKafkaBootstrap;
    private final PostgresServerAddress externalPostgres;
    private final String externalRedisUrl;

    private final Lazy<EmbeddedKafka> kafka = new Lazy<>(() -> EmbeddedKafka.start(null, 0));
    private final Lazy<EmbeddedPostgresServer> postgres = new Lazy<>(() -> EmbeddedPostgresServer.start(null, 0));
    private final Lazy<EmbeddedRedisServer> redis = new Lazy<>(() -> EmbeddedRedisServer.start(0));

    /** Distinguishes this JVM's databases from those of other test JVMs sharing an operator's server. */
    private final String runId =
            HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);

    private final AtomicInteger databaseCounter = new AtomicInteger();
    private final Set<String> databasesOnExternalServer = ConcurrentHashMap.newKeySet();

    SharedTestInfra(Map<String, String> environment) {
        this.externalKafkaBootstrap = nonBlank(environment.get(KAFKA_BOOTSTRAP_VARIABLE));
        String pgUrl = nonBlank(environment.get(PG_URL_VARIABLE));
        this.externalPostgres = pgUrl == null ? null : PostgresServerAddress.parse(pgUrl);
        this.externalRedisUrl = nonBlank(environment.get(REDIS_URL_VARIABLE));
    }

    /** The one instance of this JVM; nothing starts until a server is first asked for. */
    public static synchronized SharedTestInfra get() {
        if (instance == null) {
            SharedTestInfra created =
                    new SharedTestInfra(containersRequested() ? ContainerServers.start() : System.getenv());
            Runtime.getRuntime().addShutdownHook(new Thread(created::shutdown, "shared-test-infra-shutdown"));
            LOG.info(
                    "Shared test infrastructure: Kafka {}, PostgreSQL {}, Redis {}",
                    created.externalKafkaBootstrap == null ? "embedded" : created.externalKafkaBootstrap,
                    created.externalPostgres == null ? "embedded" : created.externalPostgres,
                    created.externalRedisUrl == null ? "embedded" : created.externalRedisUrl);
            instance = created;
        }
        return instance;
    }

    /**
     * True when this test JVM runs under {@code -Ptestcontainers}. Asked here, not in {@link ContainerServers}, so that
     * class (and Testcontainers, an optional dependency) is loaded only then.
     */
    static boolean containersRequested() {
        return "containers".equals(System.getProperty(INFRA_PROPERTY));
    }

    /** For {@code bootstrap.servers}; starts the embedded broker on first call. */
    public String kafkaBootstrap() {
        return externalKafkaBootstrap != null
                ? externalKafkaBootstrap
                : kafka.get().bootstrapServers();
    }

    /** {@code redis://HOST:PORT}; starts the embedded Redis on first call. */
    public String redisUrl() {
        return externalRedisUrl != null ? externalRedisUrl : redis.get().url();
    }

    /**
     * Creates a database no other test has used and returns how to reach it.
     *
     * @param prefix a readable part of the name, such as the test class's simple name; it is lower-cased, and
     *     characters other than letters, digits and underscores become underscores
     */
    public DatabaseCoordinates newDatabase(String prefix) {
        String name = uniqueDatabaseName(prefix);
        PostgresServerAddress server = postgresAddress();
        server.createDatabaseIfAbsent(name);
        if (externalPostgres != null) {
            databasesOnExternalServer.add(name);
        }
        return server.coordinates(name);
    }

    /** The PostgreSQL server databases are created on; starts the embedded one on first call. */
    public PostgresServerAddress postgresAddress() {
        return externalPostgres != null ? externalPostgres : postgres.get().address();
    }

    /** True unless {@code HUMANCHAT_KAFKA_BOOTSTRAP} points at another broker: only then can tests stop Kafka. */
    public boolean hasEmbeddedKafka() {
        return externalKafkaBootstrap == null;
    }

    /** True unless {@code HUMANCHAT_REDIS_URL} points at another server: only then can tests stop Redis. */
    public boolean hasEmbeddedRedis() {
        return externalRedisUrl == null;
    }

    /**
     * The embedded broker, for outage tests; started on first call. A test that stops it must start it again (in a
     * {@code finally}), since every later test in this JVM shares it.
     *
     * @throws IllegalStateException if {@code HUMANCHAT_KAFKA_BOOTSTRAP} is set
     */
    public EmbeddedKafka embeddedKafka() {
        if (!hasEmbeddedKafka()) {
            throw new IllegalStateException(KAFKA_BOOTSTRAP_VARIABLE + " is set (" + externalKafkaBootstrap
                    + "): there is no embedded broker to stop; skip unless hasEmbeddedKafka()");
        }
        return kafka.get();
    }

    /**
     * The embedded Redis, for outage tests; started on first call. A test that stops it must start it again (in a
     * {@code finally}), since every later test in this JVM shares it.
     *
     * @throws IllegalStateException if {@code HUMANCHAT_REDIS_URL} is set
     */
    public EmbeddedRedisServer embeddedRedis() {
        if (!hasEmbeddedRedis()) {
            throw new IllegalStateException(REDIS_URL_VARIABLE + " is set (" + externalRedisUrl
                    + "): there is no embedded Redis to stop; skip unless hasEmbeddedRedis()");
        }
        return redis.get();
    }

    String uniqueDatabaseName(String prefix) {
        String readable = prefix == null ? "" : prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (readable.isEmpty() || Character.isDigit(readable.charAt(0))) {
            readable = "db_" + readable;
        }
        if (readable.length() > MAX_PREFIX_LENGTH) {
            readable = readable.substring(0, MAX_PREFIX_LENGTH);
        }
        return readable + "_" + runId + "_" + databaseCounter.incrementAndGet();
    }

    /** Stops what was started, Kafka first since its clients are the slowest to notice; never throws. */
    private void shutdown() {
        List<Runnable> steps = new ArrayList<>();
        kafka.ifStarted(server -> steps.add(server::close));
        redis.ifStarted(server -> steps.add(server::close));
        postgres.ifStarted(server -> steps.add(server::close));
        if (externalPostgres != null) {
            for (String database : databasesOnExternalServer) {
                steps.add(() -> externalPostgres.dropDatabaseIfExists(database));
            }
        }
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                LOG.warn("Shared test infrastructure: a shutdown step failed: {}", e.toString());
            }
        }
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Creates its value on first {@link #get()}, once, even when several test threads ask at the same time. */
    private static final class Lazy<T> {
        private final Supplier<T> factory;
        private T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        synchronized T get() {
            if (value == null) {
                value = factory.get();
            }
            return value;
        }

        synchronized void ifStarted(Consumer<T> action) {
            if (value != null) {
                action.accept(value);
            }
        }
    }
}
