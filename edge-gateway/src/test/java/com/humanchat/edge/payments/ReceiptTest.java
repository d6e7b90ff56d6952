package com.humanchat.edge.payments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceiptTest {

    @Test
    void aPaidPaymentLeavesThePayeeTheAmountLessTheFee() {
        assertThat(Receipt.of(5000, 500, 0)).isEqualTo(new Receipt(500, 0, 4500));
    }

    @Test
    void aFullRefundReturnsTheFeeAndLeavesNothing() {
        assertThat(Receipt.of(5000, 500, 5000)).isEqualTo(new Receipt(0, 5000, 0));
    }

    @Test
    void aPartialRefundReturnsTheFeeInProportion() {
        assertThat(Receipt.of(5000, 500, 2500)).isEqualTo(new Receipt(250, 2500, 2250));
    }
}
