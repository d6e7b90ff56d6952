package com.humanchat.edge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.humanchat.schemas.config.InvalidConfigurationException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EdgeConfigTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    private static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put("HUMANCHAT_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
        env.put("HUMANCHAT_PG_URL", "postgresql://edge:pw@db.internal:5433/humanchat");
        env.put("HUMANCHAT_REDIS_URL", "redis://127.0.0.1:6379");
        env.put("HUMANCHAT_JWT_SECRET", SECRET);
        return env;
    }

    @Test
    void readsTheRequiredVariablesAndDefaultsTheRest() {
        EdgeConfig config = EdgeConfig.fromEnv(minimal());

        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(config.postgres().host()).isEqualTo("db.internal");
        assertThat(config.postgres().port()).isEqualTo(5433);
        assertThat(config.postgres().database()).isEqualTo("humanchat");
        assertThat(config.postgres().user()).isEqualTo("edge");
        assertThat(config.postgres().password()).isEqualTo("pw");
        assertThat(config.redisUrl()).isEqualTo("redis://127.0.0.1:6379");
        assertThat(config.jwtSecret()).isEqualTo(SECRET);
        assertThat(config.adminEmails()).isEmpty();
        assertThat(config.maxBodyBytes()).isEqualTo(64 * 1024);
        assertThat(config.accessTokenTtl()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.refreshTokenTtl()).isEqualTo(Duration.ofDays(30));
        assertThat(config.instances()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(config.replicaId()).startsWith("edge-");
        assertThat(config.mail().publicUrl()).isEqualTo("http://localhost:8080");
    }

    @Test
    void readsEveryOptionalVariable() {
        Map<String, String> env = minimal();
        env.put("HUMANCHAT_HTTP_PORT", "0");
        env.put("HUMANCHAT_ADMIN_EMAILS", " Boss@Example.com, ops@example.com ,,");
        env.put("HUMANCHAT_SEND_WAIT_MS", "1500");
        env.put("HUMANCHAT_KAFKA_DELIVERY_TIMEOUT_MS", "8000");
        env.put("HUMANCHAT_MAX_BODY_BYTES", "4096");
        env.put("HUMANCHAT_WS_SEND_QUEUE_FRAMES", "64");
        env.put("HUMANCHAT_ACCESS_TOKEN_TTL_SECONDS", "300");
        env.put("HUMANCHAT_REFRESH_TOKEN_TTL_DAYS", "7");
        env.put("HUMANCHAT_EDGE_INSTANCES", "3");
        env.put("HUMANCHAT_REPLICA_ID", "edge-a");

        EdgeConfig config = EdgeConfig.fromEnv(env);

        assertThat(config.httpPort()).isZero();
        assertThat(config.adminEmails()).containsExactlyInAnyOrder("boss@example.com", "ops@example.com");
        assertThat(config.sendWait()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.kafkaDeliveryTimeout()).isEqualTo(Duration.ofSeconds(8));
        assertThat(config.maxBodyBytes()).isEqualTo(4096);
        assertThat(config.wsSendQueueFrames()).isEqualTo(64);
        assertThat(config.accessTokenTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.refreshTokenTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(config.instances()).isEqualTo(3);
        assertThat(config.replicaId()).isEqualTo("edge-a");
    }

    @Test
    void acceptsTheJdbcFormOfThePostgresUrl() {
        Map<String, String> env = minimal();
        env.put("HUMANCHAT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/chat?user=postgres");

        EdgeConfig config = EdgeConfig.fromEnv(env);

        assertThat(config.postgres().database()).isEqualTo("chat");
        assertThat(config.postgres().user()).isEqualTo("postgres");
    }

    @Test
    void reportsEveryMissingVariableAtOnce() {
        assertThatThrownBy(() -> EdgeConfig.fromEnv(Map.of()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("HUMANCHAT_KAFKA_BOOTSTRAP is required")
                .hasMessageContaining("HUMANCHAT_PG_URL is required")
                .hasMessageContaining("HUMANCHAT_REDIS_URL is required")
                .hasMessageContaining("HUMANCHAT_JWT_SECRET is required");
    }

    @Test
    void reportsEveryInvalidValueAtOnce() {
        Map<String, String> env = minimal();
        env.put("HUMANCHAT_HTTP_PORT", "http");
        env.put("HUMANCHAT_PG_URL", "mysql://db/humanchat");
        env.put("HUMANCHAT_REDIS_URL", "127.0.0.1:6379");
        env.put("HUMANCHAT_JWT_SECRET", "short");
        env.put("HUMANCHAT_MAX_BODY_BYTES", "10");
        env.put("HUMANCHAT_EDGE_INSTANCES", "0");

        assertThatThrownBy(() -> EdgeConfig.fromEnv(env))
                .isInstanceOf(InvalidConfigurationException.class)
                .satisfies(e -> assertThat(e.getMessage().lines().filter(l -> l.startsWith("  - ")))
                        .hasSize(6))
                .hasMessageContaining("HUMANCHAT_HTTP_PORT must be a whole number")
                .hasMessageContaining("HUMANCHAT_PG_URL")
                .hasMessageContaining("HUMANCHAT_REDIS_URL must start with redis://")
                .hasMessageContaining("HUMANCHAT_JWT_SECRET must be at least 32 bytes")
                .hasMessageContaining("HUMANCHAT_MAX_BODY_BYTES must be between")
                .hasMessageContaining("HUMANCHAT_EDGE_INSTANCES must be between");
    }

    @Test
    void readsTheOpsPortTrustedProxiesAndLockoutAndRefusesWhatCannotWork() {
        EdgeConfig defaults = EdgeConfig.fromEnv(minimal());
        assertThat(defaults.opsHttpPort()).isEqualTo(8081);
        assertThat(defaults.trustedProxies()).isEmpty();
        assertThat(defaults.signInLockoutFailures()).isEqualTo(5);
        assertThat(defaults.signInLockoutFirst()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.signInLockoutMax()).isEqualTo(Duration.ofMinutes(15));

        Map<String, String> env = minimal();
        env.put("HUMANCHAT_TRUSTED_PROXIES", " 10.0.0.0/8, fd00::/8 ,");
        assertThat(EdgeConfig.fromEnv(env).trustedProxies()).containsExactly("10.0.0.0/8", "fd00::/8");

        env.put("HUMANCHAT_HTTP_PORT", "9000");
        env.put("HUMANCHAT_OPS_HTTP_PORT", "9000");
        env.put("HUMANCHAT_TRUSTED_PROXIES", "ingress.local");
        env.put("HUMANCHAT_SIGN_IN_LOCKOUT_SECONDS", "600");
        env.put("HUMANCHAT_SIGN_IN_LOCKOUT_MAX_SECONDS", "60");
        assertThatThrownBy(() -> EdgeConfig.fromEnv(env))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("HUMANCHAT_OPS_HTTP_PORT must differ from HUMANCHAT_HTTP_PORT")
                .hasMessageContaining("HUMANCHAT_TRUSTED_PROXIES: 'ingress.local' is not an IP address")
                .hasMessageContaining("HUMANCHAT_SIGN_IN_LOCKOUT_MAX_SECONDS must be at least");
    }

    @Test
    void neverPrintsSecretsInItsProblems() {
        Map<String, String> env = minimal();
        env.put("HUMANCHAT_JWT_SECRET", "tooshort-secret");

        assertThatThrownBy(() -> EdgeConfig.fromEnv(env))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("tooshort-secret"));
    }

    @Test
    void paymentsAreConfiguredOnlyWithAStripeWebhookSecret() {
        assertThat(EdgeConfig.fromEnv(minimal()).stripeWebhookSecret()).isNull();

        Map<String, String> env = minimal();
        env.put("HUMANCHAT_STRIPE_WEBHOOK_SECRET", " whsec_abc ");

        assertThat(EdgeConfig.fromEnv(env).stripeWebhookSecret()).isEqualTo("whsec_abc");
    }

    @Test
    void readsAbuseLimitsAndCorsOrigins() {
        EdgeConfig defaults = EdgeConfig.fromEnv(minimal());
        assertThat(defaults.rateLimitUserPerMinute()).isEqualTo(600);
        assertThat(defaults.rateLimitIpAuthPerMinute()).isEqualTo(30);
        assertThat(defaults.wsFramesPerSecond()).isEqualTo(50);
        assertThat(defaults.wsMaxSocketsPerUser()).isEqualTo(20);
        assertThat(defaults.corsOrigins()).isEmpty();

        Map<String, String> env = minimal();
        env.put("HUMANCHAT_RATE_LIMIT_USER_PER_MINUTE", "100");
        env.put("HUMANCHAT_RATE_LIMIT_IP_AUTH_PER_MINUTE", "10");
        env.put("HUMANCHAT_RATE_LIMIT_WS_FRAMES_PER_SECOND", "20");
        env.put("HUMANCHAT_WS_MAX_SOCKETS_PER_USER", "3");
        env.put("HUMANCHAT_CORS_ORIGINS", "https://app.example.com, http://localhost:5173,");
        EdgeConfig config = EdgeConfig.fromEnv(env);

        assertThat(config.rateLimitUserPerMinute()).isEqualTo(100);
        assertThat(config.rateLimitIpAuthPerMinute()).isEqualTo(10);
        assertThat(config.wsFramesPerSecond()).isEqualTo(20);
        assertThat(config.wsMaxSocketsPerUser()).isEqualTo(3);
        assertThat(config.corsOrigins()).containsExactly("https://app.example.com", "http://localhost:5173");
    }

    @Test
    void rejectsACorsEntryThatIsNotAnOrigin() {
        Map<String, String> env = minimal();
        env.put("HUMANCHAT_CORS_ORIGINS", "*, https://app.example.com/path");

        assertThatThrownBy(() -> EdgeConfig.fromEnv(env))
                .hasMessageContaining("HUMANCHAT_CORS_ORIGINS entries must be origins");
    }
}
