package com.humanchat.schemas.payments;

import java.time.Instant;
import java.util.UUID;

/**
 * The host's connected account as Stripe last reported it; a host can be paid once {@code chargesEnabled}.
 *
 * @param onboardingUrl the Account Link answering an onboarding command, null otherwise
 */
public record AccountUpdated(
        UUID eventId,
        int version,
        Instant occurredAt,
        UUID hostUserId,
        UUID commandId,
        String stripeAccountId,
        boolean chargesEnabled,
        boolean payoutsEnabled,
        String onboardingUrl)
        implements PaymentEvent {

    @Override
    public String key() {
        return hostUserId.toString();
    }
}
