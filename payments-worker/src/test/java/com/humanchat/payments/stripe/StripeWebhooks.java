package com.humanchat.payments.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.humanchat.schemas.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Stripe events as Stripe sends them, and their real {@code Stripe-Signature} (HMAC-SHA256 of {@code t.payload}). */
public final class StripeWebhooks {

    private StripeWebhooks() {}

    /** An event envelope around {@code object}, created at {@code createdEpochSeconds}. */
    public static String event(String id, String type, long createdEpochSeconds, JsonNode object) {
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("id", id)
                .put("object", "event")
                .put("api_version", "2026-07-29")
                .put("created", createdEpochSeconds)
                .put("type", type)
                .put("livemode", false)
                .put("pending_webhooks", 1);
        event.putObject("data").set("object", object);
        return event.toString();
    }

    /** A PaymentIntent as a {@code payment_intent.*} event carries it, with our payment id in its metadata. */
    public static ObjectNode paymentIntent(String intentId, String paymentId, String status) {
        ObjectNode intent = Json.mapper().createObjectNode();
        intent.put("id", intentId).put("object", "payment_intent").put("status", status);
        intent.putObject("metadata").put("payment_id", paymentId);
        if ("requires_payment_method".equals(status)) {
            intent.putObject("last_payment_error").put("message", "Your card was declined.");
        }
        return intent;
    }

    /** A connected account as an {@code account.updated} event carries it. */
    public static ObjectNode account(String accountId, boolean chargesEnabled, boolean payoutsEnabled) {
        ObjectNode account = Json.mapper().createObjectNode();
        account.put("id", accountId)
                .put("object", "account")
                .put("charges_enabled", chargesEnabled)
                .put("payouts_enabled", payoutsEnabled);
        return account;
    }

    /** The {@code Stripe-Signature} header of {@code payload} signed with {@code secret} at {@code timestamp}. */
    public static String signature(String payload, String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
