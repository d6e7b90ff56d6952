package com.humanchat.payments.domain;

import java.util.Locale;
import java.util.Set;

/** The system message a paid donation leaves in its conversation, with the amount in major units. */
public final class DonationNotice {

    /** ISO-4217 currencies Stripe counts in whole units (no minor unit). */
    private static final Set<String> ZERO_DECIMAL = Set.of(
            "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof",
            "xpf");

    private DonationNotice() {}

    public static String text(long amountCents, String currency) {
        return "Donated " + amount(amountCents, currency) + " \u2014 thank you!";
    }

    /** {@code 1234, "usd"} → {@code "12.34 USD"}; {@code 500, "jpy"} → {@code "500 JPY"}. */
    public static String amount(long amountCents, String currency) {
        String code = currency.toUpperCase(Locale.ROOT);
        if (ZERO_DECIMAL.contains(currency)) {
            return amountCents + " " + code;
        }
        return String.format(Locale.ROOT, "%d.%02d %s", amountCents / 100, amountCents % 100, code);
    }
}
