package com.humanchat.sam.config;

import com.humanchat.migrations.PostgresUrl;
import com.humanchat.schemas.config.EnvironmentReader;
import java.time.Duration;
import java.util.Map;

/**
 * The sam-worker's settings. Without {@code geminiApiKey} the worker still runs and answers that Sam is not configured.
 *
 * @param geminiBaseUrl null for Google's endpoint
 * @param maxInFlight model conversations under way at once (the semaphore)
 * @param maxBuffered records polled and not started yet, over every partition; the consumer pauses before more
 * @param maxAttempts model calls per turn before the request goes to {@code sam.requests.dlq}
 * @param historyTurns messages of the Sam conversation sent along with each request
 * @param httpPort {@code /metrics} and {@code /health/*}; 0 = any free port
 */
public record SamWorkerConfig(
        String kafkaBootstrap,
        PostgresUrl postgres,
        String redisUrl,
        String geminiApiKey,
        String geminiModel,
        String geminiBaseUrl,
        int maxInFlight,
        int maxBuffered,
        int maxAttempts,
        Duration retryInitial,
        Duration retryMax,
        Duration callTimeout,
        int historyTurns,
        int httpPort,
        int topicPartitions,
        short replicationFactor,
        String groupId) {

    public static final String DEFAULT_MODEL = "gemini-2.5-flash";
    public static final String GROUP_ID = "humanchat-sam";

    /** True when a key is set: Sam talks to Gemini; otherwise every request gets the "not configured" answer. */
    public boolean geminiConfigured() {
        return geminiApiKey != null;
    }

    /** Reads every variable and reports every problem at once. */
    public static SamWorkerConfig fromEnv(Map<String, String> env) {
        EnvironmentReader reader = new EnvironmentReader(env);
        String kafka = reader.required("HUMANCHAT_KAFKA_BOOTSTRAP", "Kafka bootstrap servers");
        PostgresUrl postgres = reader.required(
                PostgresUrl.VARIABLE,
                "PostgreSQL of the read-only tools, postgresql://user:password@host/db",
                PostgresUrl::parse);
        String redis = reader.required("HUMANCHAT_REDIS_URL", "Redis of presence, redis://host:port");
        String key = reader.optional("HUMANCHAT_GEMINI_API_KEY");
        String model = reader.optional("HUMANCHAT_GEMINI_MODEL", DEFAULT_MODEL);
        String baseUrl = reader.optional("HUMANCHAT_GEMINI_BASE_URL");
        int maxInFlight = reader.integer("HUMANCHAT_SAM_MAX_IN_FLIGHT", 8, 1, 256);
        int maxBuffered = reader.integer("HUMANCHAT_SAM_MAX_BUFFERED", 256, 2, 10_000);
        int maxAttempts = reader.integer("HUMANCHAT_SAM_MAX_ATTEMPTS", 5, 1, 20);
        int retryInitial = reader.integer("HUMANCHAT_SAM_RETRY_INITIAL_MS", 500, 1, 60_000);
        int retryMax = reader.integer("HUMANCHAT_SAM_RETRY_MAX_MS", 30_000, 1, 600_000);
        int timeout = reader.integer("HUMANCHAT_SAM_TIMEOUT_MS", 30_000, 100, 600_000);
        int history = reader.integer("HUMANCHAT_SAM_HISTORY_TURNS", 20, 0, 200);
        int port = reader.integer("HUMANCHAT_SAM_HTTP_PORT", 8091, 0, 65_535);
        int partitions = reader.integer("HUMANCHAT_KAFKA_PARTITIONS", 12, 1, 10_000);
        int replication = reader.integer("HUMANCHAT_KAFKA_REPLICATION", 1, 1, 10);
        if (retryMax < retryInitial) {
            reader.problem("HUMANCHAT_SAM_RETRY_MAX_MS must be at least HUMANCHAT_SAM_RETRY_INITIAL_MS");
        }
        reader.throwIfInvalid();
        return new SamWorkerConfig(
                kafka,
                postgres,
                redis,
                key,
                model,
                baseUrl,
                maxInFlight,
                maxBuffered,
                maxAttempts,
                Duration.ofMillis(retryInitial),
                Duration.ofMillis(retryMax),
                Duration.ofMillis(timeout),
                history,
                port,
                partitions,
                (short) replication,
                GROUP_ID);
    }
}
