package com.humanchat.sam.domain;

import java.util.UUID;

/**
 * What live data says about a user an action names: a bookable host (role {@code host}, not suspended), their price
 * ({@code priceCents} null = no price set, sessions with them are free) and whether a manager answers for them.
 */
public record HostFacts(UUID id, boolean bookable, Long priceCents, String currency, boolean managed) {

    /** True when the host charges for a session. */
    public boolean charges() {
        return priceCents != null && priceCents > 0;
    }
}
