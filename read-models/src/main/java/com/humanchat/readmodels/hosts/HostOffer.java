package com.humanchat.readmodels.hosts;

import com.humanchat.schemas.sessions.Money;

/**
 * What a host offers a guest, from their profile.
 *
 * @param priceCents the published price of a session with them, null or 0 when their sessions are free
 * @param currency of the price; {@code usd} when the host set a price without one (as the web client shows it)
 * @param donationsWelcome whether guests may book them in donation mode
 */
public record HostOffer(Long priceCents, String currency, boolean donationsWelcome) {

    public static final String DEFAULT_CURRENCY = "usd";

    public HostOffer {
        currency = currency == null ? DEFAULT_CURRENCY : currency;
    }

    public boolean priced() {
        return priceCents != null && priceCents > 0;
    }

    /** The published price of a session with this host, null when their sessions are free. */
    public Money price() {
        return priced() ? Money.of(priceCents, currency) : null;
    }
}
