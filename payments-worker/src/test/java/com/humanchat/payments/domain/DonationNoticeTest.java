package com.humanchat.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DonationNoticeTest {

    @Test
    void saysWhoTippedHowMuchInMoneyAsPeopleWriteIt() {
        assertThat(DonationNotice.text("Alice", 500, "usd")).isEqualTo("Alice tipped $5.00");
    }

    @Test
    void writesEachCurrencyWithItsSymbolAndItsOwnMinorUnits() {
        assertThat(DonationNotice.money(1250, "eur")).isEqualTo("€12.50");
        assertThat(DonationNotice.money(500, "jpy")).isEqualTo("¥500");
    }
}
