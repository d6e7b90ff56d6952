package com.humanchat.schemas.payments;

import com.humanchat.schemas.sessions.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * Create the PaymentIntent of a paid session in {@code awaiting_payment}: the guest pays the session's agreed
 * {@code price} (read by the edge from the session, never from the client) to the host.
 */
public record CreatePaymentIntent(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID paymentId,
        UUID sessionId,
        UUID payerUserId,
        UUID payeeUserId,
        Money price)
        implements PaymentCommand {

    public static CreatePaymentIntent of(UUID paymentId, UUID sessionId, UUID payer, UUID payee, Money price) {
        return new CreatePaymentIntent(UUID.randomUUID(), 1, Instant.now(), paymentId, sessionId, payer, payee, price);
    }

    @Override
    public String key() {
        return sessionId.toString();
    }
}
