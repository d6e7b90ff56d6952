package com.humanchat.payments.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.humanchat.payments.domain.AccountState;
import com.humanchat.payments.domain.StripeFact;
import com.humanchat.schemas.Json;
import com.humanchat.schemas.payments.StripeEventReceived;
import com.stripe.model.Event;
import com.stripe.net.ApiResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stripe's events as its API reference shows them (under {@code stripe-events/}), read through stripe-java. */
class StripeEventReaderTest {

    private static final String INTENT = "pi_3MtwBwLkdIwHu7ix28a3tqPa";

    @Test
    void aSucceededPaymentIntentIsAPaymentThatSucceeded() {
        assertThat(StripeEventReader.read(event(json("payment_intent.succeeded"))))
                .isEqualTo(new StripeFact.PaymentSucceeded(INTENT));
    }

    @Test
    void aDeclinedCardIsAFailedPaymentWithStripesMessageForThePayer() {
        assertThat(StripeEventReader.read(event(json("payment_intent.payment_failed"))))
                .isEqualTo(new StripeFact.PaymentFailed(INTENT, "Your card was declined."));
    }

    @Test
    void aFailureStripeGivesNoErrorForStillHasAReason() {
        ObjectNode failed = tree("payment_intent.payment_failed");
        ((ObjectNode) failed.path("data").path("object")).putNull("last_payment_error");

        assertThat(StripeEventReader.read(event(failed.toString())))
                .isEqualTo(new StripeFact.PaymentFailed(INTENT, StripeEventReader.UNKNOWN_FAILURE));
    }

    @Test
    void anUpdatedAccountIsTheAccountAsItIsNowAtTheEventsTime() {
        assertThat(StripeEventReader.read(event(json("account.updated"))))
                .isEqualTo(new StripeFact.AccountChanged(
                        new AccountState(
                                "acct_1Nv0FGQ9RKHgCVdK",
                                false,
                                false,
                                true,
                                List.of("external_account", "individual.verification.document")),
                        1695830912));
    }

    @Test
    void aRefundedChargeChangesNothingOfTheLedgers() {
        assertThat(StripeEventReader.read(event(json("charge.refunded")))).isEqualTo(new StripeFact.Ignored());
    }

    @Test
    void readsAnEndpointsOlderApiVersionAlike() {
        ObjectNode older = tree("payment_intent.succeeded").put("api_version", "2024-06-20");

        assertThat(StripeEventReader.read(event(older.toString()))).isEqualTo(new StripeFact.PaymentSucceeded(INTENT));
    }

    @Test
    void readsTheEventAsTheEdgeForwardedIt() {
        ObjectNode payload = tree("payment_intent.payment_failed");

        assertThat(StripeEventReader.read(StripeEventReceived.of(
                        "evt_3MtwBwLkdIwHu7ix1nQbB2Ts",
                        "payment_intent.payment_failed",
                        "6f1c2c1e-3f5a-4d2b-9a57-2b9a9c2e7d10",
                        payload)))
                .isEqualTo(new StripeFact.PaymentFailed(INTENT, "Your card was declined."));
    }

    @Test
    void refusesAnEventWhoseObjectIsNotWhatItsTypeSays() {
        ObjectNode mislabelled = tree("charge.refunded").put("type", "payment_intent.succeeded");

        assertThatThrownBy(() -> StripeEventReader.read(event(mislabelled.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("carries no PaymentIntent");
    }

    private static Event event(String json) {
        return ApiResource.GSON.fromJson(json, Event.class);
    }

    private static ObjectNode tree(String type) {
        try {
            return (ObjectNode) Json.mapper().readTree(json(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(String type) {
        try (InputStream in = StripeEventReaderTest.class.getResourceAsStream("/stripe-events/" + type + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
