package com.humanchat.sam.config;

import com.humanchat.migrations.PostgresUrl;
import com.humanchat.schemas.config.EnvironmentReader;
import com.humanchat.schemas.config.Settings;
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

    public static final String DEFAULT_MODEL = Settings.GEMINI_MODEL.literalDefault();
    public static final String GROUP_ID = "humanchat-sam";

    /** True when a key is set: Sam talks to Gemini; otherwise every request gets the "not configured" answer. */
    public boolean geminiConfigured() {
        return geminiApiKey != null;
    }

    /** Reads every variable and reports every problem at once. */
    public static SamWorkerConfig fromEnv(Map<String, String> env) {
        EnvironmentReader reader = new EnvironmentReader(env);
        String kafka = reader.required(Settings.KAFKA_BOOTSTRAP);
        PostgresUrl postgres = reader.required(Settings.PG_URL, PostgresUrl::parse);
        String redis = reader.required(Settings.REDIS_URL);
        String key = reader.optional(Settings.GEMINI_API_KEY);
        String model = reader.withDefault(Settings.GEMINI_MODEL);
        String baseUrl = reader.optional(Settings.GEMINI_BASE_URL);
        int maxInFlight = reader.integer(Settings.SAM_MAX_IN_FLIGHT, 1, 256);
        int maxBuffered = reader.integer(Settings.SAM_MAX_BUFFERED, 2, 10_000);
        int maxAttempts = reader.integer(Settings.SAM_MAX_ATTEMPTS, 1, 20);
        int retryInitial = reader.integer(Settings.SAM_RETRY_INITIAL_MS, 1, 60_000);
        int retryMax = reader.integer(Settings.SAM_RETRY_MAX_MS, 1, 600_000);
        int timeout = reader.integer(Settings.SAM_TIMEOUT_MS, 100, 600_000);
        int history = reader.integer(Settings.SAM_HISTORY_TURNS, 0, 200);
        int port = reader.integer(Settings.SAM_HTTP_PORT, 0, 65_535);
        int partitions = reader.integer(Settings.KAFKA_PARTITIONS, 1, 10_000);
        int replication = reader.integer(Settings.KAFKA_REPLICATION, 1, 10);
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
