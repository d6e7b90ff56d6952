package com.humanchat.edge.payments;

import com.humanchat.edge.reads.Receipt;
import com.humanchat.readmodels.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * {@code GET /api/me/earnings}: what a host was paid, from the payments worker's ledger - every payment to them that
 * succeeded (refunded ones included, with what was refunded), newest first, each with its {@link Receipt}, and the
 * totals of those in the currency of the latest (else the host's price currency). Anyone who was never paid gets
 * zeros and no items.
 */
public final class Earnings {

    private static final String DEFAULT_CURRENCY = "usd";

    private final Pool pg;

    public Earnings(Pool pg) {
        this.pg = pg;
    }

    public Future<JsonObject> of(UUID payee) {
        return pg.preparedQuery("select p.payment_id, p.kind, p.session_id, p.amount_cents, p.currency, p.fee_cents,"
                        + " p.refunded_cents, p.succeeded_at,"
                        + " (select u.display_name from users u where u.id = p.payer_user_id) as payer_name"
                        + " from payments p where p.payee_user_id = $1 and p.succeeded_at is not null"
                        + " order by p.succeeded_at desc, p.payment_id desc")
                .execute(Tuple.of(payee))
                .compose(rows -> rows.size() > 0
                        ? Future.succeededFuture(summary(rows, null))
                        : ownCurrency(payee).map(currency -> summary(rows, currency)));
    }

    /** The currency the host prices in, for an empty summary. */
    private Future<String> ownCurrency(UUID user) {
        return pg.preparedQuery("select currency from users where id = $1")
                .execute(Tuple.of(user))
                .map(rows -> Rows.first(rows, row -> row.getString(0)).orElse(DEFAULT_CURRENCY));
    }

    /**
     * Every payment as an item, and the totals of those in the latest payment's currency ({@code fallbackCurrency}
     * when there is none).
     */
    private static JsonObject summary(Iterable<Row> rows, String fallbackCurrency) {
        String currency = null;
        long gross = 0;
        long fee = 0;
        long refunded = 0;
        long net = 0;
        JsonArray items = new JsonArray();
        for (Row row : rows) {
            currency = currency == null ? row.getString("currency") : currency;
            long amount = row.getLong("amount_cents");
            Receipt receipt = Receipt.of(amount, row.getLong("fee_cents"), row.getLong("refunded_cents"));
            items.add(item(row, receipt));
            if (currency.equals(row.getString("currency"))) {
                gross += amount;
                fee += receipt.feeCents();
                refunded += receipt.refundedCents();
                net += receipt.netCents();
            }
        }
        return new JsonObject()
                .put("currency", currency == null ? fallbackCurrency : currency)
                .put("grossCents", gross)
                .put("feeCents", fee)
                .put("refundedCents", refunded)
                .put("netCents", net)
                .put("items", items);
    }

    private static JsonObject item(Row row, Receipt receipt) {
        UUID session = row.getUUID("session_id");
        return new JsonObject()
                .put("paymentId", row.getUUID("payment_id").toString())
                .put("kind", row.getString("kind"))
                .put("sessionId", session == null ? null : session.toString())
                .put("payerName", row.getString("payer_name"))
                .put("currency", row.getString("currency"))
                .put("grossCents", row.getLong("amount_cents"))
                .put("feeCents", receipt.feeCents())
                .put("refundedCents", receipt.refundedCents())
                .put("netCents", receipt.netCents())
                .put(
                        "paidAt",
                        row.getOffsetDateTime("succeeded_at")
                                .withOffsetSameInstant(ZoneOffset.UTC)
                                .toString());
    }
}
