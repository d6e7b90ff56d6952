package com.humanchat.notifier.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * What the notifier needs to know of a person to e-mail or push to them: the verified address (null = no e-mail) and
 * their preferences, defaults included.
 *
 * @param pushEnabled push on in their preferences and the account not suspended
 */
public record Recipient(
        String email,
        boolean emailEnabled,
        boolean pushEnabled,
        String emailDigest,
        LocalTime quietStart,
        LocalTime quietEnd,
        ZoneId zone) {

    /** The shortest time between two digest e-mails: none for {@code batched}, an hour, a day. */
    public Duration digestPeriod() {
        return switch (emailDigest) {
            case "hourly" -> Duration.ofHours(1);
            case "daily" -> Duration.ofDays(1);
            default -> Duration.ZERO;
        };
    }

    public boolean mayEmail() {
        return email != null && emailEnabled;
    }

    /**
     * The earliest instant from {@code now} that is outside the quiet hours (in the recipient's zone): {@code now}
     * itself when there are none or they are not on.
     */
    public Instant outsideQuietHours(Instant now) {
        if (quietStart == null || quietStart.equals(quietEnd)) {
            return now;
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean overnight = quietStart.isAfter(quietEnd);
        boolean quiet = overnight
                ? !time.isBefore(quietStart) || time.isBefore(quietEnd)
                : !time.isBefore(quietStart) && time.isBefore(quietEnd);
        if (!quiet) {
            return now;
        }
        ZonedDateTime end = local.with(quietEnd);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toInstant();
    }
}
