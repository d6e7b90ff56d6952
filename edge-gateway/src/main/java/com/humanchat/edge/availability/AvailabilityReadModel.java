package com.humanchat.edge.availability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.humanchat.readmodels.Rows;
import com.humanchat.schemas.Json;
import com.humanchat.schemas.availability.Availability;
import com.humanchat.schemas.availability.TimeSlot;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Hosts' availability as the projector wrote it (V66), and the scheduled sessions that hold a host's time. */
public final class AvailabilityReadModel {

    /** A host's availability and the command that set it. */
    public record Published(Availability availability, UUID commandId) {}

    /** The longest session there is: a held session starting this long before a range may still reach into it. */
    private static final Duration LONGEST = Duration.ofMinutes(Availability.MAX_DURATION_MINUTES);

    private final Pool pg;

    public AvailabilityReadModel(Pool pg) {
        this.pg = pg;
    }

    /** The host's availability, empty if they never set one. */
    public Future<Optional<Published>> of(UUID hostId) {
        return pg.preparedQuery("select availability::text as availability, command_id from host_availability"
                        + " where host_id = $1")
                .execute(Tuple.of(hostId))
                .map(rows -> Rows.first(rows, AvailabilityReadModel::published));
    }

    /**
     * The host's scheduled sessions that hold their time (requested ones too: the slot may still be theirs) and
     * meet {@code [from, to)}.
     */
    public Future<List<TimeSlot>> held(UUID hostId, Instant from, Instant to) {
        return pg.preparedQuery("select start_time, duration_minutes from sessions"
                        + " where host_user_id = $1 and start_time is not null"
                        + " and status in ('requested', 'accepted', 'awaiting_payment', 'confirmed', 'in_progress')"
                        + " and start_time > $2 and start_time < $3"
                        + " order by start_time")
                .execute(Tuple.of(hostId, utc(from.minus(LONGEST)), utc(to)))
                .map(rows -> Rows.all(rows, AvailabilityReadModel::slot).stream()
                        .filter(slot -> slot.end().isAfter(from))
                        .toList());
    }

    private static Published published(Row row) {
        try {
            return new Published(
                    Json.mapper().readValue(row.getString("availability"), Availability.class),
                    row.getUUID("command_id"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a projected availability is not JSON", e);
        }
    }

    private static TimeSlot slot(Row row) {
        Instant start = row.getOffsetDateTime("start_time").toInstant();
        return new TimeSlot(start, start.plus(Duration.ofMinutes(row.getInteger("duration_minutes"))));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
