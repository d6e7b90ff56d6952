package com.humanchat.edge.config;

import com.humanchat.migrations.PostgresUrl;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything the edge reads from its environment ({@code HUMANCHAT_*}), validated at start: every missing
 * or invalid variable is reported at once.
 */
public record EdgeConfig(
        int httpPort,
        String kafkaBootstrap,
        PostgresUrl postgres,
        String redisUrl,
        String jwtSecret,
        Set<String> adminEmails,
        Duration sendWait,
        Duration kafkaDeliveryTimeout,
        int maxBodyBytes,
        int wsSendQueueFrames,
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        int instances,
        String replicaId) {

    /** Raised with one line per problem when the environment is incomplete or wrong. */
    public static final class InvalidConfigException extends IllegalArgumentException {
        public InvalidConfigException(List<String> problems) {
            super("invalid configuration:\n  - " + String.join("\n  - ", problems));
        }
    }

    public static EdgeConfig fromEnv(Map<String, String> env) {
        Reader r = new Reader(env);
        int httpPort = r.integer("HUMANCHAT_HTTP_PORT", 8080, 0, 65535);
        String kafka = r.required("HUMANCHAT_KAFKA_BOOTSTRAP");
        PostgresUrl postgres = r.parsed("HUMANCHAT_PG_URL", PostgresUrl::parse);
        String redis = r.required("HUMANCHAT_REDIS_URL");
        if (redis != null && !redis.startsWith("redis://") && !redis.startsWith("rediss://")) {
            r.problems.add("HUMANCHAT_REDIS_URL must start with redis:// or rediss://");
        }
        String secret = r.required("HUMANCHAT_JWT_SECRET");
        if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            r.problems.add("HUMANCHAT_JWT_SECRET must be at least 32 bytes (HS256 key)");
        }
        Set<String> admins = Arrays.stream(
                        env.getOrDefault("HUMANCHAT_ADMIN_EMAILS", "").split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        Duration sendWait = Duration.ofMillis(r.integer("HUMANCHAT_SEND_WAIT_MS", 3000, 1, 60_000));
        Duration delivery = Duration.ofMillis(r.integer("HUMANCHAT_KAFKA_DELIVERY_TIMEOUT_MS", 5000, 1000, 120_000));
        int maxBody = r.integer("HUMANCHAT_MAX_BODY_BYTES", 64 * 1024, 1024, 16 * 1024 * 1024);
        int wsQueue = r.integer("HUMANCHAT_WS_SEND_QUEUE_FRAMES", 1024, 16, 1_000_000);
        Duration access = Duration.ofSeconds(r.integer("HUMANCHAT_ACCESS_TOKEN_TTL_SECONDS", 900, 30, 86_400));
        Duration refresh = Duration.ofDays(r.integer("HUMANCHAT_REFRESH_TOKEN_TTL_DAYS", 30, 1, 365));
        int instances =
                r.integer("HUMANCHAT_EDGE_INSTANCES", Runtime.getRuntime().availableProcessors(), 1, 256);
        String replica = env.getOrDefault(
                "HUMANCHAT_REPLICA_ID", "edge-" + UUID.randomUUID().toString().substring(0, 8));
        if (!r.problems.isEmpty()) {
            throw new InvalidConfigException(r.problems);
        }
        return new EdgeConfig(
                httpPort, kafka, postgres, redis, secret, admins, sendWait, delivery, maxBody, wsQueue, access, refresh,
                instances, replica);
    }

    /** Collects problems instead of failing on the first. */
    private static final class Reader {
        private final Map<String, String> env;
        private final List<String> problems = new ArrayList<>();

        Reader(Map<String, String> env) {
            this.env = env;
        }

        String required(String name) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                problems.add(name + " is required");
                return null;
            }
            return value.trim();
        }

        <T> T parsed(String name, Function<String, T> parser) {
            String value = required(name);
            if (value == null) {
                return null;
            }
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                problems.add(name + ": " + e.getMessage());
                return null;
            }
        }

        int integer(String name, int fallback, int min, int max) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                int parsed = Integer.parseInt(value.trim());
                if (parsed < min || parsed > max) {
                    problems.add(name + " must be between " + min + " and " + max + ", was " + parsed);
                }
                return parsed;
            } catch (NumberFormatException e) {
                problems.add(name + " must be a whole number, was '" + value + "'");
                return fallback;
            }
        }
    }
}
