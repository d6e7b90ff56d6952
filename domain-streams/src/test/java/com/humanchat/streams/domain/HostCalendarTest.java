package com.humanchat.streams.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.schemas.sessions.SessionRejectionCode;
import com.humanchat.schemas.sessions.SessionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HostCalendarTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant TEN = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant ELEVEN = TEN.plusSeconds(3600);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final BookingLimits LIMITS = BookingLimits.defaults();

    private final UUID first = UUID.randomUUID();
    private final UUID guest = UUID.randomUUID();
    private final UUID otherGuest = UUID.randomUUID();

    private static HostCalendar.Ask ask(UUID sessionId, UUID guestId, Instant start, Duration duration, Integer hold) {
        return new HostCalendar.Ask(UUID.randomUUID(), sessionId, guestId, start, duration, hold);
    }

    private HostCalendar.Admission request(HostCalendar calendar, Instant start, Duration duration, Instant at) {
        return calendar.admit(ask(UUID.randomUUID(), otherGuest, start, duration, null), at, LIMITS);
    }

    private HostCalendar bookedTenToEleven(Integer holdMinutes) {
        HostCalendar.Admission admission =
                HostCalendar.empty().admit(ask(first, guest, TEN, HOUR, holdMinutes), NOW, LIMITS);
        assertThat(admission.admitted()).isTrue();
        return admission.calendar();
    }

    private HostCalendar acceptedTenToEleven() {
        HostCalendar.Admission accepted = bookedTenToEleven(null).accept(UUID.randomUUID(), first, NOW.plusSeconds(60));
        assertThat(accepted.admitted()).isTrue();
        return accepted.calendar();
    }

    @Test
    void rejectsAnOverlapAndAdmitsAdjacentSlots() {
        HostCalendar calendar = acceptedTenToEleven();

        assertThat(request(calendar, TEN.plusSeconds(1800), HOUR, NOW).refusal())
                .hasValueSatisfying(
                        refusal -> assertThat(refusal.code()).isEqualTo(SessionRejectionCode.SCHEDULE_CONFLICT));
        assertThat(request(calendar, TEN.minusSeconds(600), Duration.ofSeconds(601), NOW)
                        .admitted())
                .isFalse();
        assertThat(request(calendar, ELEVEN, Duration.ofMinutes(10), NOW).admitted())
                .as("half-open: ending at eleven and starting at eleven do not overlap")
                .isTrue();
        assertThat(request(calendar, TEN.minusSeconds(600), Duration.ofMinutes(10), NOW)
                        .admitted())
                .isTrue();
    }

    @Test
    void anUnansweredRequestHoldsItsSlotForTheDefaultDayThenNoLonger() {
        HostCalendar calendar = bookedTenToEleven(null);
        Instant lapsed = NOW.plus(RequestHold.DEFAULT);

        assertThat(request(calendar, TEN, HOUR, lapsed.minusMillis(1)).admitted())
                .isFalse();
        assertThat(request(calendar, TEN, HOUR, lapsed).admitted())
                .as("the hold lapsed: another guest may book the slot")
                .isTrue();
    }

    @Test
    void aHostWhoHoldsNothingLetsEveryRequestCompeteUntilAccepted() {
        HostCalendar calendar = bookedTenToEleven(0);

        assertThat(request(calendar, TEN, HOUR, NOW).admitted()).isTrue();
    }

    @Test
    void anAcceptedSessionHoldsItsSlotWhateverTheHold() {
        HostCalendar calendar =
                bookedTenToEleven(0).accept(UUID.randomUUID(), first, NOW).calendar();

        assertThat(calendar.bookings()).singleElement().satisfies(booking -> assertThat(booking.pending())
                .isFalse());
        assertThat(request(calendar, TEN, HOUR, NOW.plus(Duration.ofHours(20))).admitted())
                .isFalse();
    }

    @Test
    void aLapsedRequestCanBeAcceptedWhileItsSlotIsStillFree() {
        HostCalendar calendar = bookedTenToEleven(0);

        HostCalendar.Admission accepted = calendar.accept(UUID.randomUUID(), first, NOW.plusSeconds(600));

        assertThat(accepted.admitted()).isTrue();
        assertThat(accepted.calendar().bookings().getFirst().pending()).isFalse();
    }

    @Test
    void aLapsedRequestWhoseSlotWasTakenCannotBeAccepted() {
        HostCalendar taken =
                request(bookedTenToEleven(0), TEN.plusSeconds(1800), HOUR, NOW).calendar();
        UUID accept = UUID.randomUUID();

        HostCalendar.Admission refused = taken.accept(accept, first, NOW.plusSeconds(600));

        assertThat(refused.refusal()).hasValueSatisfying(refusal -> {
            assertThat(refusal.code()).isEqualTo(SessionRejectionCode.SCHEDULE_CONFLICT);
            assertThat(refusal.reason()).contains("the slot has been booked since");
        });
        assertThat(refused.calendar()
                        .accept(accept, first, NOW.plusSeconds(600))
                        .refusal())
                .as("processed again, the same answer")
                .isEqualTo(refused.refusal());
    }

    @Test
    void aGuestHasAtMostTheLimitOfUnansweredRequestsWithOneHost() {
        HostCalendar calendar = HostCalendar.empty();
        for (int day = 0; day < LIMITS.maxPendingPerGuest(); day++) {
            HostCalendar.Admission admission = calendar.admit(
                    ask(UUID.randomUUID(), guest, TEN.plus(Duration.ofDays(day)), HOUR, null), NOW, LIMITS);
            assertThat(admission.admitted()).isTrue();
            calendar = admission.calendar();
        }

        HostCalendar.Admission over =
                calendar.admit(ask(UUID.randomUUID(), guest, TEN.plus(Duration.ofDays(10)), HOUR, null), NOW, LIMITS);

        assertThat(over.refusal()).hasValueSatisfying(refusal -> {
            assertThat(refusal.code()).isEqualTo(SessionRejectionCode.TOO_MANY_PENDING);
            assertThat(refusal.reason()).startsWith("you already have 3 requests waiting for this host's answer");
        });
        assertThat(request(calendar, TEN.plus(Duration.ofDays(10)), HOUR, NOW).admitted())
                .as("another guest is not limited by the first one's requests")
                .isTrue();
        HostCalendar answered = calendar.accept(
                        UUID.randomUUID(), calendar.bookings().getFirst().sessionId(), NOW)
                .calendar();
        assertThat(answered.admit(ask(UUID.randomUUID(), guest, TEN.plus(Duration.ofDays(10)), HOUR, null), NOW, LIMITS)
                        .admitted())
                .as("an accepted request no longer counts as pending")
                .isTrue();
    }

    @Test
    void instantSessionsHoldNoSlot() {
        HostCalendar.Admission admission =
                bookedTenToEleven(null).admit(ask(UUID.randomUUID(), guest, null, HOUR, null), NOW, LIMITS);

        assertThat(admission.admitted()).isTrue();
        assertThat(admission.calendar().bookings()).hasSize(1);
    }

    @Test
    void aReleasedSlotCanBeBookedAgain() {
        HostCalendar released = acceptedTenToEleven().release(first);

        assertThat(released.bookings()).isEmpty();
        assertThat(request(released, TEN, HOUR, NOW).admitted()).isTrue();
        assertThat(released.release(first)).isEqualTo(released);
    }

    @Test
    void theSameRequestAgainGetsTheSameAnswer() {
        HostCalendar calendar = acceptedTenToEleven();
        HostCalendar.Ask refusedAsk = ask(UUID.randomUUID(), otherGuest, TEN, HOUR, null);
        HostCalendar afterRefusal = calendar.admit(refusedAsk, NOW, LIMITS).calendar();

        assertThat(afterRefusal.release(first).admit(refusedAsk, NOW, LIMITS).admitted())
                .as("refused once, refused again even though the slot was freed meanwhile")
                .isFalse();
        HostCalendar.Admission again = calendar.admit(ask(first, guest, TEN, HOUR, null), NOW, LIMITS);
        assertThat(again.admitted()).as("the booked session itself").isTrue();
        assertThat(again.calendar().bookings()).hasSize(1);
    }

    @Test
    void dropsBookingsThatEndedBeforeTheRequest() {
        HostCalendar.Admission later = request(acceptedTenToEleven(), ELEVEN.plusSeconds(7200), HOUR, ELEVEN);

        assertThat(later.calendar().bookings())
                .extracting(HostCalendar.Booking::sessionId)
                .doesNotContain(first);
    }

    @Test
    void onlyFinalStatusesFreeTheSlot() {
        for (SessionStatus status : SessionStatus.values()) {
            boolean free = status == SessionStatus.DECLINED
                    || status == SessionStatus.CANCELLED
                    || status == SessionStatus.COMPLETED
                    || status == SessionStatus.NO_SHOW;
            assertThat(HostCalendar.holdsSlot(status)).as(status.wire()).isEqualTo(!free);
        }
    }
}
