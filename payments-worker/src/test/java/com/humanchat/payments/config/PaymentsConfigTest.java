package com.humanchat.payments.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.humanchat.schemas.config.InvalidConfigurationException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentsConfigTest {

    private static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put("HUMANCHAT_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
        env.put("HUMANCHAT_PG_URL", "postgresql://payments:pw@db.internal:5432/humanchat");
        env.put("HUMANCHAT_STRIPE_API_KEY", "sk_test_config");
        return env;
    }

    @Test
    void onboardingReturnsToThePublicUrl() {
        Map<String, String> env = minimal();
        env.put("HUMANCHAT_PUBLIC_URL", "https://chat.example.com/");

        PaymentsConfig config = PaymentsConfig.fromEnv(env);

        assertThat(config.connectReturnUrl()).isEqualTo("https://chat.example.com/#/settings?stripe=return");
        assertThat(config.connectRefreshUrl()).isEqualTo("https://chat.example.com/#/settings?stripe=refresh");
    }

    @Test
    void withoutAPublicUrlOnboardingReturnsToTheEdgeOnThisMachine() {
        Map<String, String> env = minimal();
        env.put("HUMANCHAT_HTTP_PORT", "9090");

        assertThat(PaymentsConfig.fromEnv(env).connectReturnUrl())
                .isEqualTo("http://localhost:9090/#/settings?stripe=return");
    }

    @Test
    void reportsAnEdgePortThatNoLinkCanName() {
        Map<String, String> env = minimal();
        env.put("HUMANCHAT_HTTP_PORT", "web");

        assertThat(catchThrowableOfType(InvalidConfigurationException.class, () -> PaymentsConfig.fromEnv(env))
                        .problems())
                .containsExactly("HUMANCHAT_HTTP_PORT must be a whole number, was 'web'");
    }
}
