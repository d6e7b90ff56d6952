package com.humanchat.payments.ledger;

import java.util.UUID;

/** A host's Stripe Connect account as the last {@code account.updated} reported it. */
public record ConnectedAccount(
        UUID hostUserId, String stripeAccountId, boolean chargesEnabled, boolean payoutsEnabled) {}
