package com.humanchat.streams.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.schemas.sessions.SessionStatus;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HostCalendarTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant TEN = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant ELEVEN = TEN.plusSeconds(3600);

    private final UUID first = UUID.randomUUID();

    private HostCalendar bookedTenToEleven() {
        HostCalendar.Admission admission = HostCalendar.empty().admit(UUID.randomUUID(), first, TEN, ELEVEN, NOW);
        assertThat(admission.admitted()).isTrue();
        return admission.calendar();
    }

    @Test
    void rejectsAnOverlapAndAdmitsAdjacentSlots() {
        HostCalendar calendar = bookedTenToEleven();

        assertThat(calendar.admit(
                                UUID.randomUUID(),
                                UUID.randomUUID(),
                                TEN.plusSeconds(1800),
                                ELEVEN.plusSeconds(1800),
                                NOW)
                        .admitted())
                .isFalse();
        assertThat(calendar.admit(UUID.randomUUID(), UUID.randomUUID(), TEN.minusSeconds(600), TEN.plusSeconds(1), NOW)
                        .admitted())
                .isFalse();
        assertThat(calendar.admit(UUID.randomUUID(), UUID.randomUUID(), ELEVEN, ELEVEN.plusSeconds(600), NOW)
                        .admitted())
                .as("half-open: ending at eleven and starting at eleven do not overlap")
                .isTrue();
        assertThat(calendar.admit(UUID.randomUUID(), UUID.randomUUID(), TEN.minusSeconds(600), TEN, NOW)
                        .admitted())
                .isTrue();
    }

    @Test
    void instantSessionsHoldNoSlot() {
        HostCalendar.Admission admission =
                bookedTenToEleven().admit(UUID.randomUUID(), UUID.randomUUID(), null, null, NOW);

        assertThat(admission.admitted()).isTrue();
        assertThat(admission.calendar().bookings()).hasSize(1);
    }

    @Test
    void aReleasedSlotCanBeBookedAgain() {
        HostCalendar released = bookedTenToEleven().release(first);

        assertThat(released.bookings()).isEmpty();
        assertThat(released.admit(UUID.randomUUID(), UUID.randomUUID(), TEN, ELEVEN, NOW)
                        .admitted())
                .isTrue();
        assertThat(released.release(first)).isEqualTo(released);
    }

    @Test
    void theSameRequestAgainGetsTheSameAnswer() {
        HostCalendar calendar = bookedTenToEleven();
        UUID refusedCommand = UUID.randomUUID();
        HostCalendar afterRefusal = calendar.admit(refusedCommand, UUID.randomUUID(), TEN, ELEVEN, NOW)
                .calendar();

        assertThat(afterRefusal
                        .release(first)
                        .admit(refusedCommand, UUID.randomUUID(), TEN, ELEVEN, NOW)
                        .admitted())
                .as("refused once, refused again even though the slot was freed meanwhile")
                .isFalse();
        HostCalendar.Admission again = calendar.admit(UUID.randomUUID(), first, TEN, ELEVEN, NOW);
        assertThat(again.admitted()).as("the booked session itself").isTrue();
        assertThat(again.calendar().bookings()).hasSize(1);
    }

    @Test
    void dropsBookingsThatEndedBeforeTheRequest() {
        HostCalendar calendar = bookedTenToEleven();

        HostCalendar.Admission later = calendar.admit(
                UUID.randomUUID(), UUID.randomUUID(), ELEVEN.plusSeconds(7200), ELEVEN.plusSeconds(9000), ELEVEN);

        assertThat(later.calendar().bookings())
                .extracting(HostCalendar.Booking::sessionId)
                .doesNotContain(first);
    }

    @Test
    void onlyFinalStatusesFreeTheSlot() {
        for (SessionStatus status : SessionStatus.values()) {
            boolean free = status == SessionStatus.DECLINED
                    || status == SessionStatus.CANCELLED
                    || status == SessionStatus.COMPLETED;
            assertThat(HostCalendar.holdsSlot(status)).as(status.wire()).isEqualTo(!free);
        }
    }
}
