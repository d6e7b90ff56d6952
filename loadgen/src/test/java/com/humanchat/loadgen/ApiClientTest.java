package com.humanchat.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiClientTest {

    @Test
    void waitsWhatRetryAfterSaysElseBacksOffExponentially() {
        assertThat(ApiClient.backoffMillis(1, "3")).isEqualTo(3_000);
        assertThat(ApiClient.backoffMillis(1, " 0 ")).isZero();
        assertThat(ApiClient.backoffMillis(1, "3600")).isEqualTo(30_000);
        assertThat(ApiClient.backoffMillis(1, null)).isEqualTo(100);
        assertThat(ApiClient.backoffMillis(3, "Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(400);
        assertThat(ApiClient.backoffMillis(20, null)).isEqualTo(5_000);
    }
}
