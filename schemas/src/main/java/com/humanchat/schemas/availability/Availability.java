package com.humanchat.schemas.availability;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * When a host takes scheduled sessions, in their own IANA {@code timeZone}: {@code weekly} ranges per day of the week
 * (keys {@code monday} … {@code sunday}, several ranges a day, a missing day = no hours), {@code overrides} that
 * replace a local date's ranges (empty = a day off, other ranges = changed or extra hours), the free minutes kept
 * before and after every session, how long ahead a session must be booked, how many days ahead it may be, and the
 * session lengths offered. A range's times are local wall-clock {@code HH:mm}; its end may be {@code 24:00}.
 *
 * <p>Built from a client's input: {@link #problems()} lists, in plain words, what makes it unusable; the calendar and
 * the slots read only ever see availabilities without problems.
 */
public record Availability(
        String timeZone,
        Map<String, List<Range>> weekly,
        List<DateOverride> overrides,
        int bufferBeforeMinutes,
        int bufferAfterMinutes,
        int minimumNoticeMinutes,
        int horizonDays,
        List<Integer> durationsMinutes) {

    public static final int MAX_RANGES_PER_DAY = 12;
    public static final int MAX_OVERRIDES = 366;
    public static final int MAX_BUFFER_MINUTES = 240;
    public static final int MAX_NOTICE_MINUTES = 30 * 24 * 60;
    public static final int MAX_HORIZON_DAYS = 730;
    public static final int MIN_DURATION_MINUTES = 5;
    public static final int MAX_DURATION_MINUTES = 480;
    public static final int MAX_DURATIONS = 8;

    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d|24:00");

    /** {@code [start, end)} on one local day, {@code HH:mm}; {@code end} may be {@code 24:00} (the next midnight). */
    public record Range(String start, String end) {

        /** Minutes after local midnight of {@code start}; only for a range without problems. */
        public int startMinute() {
            return minuteOf(start);
        }

        /** Minutes after local midnight of {@code end} (1440 for {@code 24:00}); only for a range without problems. */
        public int endMinute() {
            return minuteOf(end);
        }

        private static int minuteOf(String time) {
            return Integer.parseInt(time.substring(0, 2)) * 60 + Integer.parseInt(time.substring(3, 5));
        }
    }

    /** The ranges that replace {@code date}'s weekly ones; empty = no hours that day. */
    public record DateOverride(String date, List<Range> ranges) {

        public DateOverride {
            ranges = ranges == null ? List.of() : List.copyOf(ranges);
        }
    }

    public Availability {
        weekly = weekly == null ? Map.of() : Map.copyOf(new TreeMap<>(weekly));
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        durationsMinutes = durationsMinutes == null ? List.of() : List.copyOf(durationsMinutes);
    }

    /** The wire key of {@code day}: {@code monday} … {@code sunday}. */
    public static String dayKey(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }

    /** The zone; only for an availability without problems. */
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** The ranges of local {@code date}: its override's if it has one, else its day of the week's. */
    public List<Range> rangesOn(LocalDate date) {
        String iso = date.toString();
        for (DateOverride override : overrides) {
            if (override.date().equals(iso)) {
                return override.ranges();
            }
        }
        return weekly.getOrDefault(dayKey(date.getDayOfWeek()), List.of());
    }

    /** True if {@code minutes} is one of the session lengths offered. */
    public boolean offers(int minutes) {
        return durationsMinutes.contains(minutes);
    }

    /** What makes this availability unusable, in plain words for the host; empty when it can be published. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        zoneProblem().ifPresent(problems::add);
        Set<String> days = new HashSet<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.add(dayKey(day));
        }
        weekly.forEach((day, ranges) -> {
            if (!days.contains(day)) {
                problems.add("weekly hours are keyed by day of the week (monday … sunday), not \"" + day + "\"");
            } else {
                problems.addAll(rangeProblems(day, ranges));
            }
        });
        if (overrides.size() > MAX_OVERRIDES) {
            problems.add("at most " + MAX_OVERRIDES + " date overrides");
        }
        Set<String> dates = new HashSet<>();
        for (DateOverride override : overrides) {
            if (override == null || override.date() == null) {
                problems.add("every date override needs a date (YYYY-MM-DD)");
                continue;
            }
            try {
                LocalDate.parse(override.date());
            } catch (DateTimeParseException e) {
                problems.add("\"" + override.date() + "\" is not a date (YYYY-MM-DD)");
                continue;
            }
            if (!dates.add(override.date())) {
                problems.add(override.date() + " has two overrides; keep one");
            }
            problems.addAll(rangeProblems(override.date(), override.ranges()));
        }
        within(problems, "the buffer before a session", bufferBeforeMinutes, 0, MAX_BUFFER_MINUTES, "minutes");
        within(problems, "the buffer after a session", bufferAfterMinutes, 0, MAX_BUFFER_MINUTES, "minutes");
        within(problems, "the minimum notice", minimumNoticeMinutes, 0, MAX_NOTICE_MINUTES, "minutes");
        within(problems, "the booking horizon", horizonDays, 1, MAX_HORIZON_DAYS, "days");
        if (durationsMinutes.isEmpty() || durationsMinutes.size() > MAX_DURATIONS) {
            problems.add("offer between 1 and " + MAX_DURATIONS + " session lengths");
        }
        if (durationsMinutes.stream().distinct().count() != durationsMinutes.size()) {
            problems.add("each session length is offered once");
        }
        for (Integer minutes : durationsMinutes) {
            if (minutes == null || minutes < MIN_DURATION_MINUTES || minutes > MAX_DURATION_MINUTES) {
                problems.add("a session lasts " + MIN_DURATION_MINUTES + " to " + MAX_DURATION_MINUTES
                        + " minutes, not " + minutes);
            }
        }
        return List.copyOf(problems);
    }

    private Optional<String> zoneProblem() {
        if (timeZone == null || !timeZone.contains("/") && !timeZone.equals("UTC")) {
            return Optional.of("the time zone must be an IANA name such as Europe/Berlin, not " + timeZone);
        }
        try {
            ZoneId.of(timeZone);
            return Optional.empty();
        } catch (DateTimeException e) {
            return Optional.of("\"" + timeZone + "\" is not a known time zone");
        }
    }

    private static List<String> rangeProblems(String where, List<Range> ranges) {
        List<String> problems = new ArrayList<>();
        if (ranges == null) {
            return List.of(where + " needs a list of ranges");
        }
        if (ranges.size() > MAX_RANGES_PER_DAY) {
            problems.add(where + " has more than " + MAX_RANGES_PER_DAY + " ranges");
        }
        List<Range> valid = new ArrayList<>();
        for (Range range : ranges) {
            if (range == null
                    || range.start() == null
                    || range.end() == null
                    || !TIME.matcher(range.start()).matches()
                    || !TIME.matcher(range.end()).matches()) {
                problems.add(where + ": a range is two times HH:mm, such as 09:00 to 12:30");
            } else if (range.startMinute() >= range.endMinute()) {
                problems.add(where + ": the range " + range.start() + "–" + range.end() + " ends before it starts");
            } else {
                valid.add(range);
            }
        }
        valid.sort(Comparator.comparingInt(Range::startMinute));
        for (int i = 1; i < valid.size(); i++) {
            if (valid.get(i).startMinute() < valid.get(i - 1).endMinute()) {
                problems.add(where + ": the ranges " + valid.get(i - 1).start() + "–"
                        + valid.get(i - 1).end() + " and " + valid.get(i).start() + "–"
                        + valid.get(i).end() + " overlap");
            }
        }
        return problems;
    }

    private static void within(List<String> problems, String what, int value, int min, int max, String unit) {
        if (value < min || value > max) {
            problems.add(what + " is " + min + " to " + max + " " + unit + ", not " + value);
        }
    }
}
