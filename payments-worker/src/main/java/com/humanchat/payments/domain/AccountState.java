package com.humanchat.payments.domain;

import java.util.List;

/**
 * A connected account as Stripe describes it in an {@code account.updated}: what the platform needs to take charges
 * for the host and to show them their onboarding's progress.
 *
 * @param requirementsDue Stripe's {@code requirements.currently_due}, as Stripe names them
 */
public record AccountState(
        String stripeAccountId,
        boolean chargesEnabled,
        boolean payoutsEnabled,
        boolean detailsSubmitted,
        List<String> requirementsDue) {

    public AccountState {
        requirementsDue = List.copyOf(requirementsDue);
    }
}
