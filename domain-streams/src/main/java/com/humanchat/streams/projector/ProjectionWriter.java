package com.humanchat.streams.projector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.humanchat.schemas.Envelope;
import com.humanchat.schemas.Json;
import com.humanchat.schemas.availability.AvailabilityUpdated;
import com.humanchat.schemas.chat.ConversationCreated;
import com.humanchat.schemas.chat.ConversationType;
import com.humanchat.schemas.chat.MessageReacted;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.chat.UnreadChanged;
import com.humanchat.schemas.sessions.RescheduleProposed;
import com.humanchat.schemas.sessions.SessionRescheduled;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes a batch of events into the read models in one PostgreSQL transaction of idempotent, guarded upserts: applying
 * a batch twice, or any prefix of the log again, leaves every row (and its {@code tx}) as it was.
 *
 * <p>Every statement that changes a row sets {@code tx = current_tx()}; a statement whose guard finds nothing to change
 * writes nothing, so a replay does not move rows in the {@code /api/sync} order. The frequent kinds (messages,
 * conversation activity, unread counts) go to the server as one statement over arrays per batch, the rare ones as one
 * JDBC batch each, in an order that needs no foreign keys: conversations, members, messages, the members they mention,
 * conversation activity,
 * edits, deletes, read positions, unread counts, sessions, the conversations they are linked to, requests, request
 * decisions, session reviews, their answers, hosts' availability (the latest by time wins). Every kind is monotonic (inserts that keep what is there, positions that only grow, a delete that is final,
 * snapshots that only move forward in their state machine), so grouping a batch by kind gives the rows applying it
 * event by event would.
 */
final class ProjectionWriter {

    /** A session requested from the conversation before it was projected links it right away (a rebuild's order). */
    private static final String RECORD_DIRECT_PAIR =
            """
            insert into direct_conversations (user_low, user_high, conversation_id)
            select least(a, b), greatest(a, b), c from (values (?::uuid, ?::uuid, ?::uuid)) as pair(a, b, c)
            on conflict do nothing
            """;

    private static final String INSERT_CONVERSATION =
            """
            insert into conversations (id, type, created_by, created_at, last_seq, last_activity, linked_session_id, tx)
            values (?, ?, ?, ?, 0, ?,
                    (select s.id from sessions s where s.conversation_id = ?
                      order by s.requested_at desc, s.id desc limit 1),
                    current_tx())
            on conflict (id) do nothing""";

    /** A member row may exist already, created by an unread count projected first: it becomes a member then. */
    private static final String UPSERT_MEMBER =
            """
            insert into participants (conversation_id, user_id, joined_at, member, tx)
            values (?, ?, ?, true, current_tx())
            on conflict (conversation_id, user_id) do update
               set member = true, joined_at = coalesce(participants.joined_at, excluded.joined_at), tx = current_tx()
             where not participants.member or participants.joined_at is null""";

    /**
     * All the batch's messages in one statement. No conflict target: a message that is already there, by (conversation,
     * seq) or by id, is left as it is.
     */
    private static final String INSERT_MESSAGES =
            """
            insert into messages
                   (conversation_id, seq, id, sender_id, client_message_id, content, type, actions, sent_at,
                    attachments, reply_to_seq, mentioned_user_ids, tx)
            select conversation_id, seq, id, sender_id, client_message_id, content, type, actions::jsonb,
                   sent_at::timestamptz, attachments::jsonb, reply_to_seq, mentioned_user_ids::jsonb, current_tx()
              from unnest(?::uuid[], ?::int8[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[],
                          ?::text[], ?::text[], ?::int8[], ?::text[])
                   as t(conversation_id, seq, id, sender_id, client_message_id, content, type, actions, sent_at,
                        attachments, reply_to_seq, mentioned_user_ids)
            on conflict do nothing""";

    /**
     * The newest message mentioning each (conversation, member) of the batch, only ever forward (a row created here,
     * before the member's, becomes the member's when the conversation is projected).
     */
    private static final String ADVANCE_MENTIONS =
            """
            insert into participants (conversation_id, user_id, mention_seq, tx)
            select conversation_id, user_id, max(seq), current_tx()
              from unnest(?::uuid[], ?::uuid[], ?::int8[]) as t(conversation_id, user_id, seq)
             group by conversation_id, user_id
            on conflict (conversation_id, user_id) do update
               set mention_seq = excluded.mention_seq, tx = current_tx()
             where participants.mention_seq < excluded.mention_seq""";

