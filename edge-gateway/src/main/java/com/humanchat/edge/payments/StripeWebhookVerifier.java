package com.humanchat.edge.payments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.humanchat.edge.http.ProblemException;
import com.humanchat.schemas.Json;
import com.humanchat.schemas.payments.StripeEventReceived;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * Accepts a Stripe webhook only when its {@code Stripe-Signature} is a valid HMAC-SHA256 of the exact raw body with
 * the endpoint secret, signed within {@value #TOLERANCE_SECONDS} s (stripe-java's {@link Webhook#constructEvent}) and
 * not more than {@value #FUTURE_SKEW_SECONDS} s ahead of our clock (stripe-java checks only the past: a signature
 * stamped in the future would otherwise stay replayable until that future has passed); anything else is a 400 problem. The event is keyed by our paymentId (from the object's metadata) or, failing that,
 * the Stripe object's id, so that the events of one payment stay in order.
 */
public final class StripeWebhookVerifier {

    static final long TOLERANCE_SECONDS = 300;

    /** Clock skew allowed between Stripe and us for a timestamp ahead of our clock. */
    static final long FUTURE_SKEW_SECONDS = 60;

    private final String secret;
    private final Clock clock;

    public StripeWebhookVerifier(String secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    /** The verified event, ready for {@code payments.webhooks}; throws a 400 problem otherwise. */
    public StripeEventReceived verify(byte[] rawBody, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw ProblemException.badRequest("the Stripe-Signature header is missing");
        }
        String payload = new String(rawBody, StandardCharsets.UTF_8);
        OptionalLong signedAt = timestamp(signatureHeader);
        if (signedAt.isPresent() && signedAt.getAsLong() > clock.instant().getEpochSecond() + FUTURE_SKEW_SECONDS) {
            throw ProblemException.badRequest("the Stripe signature is dated more than " + FUTURE_SKEW_SECONDS
                    + " s in the future; check the clocks");
        }
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

    /**
     * The {@code t=} element of a {@code Stripe-Signature} header ({@code t=<unix seconds>,v1=<hex>,...}); empty
     * when absent or not a number, which {@link Webhook#constructEvent} then refuses.
     */
    private static OptionalLong timestamp(String signatureHeader) {
        return Arrays.stream(signatureHeader.split(","))
                .map(String::trim)
                .filter(element -> element.startsWith("t="))
                .map(element -> element.substring(2))
                .filter(value -> value.matches("\\d{1,18}"))
                .mapToLong(Long::parseLong)
                .findFirst();
    }
}
