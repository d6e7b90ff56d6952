package com.humanchat.schemas.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one rule that turns a host's {@link Availability} and held sessions into free slots, and decides whether one
 * interval is bookable. Used by the session topology's host calendar (where a booking is decided, so two replicas
 * cannot double-book) and by the edge's {@code GET /api/hosts/:id/slots} (so what a guest is offered is what the
 * calendar accepts).
 *
 * <p>Times are wall-clock in the host's zone and follow {@link ZonedDateTime}'s rules across daylight-saving changes:
 * a range is the real time between its local start and end, so {@code 01:00–04:00} lasts two hours on the night
 * clocks spring forward and four on the night they fall back; a local time that does not exist moves forward by the
 * gap; of two that exist, the earlier is taken. Adjacent ranges (also across midnight) make one window.
 *
 * <p>Slots start on a grid of the session's length from each window's start. A session holds
 * {@code [start - bufferBefore, end + bufferAfter)}; two sessions' held times may touch but not overlap, so between
 * them there are at least the first's buffer after and the second's buffer before. A start must be at least the
 * minimum notice after {@code now} and less than the horizon after it.
 */
public final class SlotCalculator {

    /** Why an interval is not bookable: {@code conflict} when another session (or its buffers) is in the way. */
    public record Refusal(boolean conflict, String reason) {}

    private final Availability availability;
    private final ZoneId zone;
    private final Instant now;
    /** Held sessions widened by both buffers, merged, in time order: a session may not overlap any of them. */
    private final List<TimeSlot> blocked;

    private final Duration pad;

    /**
     * @param availability a host's availability without {@link Availability#problems() problems}
     * @param held the sessions that hold their slots (any order)
     * @param now the time of the decision (the command's time in the topology, the clock in the edge)
     */
    public SlotCalculator(Availability availability, Collection<TimeSlot> held, Instant now) {
        this.availability = availability;
        this.zone = availability.zone();
        this.now = now;
        this.pad = Duration.ofMinutes((long) availability.bufferBeforeMinutes() + availability.bufferAfterMinutes());
        this.blocked = merge(held.stream()
                .map(slot -> new TimeSlot(slot.start().minus(pad), slot.end().plus(pad)))
                .collect(Collectors.toCollection(ArrayList::new)));
    }

    /** The earliest start the notice allows. */
    public Instant earliestStart() {
        return now.plus(Duration.ofMinutes(availability.minimumNoticeMinutes()));
    }

    /** The first instant no start may reach: {@code now} plus the horizon. */
    public Instant horizonEnd() {
        return now.plus(Duration.ofDays(availability.horizonDays()));
    }

    /**
     * Whether a session of {@code duration} may start at {@code start}: empty when it may, else why not in plain
     * words. The host calendar calls it for every scheduled request (and a reschedule's new slot) of a host with
     * availability.
     */
    public Optional<Refusal> unbookable(Instant start, Duration duration) {
        int minutes = (int) duration.toMinutes();
        if (!availability.offers(minutes)) {
            return Optional.of(
                    new Refusal(false, "this host offers sessions of " + lengths() + " minutes, not " + minutes));
        }
        if (start.isBefore(earliestStart())) {
            return Optional.of(new Refusal(
                    false,
                    "this host needs " + availability.minimumNoticeMinutes() + " minutes' notice; book a later time"));
        }
        if (!start.isBefore(horizonEnd())) {
            return Optional.of(
                    new Refusal(false, "this host takes bookings up to " + availability.horizonDays() + " days ahead"));
        }
        Instant end = start.plus(duration);
        boolean inHours = windows(start.minus(Duration.ofDays(1)), end).stream()
                .anyMatch(window -> !start.isBefore(window.start()) && !end.isAfter(window.end()));
        if (!inHours) {
            return Optional.of(new Refusal(
                    false,
                    "the host does not take sessions at that time (their hours are in " + availability.timeZone()
                            + ")"));
        }
        if (isBlocked(start, end)) {
            return Optional.of(new Refusal(
                    true,
                    "the host already has a session at that time, or too close to it (they keep "
                            + availability.bufferBeforeMinutes() + " minutes free before a session and "
                            + availability.bufferAfterMinutes() + " after)"));
        }
        return Optional.empty();
    }

    /** The free slots of {@code duration} starting in {@code [from, to)}, in time order. */
    public List<TimeSlot> slots(Instant from, Instant to, Duration duration) {
        List<TimeSlot> free = new ArrayList<>();
        if (!availability.offers((int) duration.toMinutes())) {
            return free;
        }
        Instant first = from.isBefore(earliestStart()) ? earliestStart() : from;
        Instant last = to.isAfter(horizonEnd()) ? horizonEnd() : to;
        if (!first.isBefore(last)) {
            return free;
        }
        for (TimeSlot window : windows(first, last.plus(duration))) {
            for (Instant start = window.start();
                    !start.plus(duration).isAfter(window.end()) && start.isBefore(last);
                    start = start.plus(duration)) {
                Instant end = start.plus(duration);
                if (!start.isBefore(first) && !isBlocked(start, end)) {
                    free.add(new TimeSlot(start, end));
                }
            }
        }
        return free;
    }

    /** The host's hours as instants, merged where they touch, covering every local day that meets {@code [from, to)}. */
    List<TimeSlot> windows(Instant from, Instant to) {
        LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
        LocalDate lastDay = to.atZone(zone).toLocalDate();
        List<TimeSlot> windows = new ArrayList<>();
        for (; !day.isAfter(lastDay); day = day.plusDays(1)) {
            for (Availability.Range range : availability.rangesOn(day)) {
                Instant start = local(day, range.startMinute());
                Instant end = local(day, range.endMinute());
                if (end.isAfter(start) && end.isAfter(from) && start.isBefore(to)) {
                    windows.add(new TimeSlot(start, end));
                }
            }
        }
        return merge(windows);
    }

    private Instant local(LocalDate day, int minute) {
        return ZonedDateTime.of(day.atStartOfDay().plusMinutes(minute), zone).toInstant();
    }

    /** True if {@code [start, end)} overlaps a held session widened by the buffers (binary search). */
    private boolean isBlocked(Instant start, Instant end) {
        int low = 0;
        int high = blocked.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            TimeSlot slot = blocked.get(mid);
            if (!slot.end().isAfter(start)) {
                low = mid + 1;
            } else if (!slot.start().isBefore(end)) {
                high = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    private String lengths() {
        List<Integer> sorted = availability.durationsMinutes().stream().sorted().toList();
        if (sorted.size() == 1) {
            return sorted.getFirst().toString();
        }
        return sorted.subList(0, sorted.size() - 1).stream()
                        .map(String::valueOf)
                        .collect(Collectors.joining(", ")) + " or " + sorted.getLast();
    }

    private static List<TimeSlot> merge(List<TimeSlot> slots) {
        slots.sort(Comparator.comparing(TimeSlot::start));
        List<TimeSlot> merged = new ArrayList<>();
        for (TimeSlot slot : slots) {
            if (!merged.isEmpty() && !slot.start().isAfter(merged.getLast().end())) {
                TimeSlot last = merged.removeLast();
                merged.add(new TimeSlot(last.start(), slot.end().isAfter(last.end()) ? slot.end() : last.end()));
            } else {
                merged.add(slot);
            }
        }
        return merged;
    }
}
