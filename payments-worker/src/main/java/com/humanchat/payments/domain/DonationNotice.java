package com.humanchat.payments.domain;

import com.humanchat.schemas.sessions.Money;

/** The system message a paid donation leaves in its conversation, with the amount in major units. */
public final class DonationNotice {

    private DonationNotice() {}

    public static String text(long amountCents, String currency) {
        return "Donated " + Money.of(amountCents, currency).display() + " \u2014 thank you!";
    }
}
