package com.humanchat.payments.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
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

    /** The {@code account} object of a Stripe event. */
    public static AccountState of(JsonNode account) {
        List<String> due = new ArrayList<>();
        account.path("requirements").path("currently_due").forEach(item -> due.add(item.asText()));
        return new AccountState(
                account.path("id").asText(),
                account.path("charges_enabled").asBoolean(false),
                account.path("payouts_enabled").asBoolean(false),
                account.path("details_submitted").asBoolean(false),
                due);
    }
}
