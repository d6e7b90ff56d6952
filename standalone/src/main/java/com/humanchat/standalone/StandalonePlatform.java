package com.humanchat.standalone;

import com.humanchat.edge.Edge;
import com.humanchat.edge.config.EdgeConfig;
import com.humanchat.edge.health.LivenessChecks;
import com.humanchat.infra.embedded.EmbeddedKafka;
import com.humanchat.infra.embedded.EmbeddedPostgresServer;
import com.humanchat.infra.embedded.EmbeddedRedisServer;
import com.humanchat.migrations.Migrations;
import com.humanchat.migrations.PostgresUrl;
import com.humanchat.notifier.Notifier;
import com.humanchat.notifier.config.NotifierConfig;
import com.humanchat.ops.ConsumerGroupLag;
import com.humanchat.payments.PaymentsWorker;
import com.humanchat.payments.config.PaymentsConfig;
import com.humanchat.sam.SamWorker;
import com.humanchat.sam.config.SamWorkerConfig;
import com.humanchat.schemas.TopicProvisioner;
import com.humanchat.schemas.config.Settings;
import com.humanchat.streams.app.DomainStreams;
import com.humanchat.streams.app.DomainStreamsConfig;
import com.humanchat.streams.projector.Projector;
import com.humanchat.streams.projector.ProjectorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform in one JVM, started in dependency order (servers, migrations, topics, edge, Streams apps,
 * projector, the Sam worker, the notifier, and the payments worker when a Stripe key is set) and stopped in reverse. Services are
 * configured from the same {@code HUMANCHAT_*} environment an operator would give them, with the embedded servers'
 * addresses filled in.
 */
final class StandalonePlatform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StandalonePlatform.class);
    private static final String DATABASE = "humanchat";
    private static final Duration STREAMS_START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration GROUP_LAG_INTERVAL = Duration.ofSeconds(15);

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private Edge edge;

    private StandalonePlatform() {}

    static StandalonePlatform start(StandaloneSettings settings, Map<String, String> operatorEnv) throws Exception {
        StandalonePlatform platform = new StandalonePlatform();
        try {
            platform.startAll(settings, operatorEnv);
            return platform;
        } catch (Exception | Error e) {
            platform.close();
            throw e;
        }
    }

    private void startAll(StandaloneSettings settings, Map<String, String> operatorEnv) throws Exception {
        Path dataDir = settings.dataDir();
        Files.createDirectories(dataDir);

        String kafka = settings.kafkaBootstrap();
        if (kafka == null) {
            EmbeddedKafka broker = EmbeddedKafka.start(dataDir.resolve("kafka"), 0);
            running.push(broker);
            kafka = broker.bootstrapServers();
            LOG.info("embedded Kafka (KRaft) at {}", kafka);
        }
        String pgUrl = settings.pgUrl();
        if (pgUrl == null) {
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), 0);
            running.push(postgres);
            postgres.createDatabase(DATABASE);
            pgUrl = "postgresql://" + postgres.user() + "@" + postgres.host() + ":" + postgres.port() + "/" + DATABASE;
            LOG.info("embedded PostgreSQL at {}:{}", postgres.host(), postgres.port());
        }
        String redisUrl = settings.redisUrl();
        if (redisUrl == null) {
            EmbeddedRedisServer redis = EmbeddedRedisServer.start(0);
            running.push(redis);
            redisUrl = redis.url();
            LOG.info("embedded Redis at {}", redisUrl);
        }
        Map<String, String> env = StandaloneSettings.serviceEnvironment(
                operatorEnv, kafka, pgUrl, redisUrl, StandaloneSettings.jwtSecretIn(dataDir));
        StandaloneSettings.vapidKeysIn(dataDir, env);
        env.putIfAbsent(
                DomainStreamsConfig.STATE_DIR, dataDir.resolve("streams").toString());
        // Attachments on disk beside the other data, unless the operator names a bucket or another folder.
        if (!env.containsKey(Settings.S3_BUCKET.name())) {
            env.putIfAbsent(
                    Settings.ATTACHMENT_DIR.name(),
                    dataDir.resolve("attachments").toString());
        }

        PostgresUrl postgres = PostgresUrl.parse(pgUrl);
        int applied = Migrations.apply(postgres.jdbcUrl(), postgres.user(), postgres.password());
        LOG.info("database migrated ({} new migration(s))", applied);

        DomainStreamsConfig streamsConfig = DomainStreamsConfig.fromEnv(env);
        TopicProvisioner.ensureTopics(kafka, streamsConfig.partitions(), streamsConfig.replicationFactor());

        edge = Edge.start(EdgeConfig.fromEnv(env))
                .toCompletionStage()
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        running.push(() -> edge.closeAndWait(30));

        // Each worker's loop is part of the process's liveness (/health/live on the edge's port): a dead loop makes
        // the standalone restartable instead of running on without consuming.
        LivenessChecks liveness = edge.services().liveness();
        DomainStreams streams = DomainStreams.start(streamsConfig, edge.registry());
        running.push(streams);
        liveness.register("domain-streams", streams::isLive);
        Projector projector = Projector.start(ProjectorConfig.fromEnv(env), edge.registry());
        running.push(projector);
        liveness.register("projector", projector::isLive);
        // Sam last: it needs the topologies and the projection; stopped first. Without a Gemini key it answers
        // "not configured".
        SamWorkerConfig samConfig = SamWorkerConfig.fromEnv(env);
        SamWorker sam = SamWorker.start(samConfig, edge.registry());
        running.push(sam);
        liveness.register("sam-worker", sam::isLive);
        List<String> groups = new ArrayList<>(streams.applicationIds());
        groups.add(projector.config().groupId());
        groups.add(samConfig.groupId());
        if (PaymentsConfig.configured(env)) {
            PaymentsConfig paymentsConfig = PaymentsConfig.fromEnv(env);
            PaymentsWorker payments = PaymentsWorker.start(paymentsConfig, edge.registry(), Clock.systemUTC());
            running.push(payments);
            liveness.register("payments-worker", payments::isLive);
            groups.add(paymentsConfig.groupId());
        }
        // In-app notifications always; e-mail only with HUMANCHAT_SMTP_HOST; Web Push with the VAPID keys (the
        // operator's, or the data folder's) — it says at start what is off.
        NotifierConfig notifierConfig = NotifierConfig.fromEnv(env);
        Notifier notifier = Notifier.start(notifierConfig, edge.registry(), Clock.systemUTC());
        running.push(notifier);
        liveness.register("notifier", notifier::isLive);
        groups.add(notifierConfig.groupId());
        running.push(ConsumerGroupLag.start(kafka, groups, edge.registry(), GROUP_LAG_INTERVAL));
        if (!streams.awaitRunning(STREAMS_START_TIMEOUT)) {
            throw new IllegalStateException("the Streams apps did not reach RUNNING within " + STREAMS_START_TIMEOUT);
        }
    }

    int port() {
        return edge.port();
    }

    /** The edge's ops port, whose {@code /metrics} also carries every in-process worker's meters. */
    int opsPort() {
        return edge.opsPort();
    }

    @Override
    public void close() {
        while (!running.isEmpty()) {
            AutoCloseable next = running.pop();
            try {
                next.close();
            } catch (Exception e) {
                LOG.warn("error while stopping {}: {}", next, e.toString());
            }
        }
    }
}
