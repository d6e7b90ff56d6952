package com.humanchat.streams.app;

import com.humanchat.schemas.config.EnvironmentReader;
import com.humanchat.schemas.config.InvalidConfigurationException;
import com.humanchat.schemas.config.Settings;
import com.humanchat.streams.domain.BookingLimits;
import com.humanchat.streams.topology.ConversationTopologyConfig;
import com.humanchat.streams.topology.MetricsTopologyConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything the domain-streams process needs to run its five topologies, read from {@code HUMANCHAT_*} variables by
 * {@link #fromEnv(Map)} or built for embedding by {@link #embedded(String, Path)}.
 *
 * @param stateDir the Streams state directory (RocksDB stores); each application uses its own subfolder
 * @param threads stream threads per application
 * @param replicationFactor of the provisioned topics and of the internal topics: 1 for a single broker
 * @param partitions of the topics provisioned when they do not exist yet
 * @param standbyReplicas warm copies of each store on other instances
 * @param commitInterval how often offsets are committed; bounds what is processed again after a crash
 * @param dedupeRetention how long sends stay deduplicated (at least 24 h)
 * @param metricsInterval how often the metrics topology emits a snapshot to {@code admin.metrics}
 * @param bookingLimits how far ahead a session may be booked and how many unanswered requests a guest may have with
 *     one host
 * @param instanceId this instance's stable name (a StatefulSet pod's), making its consumers static group members; null
 *     for none
 */
