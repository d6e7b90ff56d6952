package com.humanchat.notifier.store;

import com.humanchat.notifier.domain.Notification;
import com.humanchat.notifier.mail.Email;
import com.humanchat.schemas.chat.MessageSent;
import com.humanchat.schemas.chat.ReadAdvanced;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The notifier's PostgreSQL state (migration {@code V70__notifications.sql}): the in-app list, the messages waiting
 * for the unread delay, and the sent-ledger. Every write is idempotent — keyed by ids derived from events — so a
 * redelivered event changes nothing.
 */
public final class NotificationStore {

    /** One unread message waiting for the delay. */
    public record Unread(
            UUID conversationId, long seq, UUID messageId, UUID senderId, String preview, Instant sentAt) {}

    /** A ledger row waiting to be sent. */
    public record Delivery(UUID notificationId, String channel, UUID userId, Email email, int attempts) {}

    private static final int PREVIEW_CHARS = 140;

    private final DataSource dataSource;

    public NotificationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Work in one transaction, committed when {@code work} returns. */
    public <T> T inTransaction(SqlWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** The message waits, for every participant but its sender who has not muted the conversation. */
    public static void recordMessage(Connection c, MessageSent message) throws SQLException {
        String preview = message.content() == null ? "" : message.content().strip();
        if (preview.length() > PREVIEW_CHARS) {
            preview = preview.substring(0, PREVIEW_CHARS - 1) + "…";
        }
        try (PreparedStatement insert = c.prepareStatement(
                """
                insert into notification_unread_messages
                    (user_id, conversation_id, seq, message_id, sender_id, preview, sent_at)
                select ?, ?, ?, ?, ?, ?, ?
                where not exists (select 1 from notification_muted_conversations m
                                  where m.user_id = ? and m.conversation_id = ?)
                on conflict do nothing""")) {
            for (UUID recipient : message.participantIds()) {
                if (recipient.equals(message.senderId())) {
                    continue;
                }
                insert.setObject(1, recipient);
                insert.setObject(2, message.conversationId());
                insert.setLong(3, message.seq());
                insert.setObject(4, message.messageId());
                insert.setObject(5, message.senderId());
                insert.setString(6, preview);
                insert.setTimestamp(7, Timestamp.from(message.occurredAt()));
                insert.setObject(8, recipient);
                insert.setObject(9, message.conversationId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** What the reader has now read no longer waits: a digest will not tell them of it. */
    public static void recordRead(Connection c, ReadAdvanced read) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "delete from notification_unread_messages where user_id = ? and conversation_id = ? and seq <= ?")) {
            delete.setObject(1, read.userId());
            delete.setObject(2, read.conversationId());
            delete.setLong(3, read.lastReadSeq());
            delete.executeUpdate();
        }
    }

    /** Adds the notification to its recipient's list; false when it was there already (derived before). */
    public static boolean insertNotification(Connection c, Notification n) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                """
                insert into notifications
                    (id, user_id, kind, title, body, link, conversation_id, source_event_id, created_at)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?
                where ?::uuid is null or not exists (select 1 from notification_muted_conversations m
                                                     where m.user_id = ? and m.conversation_id = ?)
                on conflict (id) do nothing""")) {
            insert.setObject(1, n.id());
            insert.setObject(2, n.userId());
            insert.setString(3, n.kind().wire());
            insert.setString(4, n.title());
            insert.setString(5, n.body());
            insert.setString(6, n.link());
            insert.setObject(7, n.conversationId());
            insert.setObject(8, n.sourceEventId());
            insert.setTimestamp(9, Timestamp.from(n.createdAt()));
            insert.setObject(10, n.conversationId());
            insert.setObject(11, n.userId());
            insert.setObject(12, n.conversationId());
            return insert.executeUpdate() == 1;
        }
    }

    /** The recipient's verified address and preferences (defaults when they never set any). */
    public static Recipient recipient(Connection c, UUID userId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                """
                select case when u.email_verified_at is not null and not u.suspended then u.email end,
                       coalesce(p.email_enabled, true), coalesce(p.email_digest, 'batched'),
                       p.quiet_hours_start, p.quiet_hours_end, coalesce(p.time_zone, 'UTC')
                from users u left join notification_preferences p on p.user_id = u.id
                where u.id = ?""")) {
            select.setObject(1, userId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return new Recipient(null, false, "batched", null, null, ZoneId.of("UTC"));
                }
                return new Recipient(
                        row.getString(1),
                        row.getBoolean(2),
                        row.getString(3),
                        row.getObject(4, LocalTime.class),
                        row.getObject(5, LocalTime.class),
                        ZoneId.of(row.getString(6)));
            }
        }
    }

    /** Writes the e-mail into the sent-ledger (pending, not before {@code notBefore}); once per notification. */
    public static void composeEmail(
            Connection c, UUID notificationId, UUID userId, Email email, Instant composedAt, Instant notBefore)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                """
                insert into notification_deliveries
                    (notification_id, channel, user_id, recipient, subject, text_body, html_body, composed_at, not_before)
                values (?, 'email', ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""")) {
            insert.setObject(1, notificationId);
            insert.setObject(2, userId);
            insert.setString(3, email.to());
            insert.setString(4, email.subject());
            insert.setString(5, email.text());
            insert.setString(6, email.html());
            insert.setTimestamp(7, Timestamp.from(composedAt));
            insert.setTimestamp(8, Timestamp.from(notBefore));
            insert.executeUpdate();
        }
    }

    /** Users with a message that has waited {@code delay} or longer, oldest first. */
    public List<UUID> usersWithDueMessages(Instant now, Duration delay, int limit) throws SQLException {
        return inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    """
                    select user_id from notification_unread_messages
                    group by user_id having min(sent_at) <= ? order by min(sent_at) limit ?""")) {
                select.setTimestamp(1, Timestamp.from(now.minus(delay)));
                select.setInt(2, limit);
                List<UUID> users = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        users.add(rows.getObject(1, UUID.class));
                    }
                }
                return users;
            }
        });
    }

    /**
     * When the earliest waiting work falls due: the oldest waiting message's digest ({@code delay} after it was sent)
     * and, with {@code deliveries}, the earliest pending ledger row; null when nothing waits. Both are index reads.
     */
    public Instant nextDue(Duration delay, boolean deliveries) throws SQLException {
        return inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                            """
                    select (select min(sent_at) from notification_unread_messages),
                           (select min(not_before) from notification_deliveries where status = 'pending')""");
                    ResultSet row = select.executeQuery()) {
                row.next();
                Timestamp oldestUnread = row.getTimestamp(1);
                Timestamp firstDelivery = deliveries ? row.getTimestamp(2) : null;
                Instant due =
                        oldestUnread == null ? null : oldestUnread.toInstant().plus(delay);
                if (firstDelivery != null
                        && (due == null || firstDelivery.toInstant().isBefore(due))) {
                    due = firstDelivery.toInstant();
                }
                return due;
            }
        });
    }

    /** Takes (locks and deletes) every message waiting for {@code userId}, oldest first; skips rows another holds. */
    public static List<Unread> takeUnread(Connection c, UUID userId) throws SQLException {
        List<Unread> taken = new ArrayList<>();
        try (PreparedStatement delete = c.prepareStatement(
                """
                delete from notification_unread_messages where ctid in (
                    select ctid from notification_unread_messages where user_id = ? for update skip locked)
                returning conversation_id, seq, message_id, sender_id, preview, sent_at""")) {
            delete.setObject(1, userId);
            try (ResultSet rows = delete.executeQuery()) {
                while (rows.next()) {
                    taken.add(new Unread(
                            rows.getObject(1, UUID.class),
                            rows.getLong(2),
                            rows.getObject(3, UUID.class),
                            rows.getObject(4, UUID.class),
                            rows.getString(5),
                            rows.getTimestamp(6).toInstant()));
                }
            }
        }
        taken.sort((a, b) -> a.sentAt().equals(b.sentAt())
                ? Long.compare(a.seq(), b.seq())
                : a.sentAt().compareTo(b.sentAt()));
        return taken;
    }

    /** When {@code userId}'s last digest e-mail is due (null = never had one); locks it until the commit. */
    public static Instant lastDigest(Connection c, UUID userId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select last_digest_at from notification_digest_state where user_id = ? for update")) {
            select.setObject(1, userId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getTimestamp(1).toInstant() : null;
            }
        }
    }

    public static void setLastDigest(Connection c, UUID userId, Instant at) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement(
                """
                insert into notification_digest_state (user_id, last_digest_at) values (?, ?)
                on conflict (user_id) do update set last_digest_at = excluded.last_digest_at""")) {
            upsert.setObject(1, userId);
            upsert.setTimestamp(2, Timestamp.from(at));
            upsert.executeUpdate();
        }
    }

    /** A display name for e-mails and titles; "Someone" for an id the users table does not hold. */
    public String displayName(UUID userId) {
        try {
            return inTransaction(c -> {
                try (PreparedStatement select = c.prepareStatement("select display_name from users where id = ?")) {
                    select.setObject(1, userId);
                    try (ResultSet row = select.executeQuery()) {
                        return row.next() ? row.getString(1) : "Someone";
                    }
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("display name of " + userId + " not read", e);
        }
    }

    /** Ledger rows due for sending, oldest first. */
    public List<Delivery> dueDeliveries(Instant now, int limit) throws SQLException {
        return inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    """
                    select notification_id, channel, user_id, recipient, subject, text_body, html_body, attempts
                    from notification_deliveries where status = 'pending' and not_before <= ?
                    order by not_before limit ?""")) {
                select.setTimestamp(1, Timestamp.from(now));
                select.setInt(2, limit);
                List<Delivery> due = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        due.add(new Delivery(
                                rows.getObject(1, UUID.class),
                                rows.getString(2),
                                rows.getObject(3, UUID.class),
                                new Email(rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7)),
                                rows.getInt(8)));
                    }
                }
                return due;
            }
        });
    }

    /** What sending one ledger row does; throws when the channel refused it. */
    @FunctionalInterface
    public interface Send {
        void send() throws Exception;
    }

    /**
     * Sends a ledger row at most once: locks it, checks it is still pending (another replica, or this one before a
     * crash, may have sent it), sends, and marks it sent in the same transaction. Returns false when it was not
     * pending any more; a failed send leaves it pending with one more attempt counted.
     */
    public boolean sendOnce(Delivery delivery, Instant now, Send send) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement(
                    """
                    select 1 from notification_deliveries
                    where notification_id = ? and channel = ? and status = 'pending' for update skip locked""")) {
                lock.setObject(1, delivery.notificationId());
                lock.setString(2, delivery.channel());
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        c.rollback();
                        return false;
                    }
                }
            }
            try {
                send.send();
            } catch (Exception refused) {
                c.rollback();
                recordAttempt(delivery, refused.toString(), "pending");
                throw refused;
            }
            try (PreparedStatement sent = c.prepareStatement(
                    """
                    update notification_deliveries set status = 'sent', sent_at = ?, attempts = attempts + 1,
                        last_error = null
                    where notification_id = ? and channel = ?""")) {
                sent.setTimestamp(1, Timestamp.from(now));
                sent.setObject(2, delivery.notificationId());
                sent.setString(3, delivery.channel());
                sent.executeUpdate();
            }
            c.commit();
            return true;
        }
    }

    /** Marks a ledger row dead (given up after the last attempt): it is never sent. */
    public void markDead(Delivery delivery, String reason) throws SQLException {
        recordAttempt(delivery, reason, "dead");
    }

    private void recordAttempt(Delivery delivery, String error, String status) throws SQLException {
        inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    """
                    update notification_deliveries set attempts = attempts + case when ? = 'dead' then 0 else 1 end,
                        last_error = ?, status = ?
                    where notification_id = ? and channel = ? and status = 'pending'""")) {
                update.setString(1, status);
                update.setString(2, error);
                update.setString(3, status);
                update.setObject(4, delivery.notificationId());
                update.setString(5, delivery.channel());
                return update.executeUpdate();
            }
        });
    }
}
