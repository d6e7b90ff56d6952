package com.humanchat.edge.sessions;

import com.humanchat.edge.http.KeysetCursor;
import com.humanchat.edge.sessions.domain.ProposalAdmission;
import com.humanchat.readmodels.Rows;
import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.PaymentMode;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionStatus;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Sessions as the projector wrote them. */
public final class SessionReadModel {

    /** The columns {@link #session(Row)} reads, of {@code sessions s}. */
    public static final String SESSION_COLUMNS =
            "s.id, s.guest_user_id, s.host_user_id, s.conversation_id, s.start_time,"
                    + " s.duration_minutes, s.price_cents, s.currency, s.payment_mode, s.status, s.requested_at,"
                    + " s.updated_at, s.started_at, s.completed_at, s.actual_duration_seconds, s.sam_action_id";

    /** Statuses that hold a host's time (a requested session does not, yet). */
    private static final String[] HOLDING = {"accepted", "awaiting_payment", "confirmed", "in_progress"};

    private final Pool pg;

    public SessionReadModel(Pool pg) {
        this.pg = pg;
    }

    /** One session, if projected. */
    public Future<Optional<Session>> session(UUID sessionId) {
        return pg.preparedQuery("select " + SESSION_COLUMNS + " from sessions s where s.id = $1")
                .execute(Tuple.of(sessionId))
                .map(rows -> Rows.first(rows, SessionReadModel::session));
    }

    /**
     * The sessions {@code userId} takes part in, most recently changed first, after the keyset {@code (updatedAt,
     * id)} when given.
     */
    Future<List<Session>> sessionsOf(UUID userId, SessionStatus status, KeysetCursor after, int limit) {
        return pg.preparedQuery("select " + SESSION_COLUMNS + " from sessions s"
                        + " where (s.guest_user_id = $1 or s.host_user_id = $1)"
                        + " and ($2::text is null or s.status = $2)"
                        + " and ($3::timestamptz is null or (s.updated_at, s.id) < ($3, $4))"
                        + " order by s.updated_at desc, s.id desc limit $5")
                .execute(Tuple.of(
                        userId,
                        status == null ? null : status.wire(),
                        KeysetCursor.timeOf(after),
                        KeysetCursor.idOf(after),
                        limit))
                .map(rows -> Rows.all(rows, SessionReadModel::session));
    }

    /**
     * Whether {@code guest} already booked from the Sam proposal {@code samActionId}, and whether the host calendar
     * (accepted, awaiting payment, confirmed, in progress) holds part of {@code [start, start + minutes)}; a null
     * {@code start} (instant) is never taken here.
     */
    Future<ProposalAdmission.Facts> proposalState(UUID guest, UUID samActionId, UUID host, Instant start, int minutes) {
        return pg.preparedQuery("select exists (select 1 from sessions s where s.guest_user_id = $1"
                        + " and s.sam_action_id = $2) as used,"
                        + " ($4::timestamptz is not null and exists (select 1 from sessions s"
                        + " where s.host_user_id = $3 and s.status = any ($6) and s.start_time is not null"
                        + " and s.start_time < $4::timestamptz + $5 * interval '1 minute'"
                        + " and $4::timestamptz < s.start_time + s.duration_minutes * interval '1 minute')) as taken")
                .execute(Tuple.of(
                        guest,
                        samActionId,
                        host,
                        start == null ? null : start.atOffset(java.time.ZoneOffset.UTC),
                        minutes,
                        HOLDING))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new ProposalAdmission.Facts(row.getBoolean("used"), row.getBoolean("taken"));
                });
    }

    public static Session session(Row row) {
        return new Session(
                row.getUUID("id"),
                row.getUUID("guest_user_id"),
                row.getUUID("host_user_id"),
                row.getUUID("conversation_id"),
                instant(row.getOffsetDateTime("start_time")),
                row.getInteger("duration_minutes"),
                Money.of(row.getLong("price_cents"), row.getString("currency")),
                PaymentMode.valueOf(row.getString("payment_mode").toUpperCase(java.util.Locale.ROOT)),
                SessionStatus.valueOf(row.getString("status").toUpperCase(java.util.Locale.ROOT)),
                instant(row.getOffsetDateTime("requested_at")),
                instant(row.getOffsetDateTime("updated_at")),
                instant(row.getOffsetDateTime("started_at")),
                instant(row.getOffsetDateTime("completed_at")),
                row.getLong("actual_duration_seconds"),
                row.getUUID("sam_action_id"));
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
