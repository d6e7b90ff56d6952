package com.humanchat.edge.payments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.humanchat.edge.http.ProblemException;
import com.humanchat.schemas.Json;
import com.humanchat.schemas.payments.StripeEventReceived;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import java.nio.charset.StandardCharsets;

/**
 * Accepts a Stripe webhook only when its {@code Stripe-Signature} is a valid HMAC-SHA256 of the exact raw body with
 * the endpoint secret, signed within {@value #TOLERANCE_SECONDS} s (stripe-java's {@link Webhook#constructEvent});
 * anything else is a 400 problem. The event is keyed by our paymentId (from the object's metadata) or, failing that,
 * the Stripe object's id, so that the events of one payment stay in order.
 */
public final class StripeWebhookVerifier {

    static final long TOLERANCE_SECONDS = 300;

    private final String secret;

    public StripeWebhookVerifier(String secret) {
        this.secret = secret;
    }

    /** The verified event, ready for {@code payments.webhooks}; throws a 400 problem otherwise. */
    public StripeEventReceived verify(byte[] rawBody, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw ProblemException.badRequest("the Stripe-Signature header is missing");
        }
        String payload = new String(rawBody, StandardCharsets.UTF_8);
        try {
            Webhook.constructEvent(payload, signatureHeader, secret, TOLERANCE_SECONDS);
        } catch (SignatureVerificationException e) {
            throw ProblemException.badRequest("the Stripe signature does not verify: " + e.getMessage());
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("the signed body is not a Stripe event");
        }
        JsonNode event;
        try {
            event = Json.mapper().readTree(payload);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("the signed body is not a Stripe event");
        }
        String id = event.path("id").asText("");
        String type = event.path("type").asText("");
        JsonNode object = event.path("data").path("object");
        String subject = object.path("metadata")
                .path("payment_id")
                .asText(object.path("id").asText(""));
        if (id.isEmpty() || type.isEmpty() || subject.isEmpty()) {
            throw ProblemException.badRequest("the Stripe event has no id, type or object");
        }
        return StripeEventReceived.of(id, type, subject, event);
    }
}