    /**
     * Moves {@code last_seq} / {@code last_activity} of the given conversations to their newest stored message, never
     * backwards. Read from the messages table rather than the events, so that it also repairs a conversation whose
     * messages were projected before it; a conversation not projected yet is simply not updated.
     */
    private static final String ADVANCE_CONVERSATIONS =
            """
            update conversations c
               set last_seq = greatest(c.last_seq, m.seq), last_activity = greatest(c.last_activity, m.sent_at),
                   tx = current_tx()
              from unnest(?::uuid[]) as t(id)
                   cross join lateral (select seq, sent_at from messages
                                        where conversation_id = t.id order by seq desc limit 1) m
             where c.id = t.id and (m.seq > c.last_seq or m.sent_at > c.last_activity)""";

    /** A deleted message stays deleted; an edit older than the one applied is ignored. */
    private static final String EDIT_MESSAGE =
            """
            update messages set content = ?, edited_at = ?, tx = current_tx()
             where conversation_id = ? and seq = ? and deleted_at is null
               and (edited_at is null or edited_at < ? or (edited_at = ? and content is distinct from ?))""";

    private static final String DELETE_MESSAGE =
            """
            update messages set content = null, attachments = '[]', deleted_at = ?, tx = current_tx()
             where conversation_id = ? and seq = ? and deleted_at is null""";

    /**
     * The users of one emoji on a message, as the batch's last event of it states them (an empty list removes the
     * emoji); a repeated batch finds the same value and writes nothing. Replaying an older batch alone would bring an
     * older value back, but the projector replays from its committed offset onwards, so the newest value follows.
     */
    private static final String SET_REACTIONS =
            """
            update messages
               set reactions = case when jsonb_array_length(?::jsonb) = 0 then reactions - ?
                                    else jsonb_set(reactions, array[?], ?::jsonb) end,
                   tx = current_tx()
             where conversation_id = ? and seq = ?
               and coalesce(reactions -> ?, '[]'::jsonb) is distinct from ?::jsonb""";

    /**
     * How far a member has read as the others see it ("Seen"), only ever forward; the conversation row moves with it so
     * that {@code /api/sync} sends the conversation (whose participants carry it) again.
     */
    private static final String ADVANCE_SEEN =
            """
            with seen as (
                update participants set seen_seq = ?, tx = current_tx()
                 where conversation_id = ? and user_id = ? and seen_seq < ?
                returning conversation_id)
            update conversations set tx = current_tx() where id in (select conversation_id from seen)""";

    private static final String ADVANCE_READ =
            """
            insert into participants (conversation_id, user_id, last_read_seq, tx)
            values (?, ?, ?, current_tx())
            on conflict (conversation_id, user_id) do update
               set last_read_seq = excluded.last_read_seq, tx = current_tx()
             where participants.last_read_seq < excluded.last_read_seq""";

    /**
     * An unread count applies only if its (lastSeq, lastReadSeq) is newer than the one the row holds: both only grow,
     * so an older or repeated count changes nothing. A user's total (the one that came with the user's last count in
     * the batch not older than an earlier one) is written when one of the user's counts applied, or when the user has
     * no total yet; a batch of stale counts leaves the total alone too, which keeps a replay of the user's history from
     * moving the total back and forth.
     *
     * <p>One statement for the whole batch: the counts come as arrays, one row per (conversation, user).
     */
    private static final String APPLY_UNREAD =
            """
            with counts as (
                select * from unnest(?::uuid[], ?::uuid[], ?::int8[], ?::int8[], ?::int8[])
                           as t(conversation_id, user_id, unread_count, as_of_seq, as_of_read)),
            applied as (
                insert into participants
                       (conversation_id, user_id, last_read_seq, unread_count, unread_as_of_seq, unread_as_of_read, tx)
                select conversation_id, user_id, as_of_read, unread_count, as_of_seq, as_of_read, current_tx()
                  from counts
                on conflict (conversation_id, user_id) do update
                   set unread_count = excluded.unread_count,
                       last_read_seq = greatest(participants.last_read_seq, excluded.last_read_seq),
                       unread_as_of_seq = excluded.unread_as_of_seq,
                       unread_as_of_read = excluded.unread_as_of_read,
                       tx = current_tx()
                 where (excluded.unread_as_of_seq, excluded.unread_as_of_read)
                     > (participants.unread_as_of_seq, participants.unread_as_of_read)
                returning user_id),
            totals as (
                select * from unnest(?::uuid[], ?::int8[]) as t(user_id, total_unread))
            insert into unread_totals (user_id, total_unread, tx)
            select t.user_id, t.total_unread, current_tx()
              from totals t
             where t.user_id in (select user_id from applied)
                or not exists (select 1 from unread_totals u where u.user_id = t.user_id)
            on conflict (user_id) do update set total_unread = excluded.total_unread, tx = current_tx()
             where unread_totals.total_unread is distinct from excluded.total_unread""";

