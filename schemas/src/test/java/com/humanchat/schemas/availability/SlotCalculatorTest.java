package com.humanchat.schemas.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlotCalculatorTest {

    private static final Duration HOUR = Duration.ofHours(1);
    /** A Monday, well before every date below. */
    private static final Instant NOW = Instant.parse("2026-01-05T00:00:00Z");

    private static Availability every(String zone, String start, String end) {
        List<Availability.Range> ranges = List.of(new Availability.Range(start, end));
        Map<String, List<Availability.Range>> weekly = Map.of(
                "monday",
                ranges,
                "tuesday",
                ranges,
                "wednesday",
                ranges,
                "thursday",
                ranges,
                "friday",
                ranges,
                "saturday",
                ranges,
                "sunday",
                ranges);
        return new Availability(zone, weekly, List.of(), 0, 0, 0, 365, List.of(60));
    }

    private static List<Instant> starts(List<TimeSlot> slots) {
        return slots.stream().map(TimeSlot::start).toList();
    }

    @Test
    void aNightRangeLastsTwoHoursWhenBerlinSpringsForwardAndFourWhenItFallsBack() {
        SlotCalculator calculator = new SlotCalculator(every("Europe/Berlin", "01:00", "04:00"), List.of(), NOW);

        assertThat(starts(calculator.slots(
                        Instant.parse("2026-03-29T00:00:00Z"), Instant.parse("2026-03-29T12:00:00Z"), HOUR)))
                .containsExactly(Instant.parse("2026-03-29T00:00:00Z"), Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(starts(calculator.slots(
                        Instant.parse("2026-10-24T22:00:00Z"), Instant.parse("2026-10-25T12:00:00Z"), HOUR)))
                .containsExactly(
                        Instant.parse("2026-10-24T23:00:00Z"),
                        Instant.parse("2026-10-25T00:00:00Z"),
                        Instant.parse("2026-10-25T01:00:00Z"),
                        Instant.parse("2026-10-25T02:00:00Z"));
    }

    @Test
    void adjacentRangesAndTheNextMidnightMakeOneWindow() {
        Availability availability = new Availability(
                "UTC",
                Map.of(
                        "monday",
                                List.of(
                                        new Availability.Range("22:00", "23:00"),
                                        new Availability.Range("23:00", "24:00")),
                        "tuesday", List.of(new Availability.Range("00:00", "01:00"))),
                List.of(),
                0,
                0,
                0,
                365,
                List.of(90));
        SlotCalculator calculator = new SlotCalculator(availability, List.of(), NOW);

        assertThat(calculator.unbookable(Instant.parse("2026-01-05T23:00:00Z"), Duration.ofMinutes(90)))
                .isEmpty();
    }

    @Test
    void anOverrideTakesADayOffOrGivesExtraHours() {
        Availability base = every("UTC", "09:00", "10:00");
        Availability overridden = new Availability(
                "UTC",
                base.weekly(),
                List.of(
                        new Availability.DateOverride("2026-01-06", List.of()),
                        new Availability.DateOverride("2026-01-07", List.of(new Availability.Range("18:00", "20:00")))),
                0,
                0,
                0,
                365,
                List.of(60));
        SlotCalculator calculator = new SlotCalculator(overridden, List.of(), NOW);

        assertThat(starts(calculator.slots(
                        Instant.parse("2026-01-06T00:00:00Z"), Instant.parse("2026-01-08T00:00:00Z"), HOUR)))
                .containsExactly(Instant.parse("2026-01-07T18:00:00Z"), Instant.parse("2026-01-07T19:00:00Z"));
    }

    @Test
    void problemsNameEveryUnusableFieldInPlainWords() {
        Availability bad = new Availability(
                "Mars/Olympus",
                Map.of(
                        "funday",
                        List.of(),
                        "monday",
                        List.of(
                                new Availability.Range("10:00", "09:00"),
                                new Availability.Range("9am", "10:00"),
                                new Availability.Range("11:00", "13:00"),
                                new Availability.Range("12:00", "14:00"))),
                List.of(new Availability.DateOverride("2026-02-30", List.of())),
                -1,
                241,
                0,
                0,
                List.of(3));

        assertThat(bad.problems())
                .contains(
                        "\"Mars/Olympus\" is not a known time zone",
                        "weekly hours are keyed by day of the week (monday … sunday), not \"funday\"",
                        "monday: the range 10:00–09:00 ends before it starts",
                        "monday: a range is two times HH:mm, such as 09:00 to 12:30",
                        "monday: the ranges 11:00–13:00 and 12:00–14:00 overlap",
                        "\"2026-02-30\" is not a date (YYYY-MM-DD)",
                        "the buffer before a session is 0 to 240 minutes, not -1",
                        "the buffer after a session is 0 to 240 minutes, not 241",
                        "the booking horizon is 1 to 730 days, not 0",
                        "a session lasts 5 to 480 minutes, not 3");
        assertThat(AvailabilitySamples.weekdays().problems()).isEmpty();
    }

    @Test
    void freeSlotsSkipHeldSessionsAndTheirBuffers() {
        Availability availability = new Availability(
                "UTC", every("UTC", "09:00", "13:00").weekly(), List.of(), 15, 15, 0, 365, List.of(60));
        TimeSlot held = new TimeSlot(Instant.parse("2026-01-06T10:00:00Z"), Instant.parse("2026-01-06T11:00:00Z"));
        SlotCalculator calculator = new SlotCalculator(availability, List.of(held), NOW);

        assertThat(starts(calculator.slots(
                                Instant.parse("2026-01-06T00:00:00Z"), Instant.parse("2026-01-08T00:00:00Z"), HOUR))
                        .subList(0, 2))
                .containsExactly(Instant.parse("2026-01-06T12:00:00Z"), Instant.parse("2026-01-07T09:00:00Z"));
        assertThat(calculator.unbookable(Instant.parse("2026-01-06T11:15:00Z"), HOUR))
                .hasValueSatisfying(refusal -> assertThat(refusal.conflict()).isTrue());
        assertThat(calculator.unbookable(Instant.parse("2026-01-06T08:30:00Z"), HOUR))
                .hasValueSatisfying(refusal -> assertThat(refusal.reason())
                        .isEqualTo("the host does not take sessions at that time (their hours are in UTC)"));
    }
}
