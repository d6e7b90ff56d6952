package com.humanchat.payments.domain;

import com.humanchat.schemas.sessions.Money;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * The system message a paid tip leaves in its conversation, seen by both sides: who tipped how much, the amount
 * written as people read money ({@code $5.00}, {@code €12.50}, {@code ¥500}).
 */
public final class DonationNotice {

    private DonationNotice() {}

    /** {@code "<payer> tipped $5.00"}. */
    public static String text(String payerName, long amountCents, String currency) {
        return payerName + " tipped " + money(amountCents, currency);
    }

    static String money(long amountCents, String currency) {
        Currency unit;
        try {
            unit = Currency.getInstance(currency.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return Money.of(amountCents, currency).display();
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(unit);
        int digits = Math.max(unit.getDefaultFractionDigits(), 0);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(amountCents, digits));
    }
}
