package com.humanchat.schemas.payments;

import java.time.Instant;
import java.util.UUID;

/** Create (once) the host's connected account and answer with a fresh onboarding link; key = the host. */
public record OnboardHost(UUID eventId, int version, Instant occurredAt, UUID hostUserId) implements PaymentCommand {

    public static OnboardHost of(UUID hostUserId) {
        return new OnboardHost(UUID.randomUUID(), 1, Instant.now(), hostUserId);
    }

    @Override
    public String key() {
        return hostUserId.toString();
    }
}
