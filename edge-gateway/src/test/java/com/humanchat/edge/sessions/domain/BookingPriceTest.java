package com.humanchat.edge.sessions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.readmodels.hosts.HostOffer;
import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.PaymentMode;
import org.junit.jupiter.api.Test;

class BookingPriceTest {

    private static final HostOffer PRICED = new HostOffer(2500L, "usd", true);
    private static final HostOffer FREE = new HostOffer(null, null, false);
    private static final HostOffer FREE_WELCOMING_DONATIONS = new HostOffer(0L, "usd", true);

    @Test
    void aPricedHostIsBookedAtExactlyTheirPrice() {
        assertThat(BookingPrice.refusal(PRICED, PaymentMode.PAID, Money.of(2500, "USD")))
                .isEmpty();
    }

    @Test
    void aPricedHostCannotBeBookedForFreeOrAsADonation() {
        assertThat(refusedAt("/paymentMode", PRICED, PaymentMode.FREE, Money.of(0, "usd")))
                .isEqualTo("this host's sessions cost 25.00 USD: book with paymentMode paid and agreedPrice"
                        + " {amountCents: 2500, currency: usd}");
        assertThat(BookingPrice.refusal(PRICED, PaymentMode.DONATION, Money.of(2500, "usd")))
                .isPresent();
    }

    @Test
    void aProposedPriceThatDiffersIsRefusedNamingTheRightOne() {
        assertThat(refusedAt("/agreedPrice", PRICED, PaymentMode.PAID, Money.of(10, "usd")))
                .contains("25.00 USD");
        assertThat(BookingPrice.refusal(PRICED, PaymentMode.PAID, Money.of(2500, "eur")))
                .as("the host's currency, not another")
                .isPresent();
    }

    @Test
    void aPriceWithoutACurrencyIsInDollars() {
        assertThat(BookingPrice.refusal(new HostOffer(2500L, null, false), PaymentMode.PAID, Money.of(2500, "usd")))
                .isEmpty();
    }

    @Test
    void aHostWhoChargesNothingIsBookedForFreeAndNeverPaid() {
        assertThat(BookingPrice.refusal(FREE, PaymentMode.FREE, Money.of(0, "usd")))
                .isEmpty();
        assertThat(BookingPrice.refusal(FREE, PaymentMode.PAID, Money.of(5000, "usd")))
                .hasValueSatisfying(refusal -> assertThat(refusal.detail()).contains("does not charge"));
    }

    @Test
    void donationModeOnlyWhereTheHostWelcomesDonations() {
        assertThat(BookingPrice.refusal(FREE, PaymentMode.DONATION, Money.of(500, "usd")))
                .hasValueSatisfying(refusal -> assertThat(refusal.detail())
                        .isEqualTo("this host does not take donations: book with paymentMode free"));
        assertThat(BookingPrice.refusal(FREE_WELCOMING_DONATIONS, PaymentMode.DONATION, Money.of(500, "usd")))
                .isEmpty();
    }

    /** The detail of a refusal, after checking that it points at the given field. */
    private static String refusedAt(String pointer, HostOffer offer, PaymentMode mode, Money proposed) {
        BookingPrice.Refusal refusal =
                BookingPrice.refusal(offer, mode, proposed).orElseThrow();
        assertThat(refusal.pointer()).isEqualTo(pointer);
        return refusal.detail();
    }
}
