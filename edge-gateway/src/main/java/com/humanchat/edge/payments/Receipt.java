package com.humanchat.edge.payments;

import io.vertx.core.json.JsonObject;

/**
 * What a payment leaves whom. Refunds are made with {@code refund_application_fee} (payments worker), so Stripe returns
 * the platform's fee in proportion to the amount refunded: the fee shown is the part the platform keeps, and the
 * payee's net is what remains, {@code amount - fee - refunded} (zero once refunded in full).
 *
 * @param feeCents the platform's fee as kept after refunds
 */
public record Receipt(long feeCents, long refundedCents, long netCents) {

    public static Receipt of(long amountCents, long feeCents, long refundedCents) {
        long feeReturned = amountCents == 0 ? 0 : Math.multiplyExact(feeCents, refundedCents) / amountCents;
        long feeKept = feeCents - feeReturned;
        return new Receipt(feeKept, refundedCents, amountCents - feeKept - refundedCents);
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("feeCents", feeCents)
                .put("refundedCents", refundedCents)
                .put("netCents", netCents);
    }
}
