package com.humanchat.schemas.availability;

import java.time.Instant;
import java.util.Objects;

/** The half-open interval {@code [start, end)}: a free slot, or the time a held session takes. */
public record TimeSlot(Instant start, Instant end) {

    public TimeSlot {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a slot ends after it starts");
        }
    }
}
