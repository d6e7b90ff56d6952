package com.humanchat.edge.reads;

import com.humanchat.schemas.sessions.Money;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** What the edge reads of the payments worker's ledger (migration V5): payable hosts and payments. */
public final class PaymentReadModel {

    private final Pool pg;

    public PaymentReadModel(Pool pg) {
        this.pg = pg;
    }

    /** True when the host has a connected account Stripe lets take charges. */
    public Future<Boolean> hostCanBePaid(UUID hostUserId) {
        return pg.preparedQuery("select charges_enabled from payment_accounts where host_user_id = $1")
                .execute(Tuple.of(hostUserId))
                .map(rows -> rows.size() > 0 && rows.iterator().next().getBoolean(0));
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
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(Money.of(
                                rows.iterator().next().getLong("amount_cents"),
                                rows.iterator().next().getString("currency"))));
    }

    /** The columns {@link #payment(Row)} reads, of the table {@code payments} aliased {@code p}. */
    public static final String PAYMENT_COLUMNS =
            "p.payment_id, p.kind, p.session_id, p.conversation_id, p.payer_user_id, p.payee_user_id,"
                    + " p.amount_cents, p.currency, p.fee_cents, p.refunded_cents, p.status, p.created_at,"
                    + " p.updated_at, p.stripe_client_secret";

    /** One payment, empty when the ledger does not hold it (yet). */
    public Future<Optional<Payment>> payment(UUID paymentId) {
        return pg.preparedQuery("select " + PAYMENT_COLUMNS + " from payments p where p.payment_id = $1")
                .execute(Tuple.of(paymentId))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(payment(rows.iterator().next())));
    }

    /**
     * A payment row with who may read it.
     *
     * @param clientSecret the PaymentIntent's, null for payments without one
     */
    public record Payment(UUID payerUserId, UUID payeeUserId, JsonObject json, String clientSecret) {

        public boolean isParty(UUID userId) {
            return payerUserId.equals(userId) || payeeUserId.equals(userId);
        }

        /**
         * The payment as {@code viewer} sees it: the payer of a pending payment also gets {@code clientSecret}, to
         * complete it with Stripe.js even after missing its {@code payment.updated} frame; nobody else ever does.
         */
        public JsonObject jsonFor(UUID viewer) {
            JsonObject view = json.copy();
            if (clientSecret != null && payerUserId.equals(viewer) && "pending".equals(json.getString("status"))) {
                view.put("clientSecret", clientSecret);
            }
            return view;
        }
    }

    /** A row of {@link #PAYMENT_COLUMNS}. */
    public static Payment payment(Row row) {
        UUID payer = row.getUUID("payer_user_id");
        UUID payee = row.getUUID("payee_user_id");
        JsonObject json = new JsonObject()
                .put("paymentId", row.getUUID("payment_id").toString())
                .put("kind", row.getString("kind"))
                .put("sessionId", text(row.getUUID("session_id")))
                .put("conversationId", text(row.getUUID("conversation_id")))
                .put("payerUserId", payer.toString())
                .put("payeeUserId", payee.toString())
                .put("status", row.getString("status"))
                .put("amountCents", row.getLong("amount_cents"))
                .put("currency", row.getString("currency"))
                .put("feeCents", row.getLong("fee_cents"))
                .put("refundedCents", row.getLong("refunded_cents"))
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
        return new Payment(payer, payee, json, row.getString("stripe_client_secret"));
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
