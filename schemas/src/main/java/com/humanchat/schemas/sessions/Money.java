package com.humanchat.schemas.sessions;

import java.util.Locale;
import java.util.Set;

/**
 * An amount in the currency's minor unit; the ISO-4217 code is lower-cased on construction (as Stripe and
 * {@code users.currency} write it), so {@code "USD"} and {@code "usd"} are the same money.
 */
public record Money(long amountCents, String currency) {

    /** ISO-4217 currencies Stripe counts in whole units (no minor unit). */
    private static final Set<String> ZERO_DECIMAL = Set.of(
            "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof",
            "xpf");

    public Money {
        currency = currency == null ? null : currency.toLowerCase(Locale.ROOT);
    }

    public static Money of(long amountCents, String currency) {
        return new Money(amountCents, currency);
    }

    /** For people, in major units: {@code 1234 usd} → {@code "12.34 USD"}; {@code 500 jpy} → {@code "500 JPY"}. */
    public String display() {
        String code = currency.toUpperCase(Locale.ROOT);
        if (ZERO_DECIMAL.contains(currency)) {
            return amountCents + " " + code;
        }
        return String.format(Locale.ROOT, "%d.%02d %s", amountCents / 100, amountCents % 100, code);
    }
}
