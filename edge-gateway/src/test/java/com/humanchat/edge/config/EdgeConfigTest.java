package com.humanchat.edge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.humanchat.schemas.config.InvalidConfigurationException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
    void readsTheRequiredVariables() {
        EdgeConfig config = EdgeConfig.fromEnv(minimal());

        assertThat(config.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(config.postgres().host()).isEqualTo("db.internal");
        assertThat(config.postgres().port()).isEqualTo(5433);
        assertThat(config.postgres().database()).isEqualTo("humanchat");
        assertThat(config.postgres().user()).isEqualTo("edge");
        assertThat(config.postgres().password()).isEqualTo("pw");
        assertThat(config.redisUrl()).isEqualTo("redis://127.0.0.1:6379");
        assertThat(config.jwtSecret()).isEqualTo(SECRET);
        assertThat(config.instances()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(config.replicaId()).startsWith("edge-");
        assertThat(config.mail().publicUrl()).isEqualTo("http://localhost:8080");
    }

    static Stream<Arguments> defaults() {
        return Stream.of(
                unset("HUMANCHAT_HTTP_PORT", EdgeConfig::httpPort, 8080),
                unset("HUMANCHAT_OPS_HTTP_PORT", EdgeConfig::opsHttpPort, 8081),
                unset("HUMANCHAT_ADMIN_EMAILS", EdgeConfig::adminEmails, Set.of()),
                unset("HUMANCHAT_MAX_BODY_BYTES", EdgeConfig::maxBodyBytes, 64 * 1024),
                unset("HUMANCHAT_ACCESS_TOKEN_TTL_SECONDS", EdgeConfig::accessTokenTtl, Duration.ofMinutes(15)),
                unset("HUMANCHAT_REFRESH_TOKEN_TTL_DAYS", EdgeConfig::refreshTokenTtl, Duration.ofDays(30)),
                unset("HUMANCHAT_TRUSTED_PROXIES", EdgeConfig::trustedProxies, List.of()),
                unset("HUMANCHAT_SIGN_IN_LOCKOUT_FAILURES", EdgeConfig::signInLockoutFailures, 5),
                unset("HUMANCHAT_SIGN_IN_LOCKOUT_SECONDS", EdgeConfig::signInLockoutFirst, Duration.ofSeconds(30)),
                unset("HUMANCHAT_SIGN_IN_LOCKOUT_MAX_SECONDS", EdgeConfig::signInLockoutMax, Duration.ofMinutes(15)),
                unset("HUMANCHAT_RATE_LIMIT_USER_PER_MINUTE", EdgeConfig::rateLimitUserPerMinute, 600),
                unset("HUMANCHAT_RATE_LIMIT_IP_AUTH_PER_MINUTE", EdgeConfig::rateLimitIpAuthPerMinute, 30),
                unset("HUMANCHAT_RATE_LIMIT_WS_FRAMES_PER_SECOND", EdgeConfig::wsFramesPerSecond, 50),
                unset("HUMANCHAT_WS_MAX_SOCKETS_PER_USER", EdgeConfig::wsMaxSocketsPerUser, 20),
                unset("HUMANCHAT_CORS_ORIGINS", EdgeConfig::corsOrigins, List.of()),
                // payments are configured only with a Stripe webhook secret
                unset("HUMANCHAT_STRIPE_WEBHOOK_SECRET", EdgeConfig::stripeWebhookSecret, null));
    }

    @ParameterizedTest
    @MethodSource("defaults")
    void anUnsetOptionalVariableTakesItsDefault(Function<EdgeConfig, Object> read, Object expected) {
        assertThat(read.apply(EdgeConfig.fromEnv(minimal()))).isEqualTo(expected);
    }

    static Stream<Arguments> optionalVariables() {
        return Stream.of(
                set("HUMANCHAT_HTTP_PORT", "0", EdgeConfig::httpPort, 0),
                set(
                        "HUMANCHAT_ADMIN_EMAILS",
                        " Boss@Example.com, ops@example.com ,,",
                        EdgeConfig::adminEmails,
                        Set.of("boss@example.com", "ops@example.com")),
                set("HUMANCHAT_SEND_WAIT_MS", "1500", EdgeConfig::sendWait, Duration.ofMillis(1500)),
                set(
                        "HUMANCHAT_KAFKA_DELIVERY_TIMEOUT_MS",
                        "8000",
                        EdgeConfig::kafkaDeliveryTimeout,
                        Duration.ofSeconds(8)),
                set("HUMANCHAT_MAX_BODY_BYTES", "4096", EdgeConfig::maxBodyBytes, 4096),
                set("HUMANCHAT_WS_SEND_QUEUE_FRAMES", "64", EdgeConfig::wsSendQueueFrames, 64),
                set("HUMANCHAT_ACCESS_TOKEN_TTL_SECONDS", "300", EdgeConfig::accessTokenTtl, Duration.ofMinutes(5)),
                set("HUMANCHAT_REFRESH_TOKEN_TTL_DAYS", "7", EdgeConfig::refreshTokenTtl, Duration.ofDays(7)),
                set("HUMANCHAT_EDGE_INSTANCES", "3", EdgeConfig::instances, 3),
                set("HUMANCHAT_REPLICA_ID", "edge-a", EdgeConfig::replicaId, "edge-a"),
                set(
                        "HUMANCHAT_TRUSTED_PROXIES",
                        " 10.0.0.0/8, fd00::/8 ,",
                        EdgeConfig::trustedProxies,
                        List.of("10.0.0.0/8", "fd00::/8")),
                set("HUMANCHAT_STRIPE_WEBHOOK_SECRET", " whsec_abc ", EdgeConfig::stripeWebhookSecret, "whsec_abc"),
                set("HUMANCHAT_RATE_LIMIT_USER_PER_MINUTE", "100", EdgeConfig::rateLimitUserPerMinute, 100),
                set("HUMANCHAT_RATE_LIMIT_IP_AUTH_PER_MINUTE", "10", EdgeConfig::rateLimitIpAuthPerMinute, 10),
                set("HUMANCHAT_RATE_LIMIT_WS_FRAMES_PER_SECOND", "20", EdgeConfig::wsFramesPerSecond, 20),
                set("HUMANCHAT_WS_MAX_SOCKETS_PER_USER", "3", EdgeConfig::wsMaxSocketsPerUser, 3),
                set(
                        "HUMANCHAT_CORS_ORIGINS",
                        "https://app.example.com, http://localhost:5173,",
                        EdgeConfig::corsOrigins,
                        List.of("https://app.example.com", "http://localhost:5173")));
    }

    @ParameterizedTest
    @MethodSource("optionalVariables")
    void readsAnOptionalVariable(String variable, String value, Function<EdgeConfig, Object> read, Object expected) {
        Map<String, String> env = minimal();
        env.put(variable, value);

        assertThat(read.apply(EdgeConfig.fromEnv(env))).isEqualTo(expected);
    }

    private static Arguments unset(String variable, Function<EdgeConfig, Object> read, Object expected) {
        return argumentSet(variable + " unset", read, expected);
    }

    private static Arguments set(String variable, String value, Function<EdgeConfig, Object> read, Object expected) {
        return argumentSet(variable + "=" + value, variable, value, read, expected);
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
        String problems = refusal(Map.of(
                "HUMANCHAT_HTTP_PORT", "http",
                "HUMANCHAT_PG_URL", "mysql://db/humanchat",
                "HUMANCHAT_REDIS_URL", "127.0.0.1:6379",
                "HUMANCHAT_JWT_SECRET", "short",
                "HUMANCHAT_MAX_BODY_BYTES", "10",
                "HUMANCHAT_EDGE_INSTANCES", "0"));

        assertThat(problems.lines().filter(l -> l.startsWith("  - "))).hasSize(6);
        assertThat(problems)
                .contains(
                        "HUMANCHAT_HTTP_PORT must be a whole number",
                        "HUMANCHAT_PG_URL",
                        "HUMANCHAT_REDIS_URL must start with redis://",
                        "HUMANCHAT_JWT_SECRET must be at least 32 bytes",
                        "HUMANCHAT_MAX_BODY_BYTES must be between",
                        "HUMANCHAT_EDGE_INSTANCES must be between");
    }

    @Test
    void refusesAnOpsPortOnTheHttpPortAProxyThatIsNoAddressAndALockoutLongerThanItsMaximum() {
        assertThat(refusal(Map.of(
                        "HUMANCHAT_HTTP_PORT", "9000",
                        "HUMANCHAT_OPS_HTTP_PORT", "9000",
                        "HUMANCHAT_TRUSTED_PROXIES", "ingress.local",
                        "HUMANCHAT_SIGN_IN_LOCKOUT_SECONDS", "600",
                        "HUMANCHAT_SIGN_IN_LOCKOUT_MAX_SECONDS", "60")))
                .contains(
                        "HUMANCHAT_OPS_HTTP_PORT must differ from HUMANCHAT_HTTP_PORT",
                        "HUMANCHAT_TRUSTED_PROXIES: 'ingress.local' is not an IP address",
                        "HUMANCHAT_SIGN_IN_LOCKOUT_MAX_SECONDS must be at least");
    }

    @Test
    void neverPrintsSecretsInItsProblems() {
        assertThat(refusal(Map.of("HUMANCHAT_JWT_SECRET", "tooshort-secret"))).doesNotContain("tooshort-secret");
    }

    @Test
    void rejectsACorsEntryThatIsNotAnOrigin() {
        assertThat(refusal(Map.of("HUMANCHAT_CORS_ORIGINS", "*, https://app.example.com/path")))
                .contains("HUMANCHAT_CORS_ORIGINS entries must be origins");
    }

    /** The problems reported for the minimal environment with {@code changes}, which must be refused. */
    private static String refusal(Map<String, String> changes) {
        Map<String, String> env = minimal();
        env.putAll(changes);
        InvalidConfigurationException refused =
                catchThrowableOfType(InvalidConfigurationException.class, () -> EdgeConfig.fromEnv(env));
        assertThat(refused).as("refused").isNotNull();
        return refused.getMessage();
    }
}
