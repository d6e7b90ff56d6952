package com.humanchat.streams.projector;

import com.humanchat.migrations.PostgresUrl;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.config.EnvironmentReader;
import com.humanchat.schemas.config.InvalidConfigurationException;
import com.humanchat.schemas.config.Settings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * What the projector needs to run, read from {@code HUMANCHAT_*} variables and validated at start with every problem
 * reported at once.
 *
 * @param kafkaBootstrap {@code bootstrap.servers}
 * @param postgres the database the read models live in (migrated by the migration step, not by the projector)
 * @param threads consumers in the group {@code groupId}, each on its own thread with its own PostgreSQL connection
 * @param maxBatch {@code max.poll.records}: the most records one PostgreSQL transaction projects
 * @param groupId the consumer group; another group over the same topics replays them from the start
 * @param eventsTopic the {@code chat.events} topic (tests use topics of their own)
 * @param unreadTopic the {@code chat.unread} topic
 * @param sessionsTopic the {@code sessions.events} topic
 * @param requestsTopic the {@code requests.events} topic
 * @param topicPartitions partitions {@link ProjectorMain} creates missing topics with
 * @param replicationFactor replication factor {@link ProjectorMain} creates missing topics with
 */
public record ProjectorConfig(
        String kafkaBootstrap,
        PostgresUrl postgres,
        int threads,
        int maxBatch,
        String groupId,
        String eventsTopic,
        String unreadTopic,
        String sessionsTopic,
        String requestsTopic,
        int topicPartitions,
        short replicationFactor) {

    public static final String KAFKA_BOOTSTRAP = Settings.KAFKA_BOOTSTRAP.name();
    public static final String PG_URL = PostgresUrl.VARIABLE;
    public static final String THREADS = Settings.PROJECTOR_THREADS.name();
    public static final String MAX_BATCH = Settings.PROJECTOR_MAX_BATCH.name();
    public static final String KAFKA_PARTITIONS = Settings.KAFKA_PARTITIONS.name();
    public static final String KAFKA_REPLICATION = Settings.KAFKA_REPLICATION.name();

    public static final String DEFAULT_GROUP_ID = "humanchat-projector";
    public static final int DEFAULT_THREADS = Settings.PROJECTOR_THREADS.intDefault();
    /** Large enough to absorb a burst in one transaction, small enough that a replay after a crash stays short. */
    public static final int DEFAULT_MAX_BATCH = Settings.PROJECTOR_MAX_BATCH.intDefault();

    public static final int DEFAULT_PARTITIONS = Settings.KAFKA_PARTITIONS.intDefault();
    public static final short DEFAULT_REPLICATION_FACTOR = (short) Settings.KAFKA_REPLICATION.intDefault();

    private static final int MAX_THREADS = 64;
    private static final int MAX_MAX_BATCH = 10_000;

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public ProjectorConfig {
        List<String> problems = new ArrayList<>();
        if (isBlank(kafkaBootstrap)) {
            problems.add("kafkaBootstrap must not be blank");
        }
        if (postgres == null) {
            problems.add("postgres must be set");
        }
        if (threads < 1 || threads > MAX_THREADS) {
            problems.add("threads must be 1-" + MAX_THREADS + ", was " + threads);
        }
        if (maxBatch < 1 || maxBatch > MAX_MAX_BATCH) {
            problems.add("maxBatch must be 1-" + MAX_MAX_BATCH + ", was " + maxBatch);
        }
        if (isBlank(groupId)) {
            problems.add("groupId must not be blank");
        }
        List<String> topics = Arrays.asList(eventsTopic, unreadTopic, sessionsTopic, requestsTopic);
        if (topics.stream().anyMatch(ProjectorConfig::isBlank)) {
            problems.add("eventsTopic, unreadTopic, sessionsTopic and requestsTopic must not be blank");
        } else if (new HashSet<>(topics).size() != topics.size()) {
            problems.add("eventsTopic, unreadTopic, sessionsTopic and requestsTopic must differ");
        }
        if (topicPartitions < 1) {
            problems.add("topicPartitions must be at least 1, was " + topicPartitions);
        }
        if (replicationFactor < 1) {
            problems.add("replicationFactor must be at least 1, was " + replicationFactor);
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        kafkaBootstrap = kafkaBootstrap.strip();
    }

    /** Every topic the projector consumes: the four above and {@code availability.events} (hosts' availability). */
    public List<String> topics() {
        return List.of(eventsTopic, unreadTopic, sessionsTopic, requestsTopic, Topics.AVAILABILITY_EVENTS.name());
    }

    /**
     * Reads the configuration from environment variables: {@code HUMANCHAT_KAFKA_BOOTSTRAP} and
     * {@code HUMANCHAT_PG_URL} are required; {@code HUMANCHAT_PROJECTOR_THREADS} (default 1),
     * {@code HUMANCHAT_PROJECTOR_MAX_BATCH} (default 500), {@code HUMANCHAT_KAFKA_PARTITIONS} (default 12) and
     * {@code HUMANCHAT_KAFKA_REPLICATION} (default 1) are optional. A blank value counts as unset.
     *
     * @throws InvalidConfigurationException naming every missing or invalid variable
     */
    public static ProjectorConfig fromEnv(Map<String, String> env) {
        EnvironmentReader reader = new EnvironmentReader(env);
        String bootstrap = reader.required(Settings.KAFKA_BOOTSTRAP);
        PostgresUrl postgres = reader.required(Settings.PG_URL, PostgresUrl::parse);
        int threads = reader.integer(THREADS, DEFAULT_THREADS, 1, MAX_THREADS);
        int maxBatch = reader.integer(MAX_BATCH, DEFAULT_MAX_BATCH, 1, MAX_MAX_BATCH);
        int partitions = reader.integer(KAFKA_PARTITIONS, DEFAULT_PARTITIONS, 1, 10_000);
        int replication = reader.integer(KAFKA_REPLICATION, DEFAULT_REPLICATION_FACTOR, 1, Short.MAX_VALUE);
        reader.throwIfInvalid();
        return new ProjectorConfig(
                bootstrap,
                postgres,
                threads,
                maxBatch,
                DEFAULT_GROUP_ID,
                Topics.CHAT_EVENTS.name(),
                Topics.CHAT_UNREAD.name(),
                Topics.SESSIONS_EVENTS.name(),
                Topics.REQUESTS_EVENTS.name(),
                partitions,
                (short) replication);
    }

    /**
     * The defaults, for a launcher that runs the projector in its own process (the standalone): one thread, batches
     * of 500, group {@code humanchat-projector} over {@code chat.events}, {@code chat.unread}, {@code sessions.events} and
     * {@code requests.events}.
     */
    public static ProjectorConfig embedded(String kafkaBootstrap, PostgresUrl postgres) {
        return new ProjectorConfig(
                kafkaBootstrap,
                postgres,
                DEFAULT_THREADS,
                DEFAULT_MAX_BATCH,
                DEFAULT_GROUP_ID,
                Topics.CHAT_EVENTS.name(),
                Topics.CHAT_UNREAD.name(),
                Topics.SESSIONS_EVENTS.name(),
                Topics.REQUESTS_EVENTS.name(),
                DEFAULT_PARTITIONS,
                DEFAULT_REPLICATION_FACTOR);
    }

    /** The same configuration in another consumer group (a full replay, or a test of its own). */
    public ProjectorConfig withGroupId(String otherGroupId) {
        return new ProjectorConfig(
                kafkaBootstrap,
                postgres,
                threads,
                maxBatch,
                otherGroupId,
                eventsTopic,
                unreadTopic,
                sessionsTopic,
                requestsTopic,
                topicPartitions,
                replicationFactor);
    }

    /** The same configuration over other topics than the platform's (tests with topics of their own). */
    public ProjectorConfig withTopics(
            String otherEventsTopic, String otherUnreadTopic, String otherSessionsTopic, String otherRequestsTopic) {
        return new ProjectorConfig(
                kafkaBootstrap,
                postgres,
                threads,
                maxBatch,
                groupId,
                otherEventsTopic,
                otherUnreadTopic,
                otherSessionsTopic,
                otherRequestsTopic,
                topicPartitions,
                replicationFactor);
    }

    public ProjectorConfig withThreads(int otherThreads) {
        return new ProjectorConfig(
                kafkaBootstrap,
                postgres,
                otherThreads,
                maxBatch,
                groupId,
                eventsTopic,
                unreadTopic,
                sessionsTopic,
                requestsTopic,
                topicPartitions,
                replicationFactor);
    }
}
