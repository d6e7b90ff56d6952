package com.humanchat.readmodels.hosts;

import java.util.List;

/**
 * A host's Stripe Connect account as the payments worker last recorded it (from its creation and Stripe's
 * {@code account.updated}, migrations V5 and V62): all false and nothing due before onboarding began.
 *
 * @param connected whether onboarding began (the worker created the account)
 * @param requirements what Stripe still needs from the host, in words a host understands ({@link ConnectRequirements})
 */
public record ConnectAccount(
        boolean connected,
        boolean detailsSubmitted,
        boolean chargesEnabled,
        boolean payoutsEnabled,
        List<String> requirements) {

    /** The account of a host who has not begun onboarding. */
    public static final ConnectAccount NONE = new ConnectAccount(false, false, false, false, List.of());

    public ConnectAccount {
        requirements = List.copyOf(requirements);
    }

    /** Whether the host can be paid: Stripe lets their account take charges. */
    public boolean canBePaid() {
        return chargesEnabled;
    }
}
