package com.humanchat.edge.payments;

import com.humanchat.edge.reads.Receipt;
import com.humanchat.readmodels.hosts.ConnectAccount;
import com.humanchat.schemas.Json;
import com.humanchat.schemas.payments.AccountUpdated;
import com.humanchat.schemas.payments.PaymentUpdated;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The WebSocket frames of payment events (the client secret goes to the payer's frame only) and the host's Connect
 * status.
 */
public final class PaymentJson {

    private PaymentJson() {}

    /**
     * {@code payment.updated {payment}} with its {@link Receipt}; {@code payment.clientSecret} only when
     * {@code toPayer}.
     */
    @SuppressWarnings("unchecked")
    public static JsonObject paymentUpdatedFrame(PaymentUpdated updated, boolean toPayer) {
        JsonObject payment = new JsonObject(Json.mapper().convertValue(updated, Map.class));
        payment.remove("type");
        payment.remove("version");
        payment.remove("commandId");
        if (!toPayer) {
            payment.remove("clientSecret");
        }
        payment.put(
                "receipt",
                Receipt.of(updated.amountCents(), updated.feeCents(), updated.refundedCents())
                        .toJson());
        return new JsonObject().put("type", "payment.updated").put("payment", payment);
    }

    /**
     * {@code GET /api/payments/connect/status}: {@code {connected, detailsSubmitted, chargesEnabled, payoutsEnabled,
     * requirements}}, the requirements in words.
     */
    public static JsonObject connectStatus(ConnectAccount account) {
        return new JsonObject()
                .put("connected", account.connected())
                .put("detailsSubmitted", account.detailsSubmitted())
                .put("chargesEnabled", account.chargesEnabled())
                .put("payoutsEnabled", account.payoutsEnabled())
                .put("requirements", new JsonArray(account.requirements()));
    }

    /** {@code payment.account-updated {hostUserId, chargesEnabled, payoutsEnabled}}, to the host. */
    public static JsonObject accountUpdatedFrame(AccountUpdated updated) {
        return new JsonObject()
                .put("type", "payment.account-updated")
                .put("hostUserId", updated.hostUserId().toString())
                .put("chargesEnabled", updated.chargesEnabled())
                .put("payoutsEnabled", updated.payoutsEnabled());
    }
}
