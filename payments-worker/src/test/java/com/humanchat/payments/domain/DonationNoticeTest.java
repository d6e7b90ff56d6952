package com.humanchat.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DonationNoticeTest {

    @Test
    void writesTheAmountInMajorUnitsOfItsCurrency() {
        assertThat(DonationNotice.text(300, "usd")).startsWith("Donated 3.00 USD");
    }
}
