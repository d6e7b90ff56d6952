package com.humanchat.payments.ledger;

import com.humanchat.payments.domain.AccountState;
import com.humanchat.payments.domain.Payment;
import com.humanchat.schemas.payments.PaymentKind;
import com.humanchat.schemas.payments.PaymentStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads and writes the ledger. Every change runs in one transaction together with the outbox records it causes and,
 * for a Stripe event, the insert of its id into {@code processed_stripe_events}: an event seen before changes nothing.
 * Blocking JDBC: called from the worker pool only.
 */
public final class PaymentLedger {

    /** Work inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    private static final String PAYMENT_COLUMNS = "payment_id, kind, session_id, conversation_id, payer_user_id,"
            + " payee_user_id, amount_cents, currency, fee_cents, refunded_cents, status, stripe_payment_intent_id";

    private final DataSource dataSource;
    private final Clock clock;

    /** {@code clock} dates the entries of the status history. */
    public PaymentLedger(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Runs {@code work} in a transaction, committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(new Tx(connection, clock));
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * Runs {@code work} only if Stripe event {@code stripeEventId} was never processed, recording it in the same
     * transaction; false (and nothing done) when it was processed before.
     */
    public boolean onceForStripeEvent(String stripeEventId, String type, Work<?> work) throws SQLException {
        return inTransaction(tx -> {
            try (PreparedStatement insert = tx.connection.prepareStatement(
                    "insert into processed_stripe_events (stripe_event_id, event_type) values (?, ?)"
                            + " on conflict do nothing")) {
                insert.setString(1, stripeEventId);
                insert.setString(2, type);
                if (insert.executeUpdate() == 0) {
                    return false;
                }
            }
            work.run(tx);
            return true;
        });
    }

    /** Publishes records, failing (so that nothing is removed) when Kafka did not take them all. */
    @FunctionalInterface
    public interface Publisher {
        void publish(List<OutboxRecord> records) throws Exception;
    }

    /**
     * Takes up to {@code limit} outbox records, oldest first, hands them to {@code publisher} and removes them once it
     * returned; a failed publish removes nothing. Answers how many were published.
     */
    public int drainOutbox(int limit, Publisher publisher) throws SQLException {
        return inTransaction(tx -> {
            List<Map.Entry<Long, OutboxRecord>> taken = new ArrayList<>();
            try (PreparedStatement delete = tx.connection.prepareStatement(
                    "with picked as (select id from payment_outbox order by id limit ? for update skip locked)"
                            + " delete from payment_outbox o using picked where o.id = picked.id"
                            + " returning o.id, o.topic, o.record_key, o.payload")) {
                delete.setInt(1, limit);
                try (ResultSet rows = delete.executeQuery()) {
                    while (rows.next()) {
                        taken.add(Map.entry(
                                rows.getLong(1),
                                new OutboxRecord(rows.getString(2), rows.getString(3), rows.getString(4))));
                    }
                }
            }
            taken.sort(Map.Entry.comparingByKey());
            try {
                publisher.publish(taken.stream().map(Map.Entry::getValue).toList());
            } catch (SQLException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new SQLException("outbox not published: " + e.getMessage(), e);
            }
            return taken.size();
        });
    }

    /** One transaction's view of the ledger. */
    public static final class Tx {

        private final Connection connection;
        private final Clock clock;

        private Tx(Connection connection, Clock clock) {
            this.connection = connection;
            this.clock = clock;
        }

        public Optional<ConnectedAccount> account(UUID hostUserId) throws SQLException {
            try (PreparedStatement select = connection.prepareStatement(
                    "select host_user_id, stripe_account_id, charges_enabled, payouts_enabled"
                            + " from payment_accounts where host_user_id = ?")) {
                select.setObject(1, hostUserId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next()
                            ? Optional.of(new ConnectedAccount(
                                    row.getObject(1, UUID.class),
                                    row.getString(2),
                                    row.getBoolean(3),
                                    row.getBoolean(4)))
                            : Optional.empty();
                }
            }
        }

        /**
         * Records the host's account unless one is recorded already, with what Stripe still needs of it
         * ({@code requirements.currently_due}) when it was created.
         */
        public void saveAccount(UUID hostUserId, String stripeAccountId, List<String> requirementsDue)
                throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into payment_accounts (host_user_id, stripe_account_id, requirements_due)"
                            + " values (?, ?, ?) on conflict (host_user_id) do nothing")) {
                insert.setObject(1, hostUserId);
                insert.setString(2, stripeAccountId);
                insert.setArray(3, connection.createArrayOf("text", requirementsDue.toArray()));
                insert.executeUpdate();
            }
        }

        /**
         * Applies an {@code account.updated} of Stripe's time {@code eventCreated} unless a later one was applied
         * already; the host whose account changed, empty when nothing changed.
         */
        public Optional<ConnectedAccount> updateAccount(AccountState state, long eventCreated) throws SQLException {
            try (PreparedStatement update = connection.prepareStatement(
                    "update payment_accounts set charges_enabled = ?, payouts_enabled = ?, details_submitted = ?,"
                            + " requirements_due = ?, last_event_created = ?, updated_at = now()"
                            + " where stripe_account_id = ? and last_event_created <= ? returning host_user_id")) {
                update.setBoolean(1, state.chargesEnabled());
                update.setBoolean(2, state.payoutsEnabled());
                update.setBoolean(3, state.detailsSubmitted());
                update.setArray(
                        4,
                        connection.createArrayOf("text", state.requirementsDue().toArray()));
                update.setLong(5, eventCreated);
                update.setString(6, state.stripeAccountId());
                update.setLong(7, eventCreated);
                try (ResultSet row = update.executeQuery()) {
                    return row.next()
                            ? Optional.of(new ConnectedAccount(
                                    row.getObject(1, UUID.class),
                                    state.stripeAccountId(),
                                    state.chargesEnabled(),
                                    state.payoutsEnabled()))
                            : Optional.empty();
                }
            }
        }

        /**
         * How the platform names {@code userId} to others (the users table of the platform's database, which holds the
         * ledger); "Someone" for an account that is gone.
         */
        public String displayName(UUID userId) throws SQLException {
            try (PreparedStatement select =
                    connection.prepareStatement("select display_name from users where id = ?")) {
                select.setObject(1, userId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getString(1) : "Someone";
                }
            }
        }

        public Optional<Payment> payment(UUID paymentId) throws SQLException {
            return one("select " + PAYMENT_COLUMNS + " from payments where payment_id = ? for update", paymentId);
        }

        public Optional<Payment> paymentOfSession(UUID sessionId) throws SQLException {
            return one(
                    "select " + PAYMENT_COLUMNS + " from payments where session_id = ? and kind = 'session' for update",
                    sessionId);
        }

        public Optional<Payment> paymentOfIntent(String paymentIntentId) throws SQLException {
            return one(
                    "select " + PAYMENT_COLUMNS + " from payments where stripe_payment_intent_id = ? for update",
                    paymentIntentId);
        }

        /**
         * Inserts a new payment with its first history entry; false (nothing written) if it exists. The intent's
         * {@code clientSecret} (null when there is none) is kept for the payer, who may need it again (V7).
         */
        public boolean insert(Payment payment, String clientSecret, String cause, String reason) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("insert into payments (" + PAYMENT_COLUMNS
                    + ", stripe_client_secret, succeeded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null)"
                    + " on conflict do nothing")) {
                insert.setObject(1, payment.paymentId());
                insert.setString(2, payment.kind().wire());
                insert.setObject(3, payment.sessionId());
                insert.setObject(4, payment.conversationId());
                insert.setObject(5, payment.payerUserId());
                insert.setObject(6, payment.payeeUserId());
                insert.setLong(7, payment.amountCents());
                insert.setString(8, payment.currency());
                insert.setLong(9, payment.feeCents());
                insert.setLong(10, payment.refundedCents());
                insert.setString(11, payment.status().wire());
                insert.setString(12, payment.stripePaymentIntentId());
                insert.setString(13, clientSecret);
                if (insert.executeUpdate() == 0) {
                    return false;
                }
            }
            return history(payment.paymentId(), null, payment.status(), cause, reason);
        }

        /** Writes {@code after} over {@code before} and its history entry; false if {@code cause} was applied before. */
        public boolean update(Payment before, Payment after, String cause, String reason, String stripeRefundId)
                throws SQLException {
            if (!history(after.paymentId(), before.status(), after.status(), cause, reason)) {
                return false;
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "update payments set status = ?, refunded_cents = ?, updated_at = now(),"
                            + " stripe_refund_id = coalesce(?, stripe_refund_id),"
                            + " succeeded_at = case when ? = 'succeeded' then coalesce(succeeded_at, now())"
                            + " else succeeded_at end where payment_id = ?")) {
                update.setString(1, after.status().wire());
                update.setLong(2, after.refundedCents());
                update.setString(3, stripeRefundId);
                update.setString(4, after.status().wire());
                update.setObject(5, after.paymentId());
                update.executeUpdate();
            }
            return true;
        }

        /** Records that the payment's session was cancelled: a success arriving later is refunded in full. */
        public void markSessionCancelled(UUID paymentId) throws SQLException {
            try (PreparedStatement update = connection.prepareStatement(
                    "update payments set session_cancelled_at = coalesce(session_cancelled_at, now())"
                            + " where payment_id = ?")) {
                update.setObject(1, paymentId);
                update.executeUpdate();
            }
        }

        public boolean sessionCancelled(UUID paymentId) throws SQLException {
            try (PreparedStatement select = connection.prepareStatement(
                    "select session_cancelled_at is not null from payments where payment_id = ?")) {
                select.setObject(1, paymentId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() && row.getBoolean(1);
                }
            }
        }

        /** Notes a decision that leaves the status as it is (e.g. no refund); false if {@code cause} was noted before. */
        public boolean note(Payment payment, String cause, String reason) throws SQLException {
            return history(payment.paymentId(), payment.status(), payment.status(), cause, reason);
        }

        public void enqueue(List<OutboxRecord> records) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into payment_outbox (topic, record_key, payload) values (?, ?, ?)")) {
                for (OutboxRecord record : records) {
                    insert.setString(1, record.topic());
                    insert.setString(2, record.key());
                    insert.setString(3, record.payload());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }

        private boolean history(UUID paymentId, PaymentStatus from, PaymentStatus to, String cause, String reason)
                throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into payment_status_history (payment_id, from_status, to_status, cause, reason, occurred_at)"
                            + " values (?, ?, ?, ?, ?, ?) on conflict (payment_id, cause) do nothing")) {
                insert.setObject(1, paymentId);
                insert.setString(2, from == null ? null : from.wire());
                insert.setString(3, to.wire());
                insert.setString(4, cause);
                insert.setString(5, reason);
                insert.setTimestamp(6, Timestamp.from(clock.instant()));
                return insert.executeUpdate() == 1;
            }
        }

        private Optional<Payment> one(String sql, Object parameter) throws SQLException {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setObject(1, parameter);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Payment(
                            row.getObject(1, UUID.class),
                            PaymentKind.valueOf(row.getString(2).toUpperCase(Locale.ROOT)),
                            row.getObject(3, UUID.class),
                            row.getObject(4, UUID.class),
                            row.getObject(5, UUID.class),
                            row.getObject(6, UUID.class),
                            row.getLong(7),
                            row.getString(8),
                            row.getLong(9),
                            row.getLong(10),
                            PaymentStatus.ofWire(row.getString(11)),
                            row.getString(12)));
                }
            }
        }
    }
}
