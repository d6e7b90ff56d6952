package com.humanchat.schemas.sessions;

import java.util.Locale;

/**
 * An amount in the currency's minor unit; the ISO-4217 code is lower-cased on construction (as Stripe and
 * {@code users.currency} write it), so {@code "USD"} and {@code "usd"} are the same money.
 */
public record Money(long amountCents, String currency) {

    public Money {
        currency = currency == null ? null : currency.toLowerCase(Locale.ROOT);
    }

    public static Money of(long amountCents, String currency) {
        return new Money(amountCents, currency);
    }
}
