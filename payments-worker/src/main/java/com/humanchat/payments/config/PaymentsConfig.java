package com.humanchat.payments.config;

import com.humanchat.migrations.PostgresUrl;
import com.humanchat.payments.domain.PlatformFee;
import com.humanchat.schemas.config.EnvironmentReader;
import com.humanchat.schemas.config.PublicUrl;
import com.humanchat.schemas.config.Settings;
import com.humanchat.schemas.sessions.RefundPolicy;
import java.time.Duration;
import java.util.Map;

/**
 * Everything the payments worker reads from its environment, validated at start with every problem reported at once.
 *
 * @param stripeApiBase null for Stripe's own API; set only to point at another endpoint (a proxy, a test server)
 * @param connectReturnUrl where Stripe sends a host back after onboarding: the web client's settings
 * @param connectRefreshUrl where Stripe sends a host whose onboarding link expired, to ask for a fresh one
 * @param threads the bounded pool that runs Stripe and PostgreSQL calls, one partition's records at a time
 * @param maxPollInterval the consumer's {@code max.poll.interval.ms}: a consumer that does not poll this long leaves its
 *     group, and a loop that has not polled this long is reported dead ({@code /health/live})
 */
public record PaymentsConfig(
        String kafkaBootstrap,
        PostgresUrl postgres,
        String stripeApiKey,
        String stripeApiBase,
        PlatformFee platformFee,
        RefundPolicy refundPolicy,
        String connectReturnUrl,
        String connectRefreshUrl,
        int threads,
        Duration maxPollInterval,
        String groupId) {

    public static final String API_KEY = Settings.STRIPE_API_KEY.name();
    public static final String GROUP_ID = "humanchat-payments";

    /** True when the environment holds a Stripe key: without one the platform runs with payments switched off. */
    public static boolean configured(Map<String, String> env) {
        return new EnvironmentReader(env).optional(API_KEY) != null;
    }

    public static PaymentsConfig fromEnv(Map<String, String> env) {
        EnvironmentReader r = new EnvironmentReader(env);
        String kafka = r.required(Settings.KAFKA_BOOTSTRAP);
        PostgresUrl postgres = r.required(Settings.PG_URL, PostgresUrl::parse);
        String apiKey = r.required(API_KEY, "Stripe secret key of the platform account");
        String apiBase = r.httpUrl(Settings.STRIPE_API_BASE, null);
        int feeBps = r.integer(Settings.PLATFORM_FEE_BPS, 0, PlatformFee.MAX_BASIS_POINTS);
        RefundPolicy refunds = RefundPolicy.fromEnv(r);
        // the edge's setting, read as the edge reads it
        String publicUrl = PublicUrl.read(r, r.integer(Settings.HTTP_PORT, 0, 65535));
        int threads = r.integer(Settings.PAYMENTS_THREADS, 1, 64);
        int maxPollIntervalMs = r.integer(Settings.PAYMENTS_MAX_POLL_INTERVAL_MS, 1_000, 3_600_000);
        r.throwIfInvalid();
        return new PaymentsConfig(
                kafka,
                postgres,
                apiKey,
                apiBase,
                new PlatformFee(feeBps),
                refunds,
                connectUrl(publicUrl, "return"),
                connectUrl(publicUrl, "refresh"),
                threads,
                Duration.ofMillis(maxPollIntervalMs),
                GROUP_ID);
    }

    /**
     * The web client's settings view with {@code stripe=<outcome>}, where it tells the host how onboarding went; set
     * here, never taken from a client, so that an Account Link can only lead back to the platform.
     */
    private static String connectUrl(String publicUrl, String outcome) {
        return publicUrl + "/#/settings?stripe=" + outcome;
    }

    @Override
    public String toString() {
        return "PaymentsConfig[kafka=" + kafkaBootstrap + ", postgres=" + postgres + ", stripeApiBase="
                + (stripeApiBase == null ? "stripe" : stripeApiBase) + ", feeBps=" + platformFee.basisPoints()
                + ", refundFullBefore=" + refundPolicy.fullRefundBefore() + ", threads=" + threads
                + ", maxPollInterval=" + maxPollInterval + "]";
    }
}
