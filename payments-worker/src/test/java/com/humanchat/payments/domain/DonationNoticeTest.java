package com.humanchat.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DonationNoticeTest {

    @Test
    void writesTheAmountInMajorUnitsOfItsCurrency() {
        assertThat(DonationNotice.amount(1234, "usd")).isEqualTo("12.34 USD");
        assertThat(DonationNotice.amount(5, "eur")).isEqualTo("0.05 EUR");
        assertThat(DonationNotice.amount(500, "jpy")).isEqualTo("500 JPY");
        assertThat(DonationNotice.text(300, "usd")).startsWith("Donated 3.00 USD");
    }
}
