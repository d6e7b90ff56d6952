package com.humanchat.edge.reads;

import com.humanchat.edge.http.KeysetCursor;
import com.humanchat.readmodels.Rows;
import com.humanchat.schemas.sessions.Money;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the edge reads of the payments worker's ledger (migration V5): payments. */
public final class PaymentReadModel {

    private final Pool pg;

    public PaymentReadModel(Pool pg) {
        this.pg = pg;
    }

    /** True when the session has a payment (of any status): a session is paid at most once. */
    public Future<Boolean> sessionHasPayment(UUID sessionId) {
        return pg.preparedQuery("select 1 from payments where session_id = $1 and kind = 'session'")
                .execute(Tuple.of(sessionId))
                .map(rows -> rows.size() > 0);
    }

    /** What the guest's payment of a session took, when it succeeded and is not refunded yet; empty otherwise. */
    public Future<Optional<Money>> succeededPaymentOf(UUID sessionId) {
        return pg.preparedQuery("select amount_cents, currency from payments"
                        + " where session_id = $1 and kind = 'session' and status = 'succeeded'")
                .execute(Tuple.of(sessionId))
                .map(rows -> Rows.first(rows, row -> Money.of(row.getLong("amount_cents"), row.getString("currency"))));
    }

    /** The columns {@link #payment(Row)} reads, of the table {@code payments} aliased {@code p}. */
    public static final String PAYMENT_COLUMNS =
            "p.payment_id, p.kind, p.session_id, p.conversation_id, p.payer_user_id, p.payee_user_id,"
                    + " p.amount_cents, p.currency, p.fee_cents, p.refunded_cents, p.status, p.created_at,"
                    + " p.updated_at, p.stripe_client_secret, p.session_cancelled_at is not null as session_cancelled,"
                    + " (select u.display_name from users u where u.id = p.payer_user_id) as payer_name,"
                    + " (select u.display_name from users u where u.id = p.payee_user_id) as payee_name";

    /** One payment, empty when the ledger does not hold it (yet). */
    public Future<Optional<Payment>> payment(UUID paymentId) {
        return pg.preparedQuery("select " + PAYMENT_COLUMNS + " from payments p where p.payment_id = $1")
                .execute(Tuple.of(paymentId))
                .map(rows -> Rows.first(rows, PaymentReadModel::payment));
    }

    /**
     * The caller's payments, as payer or payee, newest first after the keyset when given; only those of
     * {@code sessionId} when given.
     */
    public Future<List<Payment>> paymentsOf(UUID caller, UUID sessionId, KeysetCursor after, int limit) {
        return pg.preparedQuery("select " + PAYMENT_COLUMNS + " from payments p"
                        + " where (p.payer_user_id = $1 or p.payee_user_id = $1)"
                        + " and ($2::uuid is null or p.session_id = $2)"
                        + " and ($3::timestamptz is null or (p.created_at, p.payment_id) < ($3, $4))"
                        + " order by p.created_at desc, p.payment_id desc limit $5")
                .execute(Tuple.of(caller, sessionId, KeysetCursor.timeOf(after), KeysetCursor.idOf(after), limit))
                .map(rows -> Rows.all(rows, PaymentReadModel::payment));
    }

    /**
     * A payment row with who may read it.
     *
     * @param clientSecret the PaymentIntent's, null for payments without one
     * @param payable true while the intent can still be paid: not yet paid (a declined card leaves it failed but
     *     payable with another card), and its session not cancelled (which cancels the intent)
     */
    public record Payment(UUID payerUserId, UUID payeeUserId, JsonObject json, String clientSecret, boolean payable) {

        public boolean isParty(UUID userId) {
            return payerUserId.equals(userId) || payeeUserId.equals(userId);
        }

        /**
         * The payment as {@code viewer} sees it: the payer of a payment not yet paid also gets {@code clientSecret},
         * to complete it with Stripe.js even after missing its {@code payment.updated} frame; nobody else ever does,
         * nor anyone once it is paid.
         */
        public JsonObject jsonFor(UUID viewer) {
            JsonObject view = json.copy();
            if (clientSecret != null && payable && payerUserId.equals(viewer)) {
                view.put("clientSecret", clientSecret);
            }
            return view;
        }
    }

    /** A row of {@link #PAYMENT_COLUMNS}. */
    public static Payment payment(Row row) {
        UUID payer = row.getUUID("payer_user_id");
        UUID payee = row.getUUID("payee_user_id");
        String status = row.getString("status");
        long amount = row.getLong("amount_cents");
        long refunded = row.getLong("refunded_cents");
        JsonObject json = new JsonObject()
                .put("paymentId", row.getUUID("payment_id").toString())
                .put("kind", row.getString("kind"))
                .put("sessionId", text(row.getUUID("session_id")))
                .put("conversationId", text(row.getUUID("conversation_id")))
                .put("payerUserId", payer.toString())
                .put("payeeUserId", payee.toString())
                .put("payerName", row.getString("payer_name"))
                .put("payeeName", row.getString("payee_name"))
                .put("status", status)
                .put("amountCents", amount)
                .put("currency", row.getString("currency"))
                .put("feeCents", row.getLong("fee_cents"))
                .put("refundedCents", refunded)
                .put(
                        "receipt",
                        Receipt.of(amount, row.getLong("fee_cents"), refunded).toJson())
                .put(
                        "createdAt",
                        row.getOffsetDateTime("created_at")
                                .withOffsetSameInstant(ZoneOffset.UTC)
                                .toString())
                .put(
                        "updatedAt",
                        row.getOffsetDateTime("updated_at")
                                .withOffsetSameInstant(ZoneOffset.UTC)
                                .toString());
        boolean payable = ("pending".equals(status) || "failed".equals(status)) && !row.getBoolean("session_cancelled");
        return new Payment(payer, payee, json, row.getString("stripe_client_secret"), payable);
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
