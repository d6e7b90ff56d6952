package com.humanchat.schemas.payments;

import java.time.Instant;
import java.util.UUID;

/**
 * A payment's state after a change. {@code clientSecret} lets the payer's client confirm the PaymentIntent: edges
 * push it to the payer's sockets only.
 *
 * @param sessionId the paid or tipped session, null if none
 * @param conversationId the conversation a donation is shown in, null if none
 * @param clientSecret null except while the payer still has to pay
 * @param reason why it failed or was not refunded, null if nothing to say
 */
public record PaymentUpdated(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID paymentId,
        UUID commandId,
        PaymentKind kind,
        UUID sessionId,
        UUID conversationId,
        UUID payerUserId,
        UUID payeeUserId,
        PaymentStatus status,
        long amountCents,
        String currency,
        long feeCents,
        long refundedCents,
        String clientSecret,
        String reason)
        implements PaymentEvent {

    @Override
    public String key() {
        return paymentId.toString();
    }
}
