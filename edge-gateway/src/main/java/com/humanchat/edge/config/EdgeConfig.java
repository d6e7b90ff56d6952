package com.humanchat.edge.config;

import com.humanchat.migrations.PostgresUrl;
import com.humanchat.schemas.config.EnvironmentReader;
import com.humanchat.schemas.config.Settings;
import com.humanchat.schemas.config.WebPushKeys;
import com.humanchat.schemas.sessions.RefundPolicy;
import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Everything the edge reads from its environment ({@code HUMANCHAT_*}), validated at start: every missing
 * or invalid variable is reported at once ({@link com.humanchat.schemas.config.InvalidConfigurationException}).
 */
public record EdgeConfig(
        int httpPort,
        int opsHttpPort,
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
        String replicaId,
        int rateLimitUserPerMinute,
        int rateLimitIpAuthPerMinute,
        int wsFramesPerSecond,
        int wsMaxSocketsPerUser,
        List<String> corsOrigins,
        Duration presenceTtl,
        List<String> iceServers,
        int wsMaxSockets,
        String stripeWebhookSecret,
        RefundPolicy refundPolicy,
        List<String> trustedProxies,
        int signInLockoutFailures,
        Duration signInLockoutFirst,
        Duration signInLockoutMax,
        MailConfig mail,
        AccountConfig account,
        AttachmentConfig attachments,
        String vapidPublicKey) {

    /**
     * The default cap on one replica's sockets: four fifths of the process's open-file limit, the rest kept for
     * Kafka, PostgreSQL, Redis and (in the standalone) the embedded servers' files — a broker that cannot open a
     * segment stops the process.
     */
    static int defaultMaxSockets() {
        long maxFiles = ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount()
                : 65_536;
        return (int) Math.max(100, Math.min(Integer.MAX_VALUE, maxFiles * 4 / 5));
    }

    public static EdgeConfig fromEnv(Map<String, String> env) {
        EnvironmentReader r = new EnvironmentReader(env);
        int httpPort = r.integer(Settings.HTTP_PORT, 0, 65535);
        // The same variable and default as the back-end services' ops port: /metrics and the detailed health.
        int opsHttpPort = r.integer(Settings.OPS_HTTP_PORT, 0, 65535);
        if (httpPort != 0 && httpPort == opsHttpPort) {
            r.problem("HUMANCHAT_OPS_HTTP_PORT must differ from HUMANCHAT_HTTP_PORT: metrics stay off the public port");
        }
        String kafka = r.required(Settings.KAFKA_BOOTSTRAP);
        PostgresUrl postgres = r.required(Settings.PG_URL, PostgresUrl::parse);
        String redis = r.required(Settings.REDIS_URL);
        if (redis != null && !redis.startsWith("redis://") && !redis.startsWith("rediss://")) {
            r.problem("HUMANCHAT_REDIS_URL must start with redis:// or rediss://");
        }
        String secret = r.required(Settings.JWT_SECRET);
        if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            r.problem("HUMANCHAT_JWT_SECRET must be at least 32 bytes (HS256 key)");
        }
        Set<String> admins = Arrays.stream(
                        r.optional(Settings.ADMIN_EMAILS.name(), "").split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        Duration sendWait = Duration.ofMillis(r.integer(Settings.SEND_WAIT_MS, 1, 60_000));
        Duration delivery = Duration.ofMillis(r.integer(Settings.KAFKA_DELIVERY_TIMEOUT_MS, 1000, 120_000));
        int maxBody = r.integer(Settings.MAX_BODY_BYTES, 1024, 16 * 1024 * 1024);
        int wsQueue = r.integer(Settings.WS_SEND_QUEUE_FRAMES, 16, 1_000_000);
        Duration access = Duration.ofSeconds(r.integer(Settings.ACCESS_TOKEN_TTL_SECONDS, 30, 86_400));
        Duration refresh = Duration.ofDays(r.integer(Settings.REFRESH_TOKEN_TTL_DAYS, 1, 365));
        int instances = r.integer(Settings.EDGE_INSTANCES, Runtime.getRuntime().availableProcessors(), 1, 256);
        String replica = r.optional(
                Settings.REPLICA_ID.name(),
                "edge-" + UUID.randomUUID().toString().substring(0, 8));
        int userPerMinute = r.integer(Settings.RATE_LIMIT_USER_PER_MINUTE, 1, 1_000_000);
        int ipAuthPerMinute = r.integer(Settings.RATE_LIMIT_IP_AUTH_PER_MINUTE, 1, 1_000_000);
        int wsFramesPerSecond = r.integer(Settings.RATE_LIMIT_WS_FRAMES_PER_SECOND, 1, 100_000);
        int socketsPerUser = r.integer(Settings.WS_MAX_SOCKETS_PER_USER, 1, 10_000);
        List<String> corsOrigins = Arrays.stream(
                        r.optional(Settings.CORS_ORIGINS.name(), "").split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        for (String origin : corsOrigins) {
            if (!origin.matches("https?://[^/\\s*]+")) {
                r.problem("HUMANCHAT_CORS_ORIGINS entries must be origins like https://app.example.com, not '" + origin
                        + "'");
            }
        }
        Duration presenceTtl = Duration.ofSeconds(r.integer(Settings.PRESENCE_TTL_SECONDS, 3, 3600));
        List<String> iceServers = Arrays.stream(
                        r.optional(Settings.ICE_SERVERS.name(), "").split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        for (String url : iceServers) {
            if (!url.matches("(stun|stuns|turn|turns):[^\\s,]+")) {
                r.problem(
                        "HUMANCHAT_ICE_SERVERS entries must be stun:, stuns:, turn: or turns: URLs, not '" + url + "'");
            }
        }
        int maxSockets = r.integer(Settings.WS_MAX_SOCKETS, defaultMaxSockets(), 1, Integer.MAX_VALUE);
        // Unset: payments are not configured and every /api/payments call answers 503.
        String stripeWebhookSecret = r.optional(Settings.STRIPE_WEBHOOK_SECRET);
        // The payments worker's variable: a cancellation is previewed by the rule it refunds with.
        RefundPolicy refundPolicy = RefundPolicy.fromEnv(r);
        List<String> trustedProxies = Arrays.stream(
                        r.optional(Settings.TRUSTED_PROXIES.name(), "").split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        for (String proxy : trustedProxies) {
            TrustedProxies.problemWith(proxy).ifPresent(problem -> r.problem("HUMANCHAT_TRUSTED_PROXIES: " + problem));
        }
        int lockoutFailures = r.integer(Settings.SIGN_IN_LOCKOUT_FAILURES, 1, 1000);
        Duration lockoutFirst = Duration.ofSeconds(r.integer(Settings.SIGN_IN_LOCKOUT_SECONDS, 1, 86_400));
        Duration lockoutMax = Duration.ofSeconds(r.integer(Settings.SIGN_IN_LOCKOUT_MAX_SECONDS, 1, 86_400));
        if (lockoutMax.compareTo(lockoutFirst) < 0) {
            r.problem("HUMANCHAT_SIGN_IN_LOCKOUT_MAX_SECONDS must be at least HUMANCHAT_SIGN_IN_LOCKOUT_SECONDS");
        }
        MailConfig mail = MailConfig.read(r, httpPort);
        AccountConfig account = AccountConfig.read(r);
        AttachmentConfig attachments = AttachmentConfig.read(r);
        // Web Push: browsers subscribe with this key (null = push off; the notifier holds the private half)
        String vapidPublicKey = WebPushKeys.readPublicKey(r);
        r.throwIfInvalid();
        return new EdgeConfig(
                httpPort,
                opsHttpPort,
                kafka,
                postgres,
                redis,
                secret,
                admins,
                sendWait,
                delivery,
                maxBody,
                wsQueue,
                access,
                refresh,
                instances,
                replica,
                userPerMinute,
                ipAuthPerMinute,
                wsFramesPerSecond,
                socketsPerUser,
                corsOrigins,
                presenceTtl,
                iceServers,
                maxSockets,
                stripeWebhookSecret,
                refundPolicy,
                trustedProxies,
                lockoutFailures,
                lockoutFirst,
                lockoutMax,
                mail,
                account,
                attachments,
                vapidPublicKey);
    }
}
