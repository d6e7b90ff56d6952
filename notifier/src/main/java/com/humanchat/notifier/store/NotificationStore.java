package com.humanchat.notifier.store;

import com.humanchat.notifier.domain.Notification;
import com.humanchat.notifier.mail.Email;
import com.humanchat.notifier.push.PushTarget;
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
 * The notifier's PostgreSQL state (migrations {@code V70__notifications.sql}, {@code V73__web_push.sql}): the in-app
 * list, the messages waiting for the unread delay, the sent-ledger and the devices' push subscriptions. Every write is idempotent — keyed by ids derived from events — so a
 * redelivered event changes nothing.
 */
public final class NotificationStore {

    /** One unread message waiting for the delay. */
    public record Unread(
            UUID conversationId, long seq, UUID messageId, UUID senderId, String preview, Instant sentAt) {}

    /**
     * A ledger row waiting to be sent: an e-mail ({@code push} null) or a push message to one device ({@code push}
     * its subscription, {@code email.text()} the payload).
     */
    public record Delivery(
            UUID notificationId, String channel, UUID userId, Email email, PushTarget push, int attempts) {

        /** The subscription a push row goes to; null for an e-mail. */
        UUID subscriptionId() {
            return push == null ? null : push.subscriptionId();
        }
    }

    /** What {@link #sendOnce} did. */
    public enum Outcome {
        /** sent now, marked sent */
        SENT,
        /** not pending any more: sent or given up before (by another replica, or by this one before a restart) */
        NOT_PENDING,
        /** the push service says the subscription is gone: it is deleted, with every row still waiting for it */
        GONE
    }

