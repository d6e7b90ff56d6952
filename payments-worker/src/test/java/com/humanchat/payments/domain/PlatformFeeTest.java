package com.humanchat.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlatformFeeTest {

    @Test
    void takesTheBasisPointsOfTheAmountRoundedDown() {
        PlatformFee tenPercent = new PlatformFee(1000);

        assertThat(tenPercent.of(5000)).isEqualTo(500);
        assertThat(tenPercent.of(999)).isEqualTo(99);
        assertThat(new PlatformFee(250).of(1999)).isEqualTo(49);
        assertThat(new PlatformFee(0).of(5000)).isZero();
        assertThat(new PlatformFee(10_000).of(5000)).isEqualTo(5000);
    }

    @Test
    void refusesBasisPointsOutsideZeroToTenThousandAndNegativeAmounts() {
        assertThatThrownBy(() -> new PlatformFee(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlatformFee(10_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlatformFee(100).of(-5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverOverflowsSilently() {
        assertThatThrownBy(() -> new PlatformFee(10_000).of(Long.MAX_VALUE)).isInstanceOf(ArithmeticException.class);
    }
}
