package com.humanchat.edge.sessions.admission;

/**
 * What a host offers a guest, from their profile.
 *
 * @param priceCents the published price of a session with them, null or 0 when their sessions are free
 * @param currency of the price, null when none is set
 * @param donationsWelcome whether guests may book them in donation mode
 */
public record HostOffer(Long priceCents, String currency, boolean donationsWelcome) {

    public boolean priced() {
        return priceCents != null && priceCents > 0;
    }
}