    public static final String EMAIL = "email";
    public static final String PUSH = "push";

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
                       coalesce(p.email_enabled, true), coalesce(p.push_enabled, true) and not u.suspended,
                       coalesce(p.email_digest, 'batched'),
                       p.quiet_hours_start, p.quiet_hours_end, coalesce(p.time_zone, 'UTC')
                from users u left join notification_preferences p on p.user_id = u.id
                where u.id = ?""")) {
            select.setObject(1, userId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return new Recipient(null, false, false, "batched", null, null, ZoneId.of("UTC"));
                }
                return new Recipient(
                        row.getString(1),
                        row.getBoolean(2),
                        row.getBoolean(3),
                        row.getString(4),
                        row.getObject(5, LocalTime.class),
                        row.getObject(6, LocalTime.class),
                        ZoneId.of(row.getString(7)));
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
                    (notification_id, channel, user_id, recipient, subject, text_body, html_body, calendar, composed_at,
                     not_before)
                values (?, 'email', ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""")) {
            insert.setObject(1, notificationId);
            insert.setObject(2, userId);
            insert.setString(3, email.to());
            insert.setString(4, email.subject());
            insert.setString(5, email.text());
            insert.setString(6, email.html());
            insert.setString(7, email.calendar());
            insert.setTimestamp(8, Timestamp.from(composedAt));
            insert.setTimestamp(9, Timestamp.from(notBefore));
            insert.executeUpdate();
        }
    }

    /**
     * Writes the push message into the sent-ledger once per device the user has subscribed (pending, not before
     * {@code notBefore}); once per notification and device. Returns how many devices it waits for.
     */
    public static int composePush(
            Connection c,
            UUID notificationId,
            UUID userId,
            String title,
            String payload,
            Instant composedAt,
            Instant notBefore)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                """
                insert into notification_deliveries
                    (notification_id, channel, subscription_id, user_id, recipient, subject, text_body, html_body,
                     composed_at, not_before)
                select ?, 'push', s.id, s.user_id, s.endpoint, ?, ?, '', ?, ?
                from push_subscriptions s where s.user_id = ?
                on conflict do nothing""")) {
            insert.setObject(1, notificationId);
            insert.setString(2, title);
            insert.setString(3, payload);
            insert.setTimestamp(4, Timestamp.from(composedAt));
            insert.setTimestamp(5, Timestamp.from(notBefore));
            insert.setObject(6, userId);
            return insert.executeUpdate();
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
     * and the earliest pending ledger row of the {@code channels} that are on (a row of a channel switched off waits
     * for it and is no work now); null when nothing waits. Both are index reads.
     */
    public Instant nextDue(Duration delay, List<String> channels) throws SQLException {
        return inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    """
                    select (select min(sent_at) from notification_unread_messages),
                           (select min(not_before) from notification_deliveries
                             where status = 'pending' and channel = any (?))""")) {
                select.setArray(1, c.createArrayOf("text", channels.toArray()));
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    Timestamp oldestUnread = row.getTimestamp(1);
                    Timestamp firstDelivery = row.getTimestamp(2);
                    Instant due = oldestUnread == null
                            ? null
                            : oldestUnread.toInstant().plus(delay);
                    if (firstDelivery != null
                            && (due == null || firstDelivery.toInstant().isBefore(due))) {
                        due = firstDelivery.toInstant();
                    }
                    return due;
                }
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
                    select d.notification_id, d.channel, d.user_id, d.recipient, d.subject, d.text_body, d.html_body,
                           d.attempts, s.id, s.endpoint, s.p256dh, s.auth, d.calendar
                    from notification_deliveries d left join push_subscriptions s on s.id = d.subscription_id
                    where d.status = 'pending' and d.not_before <= ?
                    order by d.not_before limit ?""")) {
                select.setTimestamp(1, Timestamp.from(now));
                select.setInt(2, limit);
                List<Delivery> due = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        due.add(new Delivery(
                                rows.getObject(1, UUID.class),
                                rows.getString(2),
                                rows.getObject(3, UUID.class),
                                new Email(
                                        rows.getString(4),
                                        rows.getString(5),
                                        rows.getString(6),
                                        rows.getString(7),
                                        rows.getString(13)),
                                rows.getObject(9) == null
                                        ? null
                                        : new PushTarget(
                                                rows.getObject(9, UUID.class),
                                                rows.getString(10),
                                                rows.getString(11),
                                                rows.getString(12)),
                                rows.getInt(8)));
                    }
                }
                return due;
            }
        });
    }

    /**
     * What sending one ledger row does: true when the channel took it, false when its address is gone for good (a
     * push subscription the push service no longer knows); throws when the channel refused it for now.
     */
    @FunctionalInterface
    public interface Send {
        boolean send() throws Exception;
    }

    /**
     * Sends a ledger row at most once: locks it, checks it is still pending (another replica, or this one before a
     * crash, may have sent it), sends, and marks it sent in the same transaction. A failed send leaves it pending with
     * one more attempt counted; a gone subscription is deleted in that transaction, its waiting rows with it.
     */
    public Outcome sendOnce(Delivery delivery, Instant now, Send send) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement(
                    """
                    select 1 from notification_deliveries
                    where notification_id = ? and channel = ? and subscription_id is not distinct from ?
                      and status = 'pending' for update skip locked""")) {
                lock.setObject(1, delivery.notificationId());
                lock.setString(2, delivery.channel());
                lock.setObject(3, delivery.subscriptionId());
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        c.rollback();
                        return Outcome.NOT_PENDING;
                    }
                }
            }
            boolean taken;
            try {
                taken = send.send();
            } catch (Exception refused) {
                c.rollback();
                recordAttempt(delivery, refused.toString(), "pending");
                throw refused;
            }
            if (!taken) {
                try (PreparedStatement gone = c.prepareStatement("delete from push_subscriptions where id = ?")) {
                    gone.setObject(1, delivery.subscriptionId());
                    gone.executeUpdate();
                }
                c.commit();
                return Outcome.GONE;
            }
            try (PreparedStatement sent = c.prepareStatement(
                    """
                    update notification_deliveries set status = 'sent', sent_at = ?, attempts = attempts + 1,
                        last_error = null
                    where notification_id = ? and channel = ? and subscription_id is not distinct from ?""")) {
                sent.setTimestamp(1, Timestamp.from(now));
                sent.setObject(2, delivery.notificationId());
                sent.setString(3, delivery.channel());
                sent.setObject(4, delivery.subscriptionId());
                sent.executeUpdate();
            }
            c.commit();
            return Outcome.SENT;
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
                    where notification_id = ? and channel = ? and subscription_id is not distinct from ?
                      and status = 'pending'""")) {
                update.setString(1, status);
                update.setString(2, error);
                update.setString(3, status);
                update.setObject(4, delivery.notificationId());
                update.setString(5, delivery.channel());
                update.setObject(6, delivery.subscriptionId());
                return update.executeUpdate();
            }
        });
    }
}
