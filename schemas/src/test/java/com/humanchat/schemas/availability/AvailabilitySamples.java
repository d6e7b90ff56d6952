package com.humanchat.schemas.availability;

import java.util.List;
import java.util.Map;

/** Availabilities the tests share. */
public final class AvailabilitySamples {

    private AvailabilitySamples() {}

    /** Weekdays 09:00–12:00 and 13:00–17:00 in Europe/Berlin, 60-minute sessions, no buffers, notice or override. */
    public static Availability weekdays() {
        return weekdays(
                "Europe/Berlin",
                List.of(new Availability.Range("09:00", "12:00"), new Availability.Range("13:00", "17:00")));
    }

    /** Every weekday the same {@code ranges} in {@code zone}; 30- and 60-minute sessions, a year's horizon. */
    public static Availability weekdays(String zone, List<Availability.Range> ranges) {
        return new Availability(
                zone,
                Map.of("monday", ranges, "tuesday", ranges, "wednesday", ranges, "thursday", ranges, "friday", ranges),
                List.of(),
                0,
                0,
                0,
                365,
                List.of(60, 30));
    }
}
