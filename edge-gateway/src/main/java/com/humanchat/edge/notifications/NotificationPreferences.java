package com.humanchat.edge.notifications;

import com.humanchat.edge.http.ProblemException;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A user's notification preferences as {@code PUT /api/me/notification-preferences} gives them (the body's shape is
 * checked by its JSON Schema first; this reads the values the schema cannot judge: the time zone).
 */
record NotificationPreferences(
        boolean emailEnabled,
        boolean pushEnabled,
        String emailDigest,
        LocalTime quietStart,
        LocalTime quietEnd,
        String timeZone,
        List<UUID> muted) {

    static NotificationPreferences of(JsonObject body) {
        String zone = body.getString("timeZone");
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("timeZone: '" + zone + "' is not an IANA time zone such as Europe/Paris");
        }
        JsonObject quiet = body.getJsonObject("quietHours");
        LocalTime start = quiet == null ? null : LocalTime.parse(quiet.getString("start"));
        LocalTime end = quiet == null ? null : LocalTime.parse(quiet.getString("end"));
        List<UUID> muted = body.getJsonArray("mutedConversationIds").stream()
                .map(id -> UUID.fromString((String) id))
                .distinct()
                .toList();
        return new NotificationPreferences(
                body.getBoolean("emailEnabled"),
                body.getBoolean("pushEnabled"),
                body.getString("emailDigest"),
                start,
                end,
                zone,
                muted);
    }

    static String hhmm(LocalTime time) {
        return String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
    }
}