    /**
     * A session snapshot replaces the stored one only if its status is further along the state machine (every
     * transition raises {@code session_status_rank}), so an older or repeated snapshot changes nothing.
     */
    private static final String UPSERT_SESSION =
            """
            insert into sessions (id, guest_user_id, host_user_id, conversation_id, start_time, duration_minutes,
                                  price_cents, currency, payment_mode, status, requested_at, updated_at, started_at,
                                  completed_at, actual_duration_seconds, sam_action_id, tx)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, current_tx())
            on conflict (id) do update
               set status = excluded.status, updated_at = excluded.updated_at, started_at = excluded.started_at,
                   completed_at = excluded.completed_at, actual_duration_seconds = excluded.actual_duration_seconds,
                   tx = current_tx()
             where session_status_rank(excluded.status) > session_status_rank(sessions.status)""";

    /** A conversation's linked session is the latest one requested from it, whatever order they are projected in. */
    private static final String LINK_SESSION =
            """
            update conversations c set linked_session_id = s.id, tx = current_tx()
              from sessions s
             where s.id = ? and c.id = s.conversation_id and c.linked_session_id is distinct from s.id
               and not exists (select 1 from sessions l
                                where l.id = c.linked_session_id and (l.requested_at, l.id) > (s.requested_at, s.id))""";

    /** A request is decided once: only a pending row takes a decided snapshot. */
    private static final String UPSERT_REQUEST =
            """
            insert into requests (id, requester_id, host_user_id, manager_id, representative_name, message, status,
                                  conversation_id, created_at, decided_at, decided_by, reason, sam_action_id,
                                  requester_name, host_name, tx)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, current_tx())
            on conflict (id) do update
               set status = excluded.status, conversation_id = excluded.conversation_id,
                   decided_at = excluded.decided_at, decided_by = excluded.decided_by, reason = excluded.reason,
                   tx = current_tx()
             where requests.status = 'pending' and excluded.status <> 'pending'""";

    private static final String INSERT_DECISION =
            """
            insert into request_decisions (event_id, request_id, actor_id, from_status, to_status, reason, decided_at, tx)
            values (?, ?, ?, ?, ?, ?, ?, current_tx())
            on conflict (event_id) do nothing""";

    /** A session is reviewed once: a review already there (and its answer, and whether it is hidden) stays. */
    private static final String INSERT_REVIEW =
            """
            insert into session_reviews (session_id, host_id, guest_id, rating, text, created_at)
            values (?, ?, ?, ?, ?, ?)
            on conflict (session_id) do nothing""";

    /** A review is answered once: only a review without an answer takes one. */
    private static final String ANSWER_REVIEW =
            """
            update session_reviews set answer = ?, answered_at = ?
             where session_id = ? and answer is null""";

    /** A host's availability: the latest by time wins, so a replay of an older one changes nothing. */
    private static final String UPSERT_AVAILABILITY =
            """
            insert into host_availability (host_id, availability, command_id, updated_at)
            values (?, ?::jsonb, ?, ?)
            on conflict (host_id) do update
               set availability = excluded.availability, command_id = excluded.command_id,
                   updated_at = excluded.updated_at
             where host_availability.updated_at <= excluded.updated_at""";

    private final DataSource dataSource;

    ProjectionWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Projects the events in one transaction; on any failure nothing of it is committed.
     *
     * @param events in log order per partition; events that change no read model (every {@code command.rejected}) are
     *     skipped
     */
    void write(List<? extends Envelope> events) throws SQLException {
        ProjectionPlan plan = ProjectionPlan.of(events);
        if (plan.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                execute(plan, connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
        }
    }

    /**
     * True when retrying cannot help because the data itself is refused (SQLState class 22 data exception or 23
     * integrity violation); the record is then dead-lettered. Everything else (no connection, shutdown, deadlock, a
     * missing table before the migration ran) is worth retrying.
     */
    static boolean isPermanent(SQLException e) {
        if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) {
            return false;
        }
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    /** The plan's statements, in the order that needs no foreign keys (see the class comment). */
    private static void execute(ProjectionPlan plan, Connection connection) throws SQLException {
        batch(connection, INSERT_CONVERSATION, plan.conversations().values(), (s, e) -> {
            s.setObject(1, e.conversationId());
            s.setString(2, e.conversationType().wire());
            s.setObject(3, e.createdBy());
            s.setObject(4, timestamp(e.occurredAt()));
            s.setObject(5, timestamp(e.occurredAt()));
            s.setObject(6, e.conversationId());
        });
        // The edge finds a pair's direct conversation through this lookup (V51); one the topology opened by itself (an
        // approved managed request) is recorded here, unless the pair already has one.
        List<ConversationCreated> directPairs = plan.conversations().values().stream()
                .filter(e -> e.conversationType() == ConversationType.DIRECT
                        && e.participantIds().size() == 2)
                .toList();
        batch(connection, RECORD_DIRECT_PAIR, directPairs, (s, e) -> {
            s.setObject(1, e.participantIds().get(0));
            s.setObject(2, e.participantIds().get(1));
            s.setObject(3, e.conversationId());
        });
        batch(connection, UPSERT_MEMBER, plan.members().entrySet(), (s, member) -> {
            s.setObject(1, member.getKey().conversationId());
            s.setObject(2, member.getKey().userId());
            s.setObject(3, timestamp(member.getValue()));
        });
        if (!plan.messages().isEmpty()) {
            int rows = plan.messages().size();
            Object[][] columns = new Object[12][rows];
            int i = 0;
            for (MessageSent e : plan.messages().values()) {
                columns[0][i] = e.conversationId();
                columns[1][i] = e.seq();
                columns[2][i] = e.messageId();
                columns[3][i] = e.senderId();
                columns[4][i] = e.clientMessageId();
                columns[5][i] = e.content();
                columns[6][i] = e.messageType().wire();
                columns[7][i] = json(e.actions(), e);
                columns[8][i] = e.occurredAt().toString(); // ISO-8601 in UTC, read as timestamptz
                columns[9][i] = json(e.attachments(), e);
                columns[10][i] = e.replyToSeq();
                columns[11][i] = json(e.mentionedUserIds(), e);
                i++;
            }
            String[] types = {
                "uuid", "int8", "uuid", "uuid", "text", "text", "text", "text", "text", "text", "int8", "text"
            };
            try (PreparedStatement s = connection.prepareStatement(INSERT_MESSAGES)) {
                for (int c = 0; c < columns.length; c++) {
                    s.setArray(c + 1, connection.createArrayOf(types[c], columns[c]));
                }
                s.executeUpdate();
            }
            advanceMentions(connection, plan.messages().values());
        }
        if (!plan.touchedConversations().isEmpty()) {
            try (PreparedStatement s = connection.prepareStatement(ADVANCE_CONVERSATIONS)) {
                s.setArray(
                        1,
                        connection.createArrayOf(
                                "uuid", plan.touchedConversations().toArray()));
                s.executeUpdate();
            }
        }
        batch(connection, EDIT_MESSAGE, plan.edits(), (s, e) -> {
            OffsetDateTime at = timestamp(e.occurredAt());
            s.setString(1, e.content());
            s.setObject(2, at);
            s.setObject(3, e.conversationId());
            s.setLong(4, e.seq());
            s.setObject(5, at);
            s.setObject(6, at);
            s.setString(7, e.content());
        });
        batch(connection, DELETE_MESSAGE, plan.deletes(), (s, e) -> {
            s.setObject(1, timestamp(e.occurredAt()));
            s.setObject(2, e.conversationId());
            s.setLong(3, e.seq());
        });
        batch(connection, SET_REACTIONS, plan.reactions().values(), (s, e) -> {
            String users = usersJson(e);
            s.setString(1, users);
            s.setString(2, e.emoji());
            s.setString(3, e.emoji());
            s.setString(4, users);
            s.setObject(5, e.conversationId());
            s.setLong(6, e.seq());
            s.setString(7, e.emoji());
            s.setString(8, users);
        });
        batch(connection, ADVANCE_READ, plan.reads().entrySet(), (s, read) -> {
            s.setObject(1, read.getKey().conversationId());
            s.setObject(2, read.getKey().userId());
            s.setLong(3, read.getValue());
        });
        batch(connection, ADVANCE_SEEN, plan.receipts().entrySet(), (s, seen) -> {
            s.setLong(1, seen.getValue());
            s.setObject(2, seen.getKey().conversationId());
            s.setObject(3, seen.getKey().userId());
            s.setLong(4, seen.getValue());
        });
        if (!plan.unreadCounts().isEmpty()) {
            int rows = plan.unreadCounts().size();
            Object[] conversationIds = new Object[rows];
            Object[] userIds = new Object[rows];
            Object[] counts = new Object[rows];
            Object[] asOfSeqs = new Object[rows];
            Object[] asOfReads = new Object[rows];
            int i = 0;
            for (UnreadChanged e : plan.unreadCounts().values()) {
                conversationIds[i] = e.conversationId();
                userIds[i] = e.userId();
                counts[i] = e.unreadCount();
                asOfSeqs[i] = e.lastSeq();
                asOfReads[i] = e.lastReadSeq();
                i++;
            }
            try (PreparedStatement s = connection.prepareStatement(APPLY_UNREAD)) {
                s.setArray(1, connection.createArrayOf("uuid", conversationIds));
                s.setArray(2, connection.createArrayOf("uuid", userIds));
                s.setArray(3, connection.createArrayOf("int8", counts));
                s.setArray(4, connection.createArrayOf("int8", asOfSeqs));
                s.setArray(5, connection.createArrayOf("int8", asOfReads));
                s.setArray(
                        6,
                        connection.createArrayOf(
                                "uuid", plan.unreadTotals().keySet().toArray()));
                s.setArray(
                        7,
                        connection.createArrayOf(
                                "int8", plan.unreadTotals().values().toArray()));
                s.executeUpdate();
            }
        }
        executeSessionsAndRequests(plan, connection);
        executeReviews(plan, connection);
        batch(connection, UPSERT_AVAILABILITY, plan.availabilities().values(), (s, e) -> {
            s.setObject(1, e.hostUserId());
            s.setString(2, availabilityJson(e));
            s.setObject(3, e.commandId());
            s.setObject(4, timestamp(e.occurredAt()));
        });
        executeReschedules(plan, connection);
    }

    /** After sessions and requests: a review is inserted before its answer, which may come in the same batch. */
    private static void executeReviews(ProjectionPlan plan, Connection connection) throws SQLException {
        batch(connection, INSERT_REVIEW, plan.reviews().values(), (s, e) -> {
            s.setObject(1, e.sessionId());
            s.setObject(2, e.hostUserId());
            s.setObject(3, e.guestUserId());
            s.setInt(4, e.rating());
            s.setString(5, e.text());
            s.setObject(6, timestamp(e.occurredAt()));
        });
        batch(connection, ANSWER_REVIEW, plan.reviewAnswers().values(), (s, e) -> {
            s.setString(1, e.text());
            s.setObject(2, timestamp(e.occurredAt()));
            s.setObject(3, e.sessionId());
        });
    }

    /** A proposal or its decline replaces only an older step; a move only a lower sequence (V67). */
    private static final String PROPOSE =
            """
            update sessions set proposed_start = ?, proposed_by = ?, schedule_updated_at = ?, tx = current_tx()
             where id = ? and (schedule_updated_at is null or schedule_updated_at <= ?)""";

    private static final String MOVE =
            """
            update sessions set start_time = ?, updated_at = greatest(updated_at, ?), reschedule_sequence = ?,
                   proposed_start = null, proposed_by = null, schedule_updated_at = ?, tx = current_tx()
             where id = ? and reschedule_sequence < ?""";

    /** After the sessions: each reschedule step in order, as its own guarded update. */
    private static void executeReschedules(ProjectionPlan plan, Connection connection) throws SQLException {
        batch(
                connection,
                PROPOSE,
                plan.reschedules().stream()
                        .filter(e -> !(e instanceof SessionRescheduled))
                        .toList(),
                (s, e) -> {
                    boolean proposed = e instanceof RescheduleProposed;
                    s.setObject(1, proposed ? timestamp(((RescheduleProposed) e).toStartTime()) : null);
                    s.setObject(2, proposed ? ((RescheduleProposed) e).actorId() : null);
                    s.setObject(3, timestamp(e.occurredAt()));
                    s.setObject(4, e.sessionId());
                    s.setObject(5, timestamp(e.occurredAt()));
                });
        batch(
                connection,
                MOVE,
                plan.reschedules().stream()
                        .filter(SessionRescheduled.class::isInstance)
                        .map(SessionRescheduled.class::cast)
                        .toList(),
                (s, e) -> {
                    s.setObject(1, timestamp(e.session().startTime()));
                    s.setObject(2, timestamp(e.occurredAt()));
                    s.setInt(3, e.sequence());
                    s.setObject(4, timestamp(e.occurredAt()));
                    s.setObject(5, e.sessionId());
                    s.setInt(6, e.sequence());
                });
    }

    private static void executeSessionsAndRequests(ProjectionPlan plan, Connection connection) throws SQLException {
        batch(connection, UPSERT_SESSION, plan.sessions().values(), (s, e) -> {
            s.setObject(1, e.sessionId());
            s.setObject(2, e.guestUserId());
            s.setObject(3, e.hostUserId());
            s.setObject(4, e.conversationId());
            s.setObject(5, timestampOrNull(e.startTime()));
            s.setInt(6, e.durationMinutes());
            s.setLong(7, e.agreedPrice().amountCents());
            s.setString(8, e.agreedPrice().currency());
            s.setString(9, e.paymentMode().wire());
            s.setString(10, e.status().wire());
            s.setObject(11, timestamp(e.requestedAt()));
            s.setObject(12, timestamp(e.updatedAt()));
            s.setObject(13, timestampOrNull(e.startedAt()));
            s.setObject(14, timestampOrNull(e.completedAt()));
            s.setObject(15, e.actualDurationSeconds());
            s.setObject(16, e.samActionId());
        });
        batch(connection, LINK_SESSION, plan.linkedSessions(), (s, sessionId) -> s.setObject(1, sessionId));
        batch(connection, UPSERT_REQUEST, plan.requests().values(), (s, e) -> {
            s.setObject(1, e.requestId());
            s.setObject(2, e.requesterId());
            s.setObject(3, e.hostUserId());
            s.setObject(4, e.managerId());
            s.setString(5, e.representativeName());
            s.setString(6, e.message());
            s.setString(7, e.status().wire());
            s.setObject(8, e.conversationId());
            s.setObject(9, timestamp(e.createdAt()));
            s.setObject(10, timestampOrNull(e.decidedAt()));
            s.setObject(11, e.decidedBy());
            s.setString(12, e.reason());
            s.setObject(13, e.samActionId());
            s.setString(14, e.requesterName());
            s.setString(15, e.hostName());
        });
        batch(connection, INSERT_DECISION, plan.decisions().values(), (s, e) -> {
            s.setObject(1, e.eventId());
            s.setObject(2, e.requestId());
            s.setObject(3, e.actorId());
            s.setString(4, e.fromStatus().wire());
            s.setString(5, e.toStatus().wire());
            s.setString(6, e.reason());
            s.setObject(7, timestamp(e.occurredAt()));
        });
    }

    /** Sets one row's parameters of a JDBC batch. */
    @FunctionalInterface
    private interface RowBinder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    /** {@code sql} once per row, {@code bind} setting that row's parameters, as one JDBC batch; nothing without rows. */
    private static <T> void batch(Connection connection, String sql, Collection<T> rows, RowBinder<T> bind)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (T row : rows) {
                bind.bind(s, row);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static OffsetDateTime timestampOrNull(Instant instant) {
        return instant == null ? null : timestamp(instant);
    }

    private static String availabilityJson(AvailabilityUpdated e) {
        try {
            return Json.mapper().writeValueAsString(e.availability());
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("availability of host " + e.hostUserId() + " is not JSON", ex);
        }
    }

    private static void advanceMentions(Connection connection, Collection<MessageSent> messages) throws SQLException {
        List<UUID> conversations = new ArrayList<>();
        List<UUID> users = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        for (MessageSent e : messages) {
            for (UUID user : e.mentionedUserIds()) {
                conversations.add(e.conversationId());
                users.add(user);
                seqs.add(e.seq());
            }
        }
        if (users.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(ADVANCE_MENTIONS)) {
            s.setArray(1, connection.createArrayOf("uuid", conversations.toArray()));
            s.setArray(2, connection.createArrayOf("uuid", users.toArray()));
            s.setArray(3, connection.createArrayOf("int8", seqs.toArray()));
            s.executeUpdate();
        }
    }

    private static String json(List<?> items, MessageSent e) {
        try {
            return Json.mapper().writeValueAsString(items);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("message " + e.messageId() + " does not write as JSON", ex);
        }
    }

    private static String usersJson(MessageReacted e) {
        try {
            return Json.mapper().writeValueAsString(e.userIds());
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("users of reaction " + e.eventId() + " are not JSON", ex);
        }
    }
}
