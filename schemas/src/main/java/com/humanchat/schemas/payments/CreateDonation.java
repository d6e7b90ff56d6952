package com.humanchat.schemas.payments;

import com.humanchat.schemas.sessions.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * Create the PaymentIntent of a donation from {@code payerUserId} to the host {@code payeeUserId}, shown in
 * {@code conversationId} once paid.
 *
 * @param sessionId the session it tips, null if none
 * @param conversationId the conversation it is shown in, null if none
 */
public record CreateDonation(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID paymentId,
        UUID payerUserId,
        UUID payeeUserId,
        Money amount,
        UUID sessionId,
        UUID conversationId)
        implements PaymentCommand {

    public static CreateDonation of(
            UUID paymentId, UUID payer, UUID payee, Money amount, UUID sessionId, UUID conversationId) {
        return new CreateDonation(
                UUID.randomUUID(), 1, Instant.now(), paymentId, payer, payee, amount, sessionId, conversationId);
    }

    @Override
    public String key() {
        return paymentId.toString();
    }
}
