package com.humanchat.notifier.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RecipientTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static Recipient quiet(String start, String end, String digest) {
        return new Recipient("a@example.com", true, true, digest, LocalTime.parse(start), LocalTime.parse(end), PARIS);
    }

    @Test
    void overnightQuietHoursHoldAnEmailUntilTheMorningInTheUsersZone() {
        Recipient recipient = quiet("22:00", "07:30", "batched");
        // 23:00 in Paris (UTC+1 in January) → 07:30 Paris the next day
        assertThat(recipient.outsideQuietHours(Instant.parse("2027-01-10T22:00:00Z")))
                .isEqualTo(Instant.parse("2027-01-11T06:30:00Z"));
        // 03:00 Paris → 07:30 the same day
        assertThat(recipient.outsideQuietHours(Instant.parse("2027-01-11T02:00:00Z")))
                .isEqualTo(Instant.parse("2027-01-11T06:30:00Z"));
        // 12:00 Paris: not quiet
        Instant noon = Instant.parse("2027-01-11T11:00:00Z");
        assertThat(recipient.outsideQuietHours(noon)).isEqualTo(noon);
    }

    @Test
    void daytimeQuietHoursAndNoneAtAll() {
        Recipient recipient = quiet("13:00", "14:00", "batched");
        assertThat(recipient.outsideQuietHours(Instant.parse("2027-07-01T11:30:00Z"))) // 13:30 Paris (UTC+2)
                .isEqualTo(Instant.parse("2027-07-01T12:00:00Z"));
        Instant now = Instant.parse("2027-07-01T11:30:00Z");
        Recipient none = new Recipient("a@example.com", true, true, "batched", null, null, PARIS);
        assertThat(none.outsideQuietHours(now)).isEqualTo(now);
    }

    @Test
    void digestPeriodsAndWhoMayGetEmail() {
        assertThat(quiet("22:00", "07:00", "hourly").digestPeriod()).isEqualTo(Duration.ofHours(1));
        assertThat(quiet("22:00", "07:00", "daily").digestPeriod()).isEqualTo(Duration.ofDays(1));
        assertThat(quiet("22:00", "07:00", "batched").digestPeriod()).isZero();
        assertThat(new Recipient(null, true, true, "batched", null, null, PARIS).mayEmail())
                .isFalse();
        assertThat(new Recipient("a@example.com", false, true, "batched", null, null, PARIS).mayEmail())
                .isFalse();
    }
}
