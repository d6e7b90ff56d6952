package com.humanchat.edge.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.humanchat.edge.http.ProblemException;
import com.humanchat.payments.stripe.StripeWebhooks;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StripeWebhookVerifierTest {

    private static final String SECRET = "whsec_test_secret";

    private final Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);
    private final StripeWebhookVerifier verifier = new StripeWebhookVerifier(SECRET, clock);
    private final long now = clock.instant().getEpochSecond();

    @Test
    void refusesAValidSignatureDatedAnHourInTheFuture() {
        String payload = event("evt_future", now + 3600);

        assertThatThrownBy(() -> verify(payload, StripeWebhooks.signature(payload, SECRET, now + 3600)))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.getMessage()).contains("in the future");
                });
    }

    @Test
    void refusesATimestampJustBeyondTheSkewAndAcceptsOneWithinIt() {
        long beyond = now + StripeWebhookVerifier.FUTURE_SKEW_SECONDS + 1;
        String late = event("evt_beyond", beyond);
        assertThatThrownBy(() -> verify(late, StripeWebhooks.signature(late, SECRET, beyond)))
                .isInstanceOf(ProblemException.class);

        long within = now + StripeWebhookVerifier.FUTURE_SKEW_SECONDS;
        String ok = event("evt_within", within);
        assertThat(verify(ok, StripeWebhooks.signature(ok, SECRET, within)).stripeEventId())
                .isEqualTo("evt_within");
    }

    @Test
    void stillRefusesAStaleSignatureAndAcceptsAFreshOne() {
        long stale = now - StripeWebhookVerifier.TOLERANCE_SECONDS - 1;
        String old = event("evt_stale", stale);
        assertThatThrownBy(() -> verify(old, StripeWebhooks.signature(old, SECRET, stale)))
                .isInstanceOf(ProblemException.class);

        String fresh = event("evt_fresh", now);
        assertThat(verify(fresh, StripeWebhooks.signature(fresh, SECRET, now)).stripeEventId())
                .isEqualTo("evt_fresh");
    }

    private com.humanchat.schemas.payments.StripeEventReceived verify(String payload, String signature) {
        return verifier.verify(payload.getBytes(StandardCharsets.UTF_8), signature);
    }

    private static String event(String id, long created) {
        return StripeWebhooks.event(id, "account.updated", created, StripeWebhooks.account("acct_1", true, true));
    }
}
