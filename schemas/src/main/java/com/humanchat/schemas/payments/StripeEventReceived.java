package com.humanchat.schemas.payments;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * Stripe sent {@code stripeEventId} of {@code eventType} (e.g. {@code payment_intent.succeeded}) with a valid
 * signature; {@code payload} is the event as Stripe sent it.
 *
 * @param subjectId the partition key: our paymentId (from the object's metadata) or the Stripe object's id
 */
public record StripeEventReceived(
        UUID eventId,
        int version,
        Instant occurredAt,
        String stripeEventId,
        String eventType,
        String subjectId,
        JsonNode payload)
        implements PaymentWebhook {

    public static StripeEventReceived of(String stripeEventId, String eventType, String subjectId, JsonNode payload) {
        return new StripeEventReceived(
                UUID.randomUUID(), 1, Instant.now(), stripeEventId, eventType, subjectId, payload);
    }

    @Override
    public String key() {
        return subjectId;
    }
}