public record DomainStreamsConfig(
        String bootstrapServers,
        Path stateDir,
        int threads,
        short replicationFactor,
        int partitions,
        int standbyReplicas,
        Duration commitInterval,
        Duration dedupeRetention,
        String conversationsApplicationId,
        String unreadApplicationId,
        String sessionsApplicationId,
        String requestsApplicationId,
        String metricsApplicationId,
        Duration metricsInterval,
        BookingLimits bookingLimits,
        String instanceId) {

    public static final String BOOTSTRAP = Settings.KAFKA_BOOTSTRAP.name();
    public static final String DATA_DIR = Settings.DATA_DIR.name();
    public static final String STATE_DIR = Settings.STREAMS_STATE_DIR.name();
    public static final String THREADS = Settings.STREAMS_THREADS.name();
    public static final String REPLICATION = Settings.KAFKA_REPLICATION.name();
    public static final String PARTITIONS = Settings.KAFKA_PARTITIONS.name();
    public static final String STANDBY_REPLICAS = Settings.STREAMS_STANDBY_REPLICAS.name();
    public static final String COMMIT_INTERVAL_MS = Settings.STREAMS_COMMIT_INTERVAL_MS.name();
    public static final String DEDUPE_RETENTION_HOURS = Settings.DEDUPE_RETENTION_HOURS.name();
    public static final String METRICS_INTERVAL_SECONDS = Settings.METRICS_INTERVAL_SECONDS.name();
    public static final String INSTANCE_ID = Settings.STREAMS_INSTANCE_ID.name();
    public static final String BOOKING_HORIZON_DAYS = Settings.BOOKING_HORIZON_DAYS.name();
    public static final String RESCHEDULE_MIN_NOTICE_MINUTES = Settings.RESCHEDULE_MIN_NOTICE_MINUTES.name();
    public static final String SESSION_COMPLETE_GRACE_MINUTES = Settings.SESSION_COMPLETE_GRACE_MINUTES.name();
    public static final String MAX_PENDING_REQUESTS_PER_HOST = Settings.MAX_PENDING_REQUESTS_PER_HOST.name();

    private static final Pattern INSTANCE_ID_FORMAT = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    public static final String CONVERSATIONS_APPLICATION_ID = "humanchat-conversations";
    public static final String UNREAD_APPLICATION_ID = "humanchat-unread";
    public static final String SESSIONS_APPLICATION_ID = "humanchat-sessions";
    public static final String REQUESTS_APPLICATION_ID = "humanchat-requests";
    public static final String METRICS_APPLICATION_ID = "humanchat-metrics";

    public static final int DEFAULT_THREADS = Settings.STREAMS_THREADS.intDefault();
    public static final short DEFAULT_REPLICATION = (short) Settings.KAFKA_REPLICATION.intDefault();
    public static final int DEFAULT_PARTITIONS = Settings.KAFKA_PARTITIONS.intDefault();
    public static final int DEFAULT_STANDBY_REPLICAS = Settings.STREAMS_STANDBY_REPLICAS.intDefault();
    public static final Duration DEFAULT_COMMIT_INTERVAL =
            Duration.ofMillis(Settings.STREAMS_COMMIT_INTERVAL_MS.intDefault());
    public static final long DEFAULT_DEDUPE_RETENTION_HOURS =
            ConversationTopologyConfig.DEFAULT_DEDUPE_RETENTION.toHours();
    public static final long MIN_DEDUPE_RETENTION_HOURS = ConversationTopologyConfig.MIN_DEDUPE_RETENTION.toHours();

    public DomainStreamsConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(commitInterval, "commitInterval");
        Objects.requireNonNull(dedupeRetention, "dedupeRetention");
        Objects.requireNonNull(conversationsApplicationId, "conversationsApplicationId");
        Objects.requireNonNull(unreadApplicationId, "unreadApplicationId");
        Objects.requireNonNull(sessionsApplicationId, "sessionsApplicationId");
        Objects.requireNonNull(requestsApplicationId, "requestsApplicationId");
        Objects.requireNonNull(metricsApplicationId, "metricsApplicationId");
        Objects.requireNonNull(metricsInterval, "metricsInterval");
        Objects.requireNonNull(bookingLimits, "bookingLimits");
        if (metricsInterval.toSeconds() < 1) {
            throw new IllegalArgumentException("metricsInterval must be at least one second");
        }
        if (instanceId != null && !INSTANCE_ID_FORMAT.matcher(instanceId).matches()) {
            throw new IllegalArgumentException("instanceId must be 1-200 of [A-Za-z0-9._-]");
        }
        if (bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must not be blank");
        }
        if (threads < 1 || replicationFactor < 1 || partitions < 1 || standbyReplicas < 0) {
            throw new IllegalArgumentException(
                    "threads, replicationFactor and partitions must be positive, " + "standbyReplicas not negative");
        }
        if (dedupeRetention.compareTo(ConversationTopologyConfig.MIN_DEDUPE_RETENTION) < 0) {
            throw new IllegalArgumentException(
                    "dedupeRetention must be at least " + ConversationTopologyConfig.MIN_DEDUPE_RETENTION);
        }
        if (Set.of(
                                conversationsApplicationId,
                                unreadApplicationId,
                                sessionsApplicationId,
                                requestsApplicationId,
                                metricsApplicationId)
                        .size()
                != 5) {
            throw new IllegalArgumentException("the five topologies need different application ids");
        }
    }

    /** Defaults for running inside another process (the standalone launcher, tests) against {@code bootstrapServers}. */
    public static DomainStreamsConfig embedded(String bootstrapServers, Path stateDir) {
        return new DomainStreamsConfig(
                bootstrapServers,
                stateDir,
                DEFAULT_THREADS,
                DEFAULT_REPLICATION,
                DEFAULT_PARTITIONS,
                DEFAULT_STANDBY_REPLICAS,
                DEFAULT_COMMIT_INTERVAL,
                ConversationTopologyConfig.DEFAULT_DEDUPE_RETENTION,
                CONVERSATIONS_APPLICATION_ID,
                UNREAD_APPLICATION_ID,
                SESSIONS_APPLICATION_ID,
                REQUESTS_APPLICATION_ID,
                METRICS_APPLICATION_ID,
                MetricsTopologyConfig.DEFAULT_INTERVAL,
                BookingLimits.defaults(),
                null);
    }

    /** The same configuration under other application ids (tests that share a broker). */
    public DomainStreamsConfig withApplicationIds(
            String conversations, String unread, String sessions, String requests, String metrics) {
        return new DomainStreamsConfig(
                bootstrapServers,
                stateDir,
                threads,
                replicationFactor,
                partitions,
                standbyReplicas,
                commitInterval,
                dedupeRetention,
                conversations,
                unread,
                sessions,
                requests,
                metrics,
                metricsInterval,
                bookingLimits,
                instanceId);
    }

    /**
     * Reads the configuration from environment variables and validates it.
     *
     * @throws InvalidConfigurationException naming every missing or invalid variable
     */
    public static DomainStreamsConfig fromEnv(Map<String, String> env) {
        EnvironmentReader reader = new EnvironmentReader(env);
        String bootstrap = reader.required(Settings.KAFKA_BOOTSTRAP);
        String dataDir = reader.optional(Settings.DATA_DIR.name(), "var");
        Path stateDir = reader.optional(STATE_DIR, Path::of, Path.of(dataDir, "streams"));
        int threads = reader.integer(THREADS, DEFAULT_THREADS, 1, 64);
        int replication = reader.integer(REPLICATION, DEFAULT_REPLICATION, 1, Short.MAX_VALUE);
        int partitions = reader.integer(PARTITIONS, DEFAULT_PARTITIONS, 1, 10_000);
        int standbys = reader.integer(STANDBY_REPLICAS, DEFAULT_STANDBY_REPLICAS, 0, 16);
        int commitMs = reader.integer(COMMIT_INTERVAL_MS, (int) DEFAULT_COMMIT_INTERVAL.toMillis(), 1, 600_000);
        int retentionHours = reader.integer(
                DEDUPE_RETENTION_HOURS,
                (int) DEFAULT_DEDUPE_RETENTION_HOURS,
                (int) MIN_DEDUPE_RETENTION_HOURS,
                24 * 365);
        int metricsSeconds = reader.integer(
                METRICS_INTERVAL_SECONDS, (int) MetricsTopologyConfig.DEFAULT_INTERVAL.toSeconds(), 1, 3600);
        int horizonDays = reader.integer(BOOKING_HORIZON_DAYS, (int) BookingLimits.DEFAULT_HORIZON.toDays(), 1, 3650);
        int maxPending =
                reader.integer(MAX_PENDING_REQUESTS_PER_HOST, BookingLimits.DEFAULT_MAX_PENDING_PER_GUEST, 1, 100);
        int rescheduleNotice = reader.integer(
                RESCHEDULE_MIN_NOTICE_MINUTES, (int) BookingLimits.DEFAULT_RESCHEDULE_NOTICE.toMinutes(), 0, 10_080);
        int completeGrace = reader.integer(
                SESSION_COMPLETE_GRACE_MINUTES, (int) BookingLimits.DEFAULT_COMPLETE_GRACE.toMinutes(), 0, 1440);
        String instanceId = reader.optional(INSTANCE_ID);
        if (instanceId != null && !INSTANCE_ID_FORMAT.matcher(instanceId).matches()) {
            reader.problem(INSTANCE_ID + " must be 1-200 of [A-Za-z0-9._-], was '" + instanceId + "'");
        }
        reader.throwIfInvalid();
        return new DomainStreamsConfig(
                bootstrap,
                stateDir,
                threads,
                (short) replication,
                partitions,
                standbys,
                Duration.ofMillis(commitMs),
                Duration.ofHours(retentionHours),
                CONVERSATIONS_APPLICATION_ID,
                UNREAD_APPLICATION_ID,
                SESSIONS_APPLICATION_ID,
                REQUESTS_APPLICATION_ID,
                METRICS_APPLICATION_ID,
                Duration.ofSeconds(metricsSeconds),
                new BookingLimits(
                        Duration.ofDays(horizonDays),
                        maxPending,
                        Duration.ofMinutes(rescheduleNotice),
                        Duration.ofMinutes(completeGrace)),
                instanceId);
    }
}
