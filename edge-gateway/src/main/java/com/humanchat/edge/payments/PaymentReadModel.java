package com.humanchat.edge.payments;

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

    /** One payment as JSON, empty when the ledger does not hold it (yet). */
    public Future<Optional<Payment>> payment(UUID paymentId) {
        return pg.preparedQuery("select payment_id, kind, session_id, conversation_id, payer_user_id, payee_user_id,"
                        + " amount_cents, currency, fee_cents, refunded_cents, status, created_at, updated_at"
                        + " from payments where payment_id = $1")
                .execute(Tuple.of(paymentId))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(payment(rows.iterator().next())));
    }

    /** A payment row with who may read it. */
    public record Payment(UUID payerUserId, UUID payeeUserId, JsonObject json) {

        public boolean isParty(UUID userId) {
            return payerUserId.equals(userId) || payeeUserId.equals(userId);
        }
    }

    private static Payment payment(Row row) {
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
        return new Payment(payer, payee, json);
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
