package com.humanchat.payments.stripe;

import com.humanchat.payments.config.PaymentsConfig;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import java.util.List;
import java.util.UUID;

/**
 * The platform's Stripe Connect calls with a client of its own (never the static {@code Stripe.apiKey}). Every
 * creation carries a deterministic {@code Idempotency-Key}, so a call repeated after a crash or a redelivery gets the
 * object the first call created. Blocking: call it from the worker pool only.
 */
public final class StripeConnect {

    /** A PaymentIntent as the payer's client needs it. */
    public record CreatedIntent(String id, String clientSecret) {}

    /** What a destination charge needs: who pays how much, the platform's fee and the host's connected account. */
    public record IntentRequest(
            String idempotencyKey,
            UUID paymentId,
            UUID sessionId,
            long amountCents,
            String currency,
            long feeCents,
            String destinationAccount) {}

    private final StripeClient client;
    private final String returnUrl;
    private final String refreshUrl;

    public StripeConnect(PaymentsConfig config) {
        StripeClient.StripeClientBuilder builder =
                StripeClient.builder().setApiKey(config.stripeApiKey()).setMaxNetworkRetries(2);
        if (config.stripeApiBase() != null) {
            builder.setApiBase(config.stripeApiBase()).setConnectBase(config.stripeApiBase());
        }
        this.client = builder.build();
        this.returnUrl = config.connectReturnUrl();
        this.refreshUrl = config.connectRefreshUrl();
    }

    /** A new connected account and what Stripe needs of its host before it can take charges. */
    public record CreatedAccount(String id, List<String> requirementsDue) {}

    /** Creates the host's Express account; the key {@code account:<host>} makes a repeat return the same account. */
    public CreatedAccount createAccount(UUID hostUserId) throws StripeException {
        AccountCreateParams params = AccountCreateParams.builder()
                .setType(AccountCreateParams.Type.EXPRESS)
                .putMetadata("host_user_id", hostUserId.toString())
                .build();
        Account account = client.v1().accounts().create(params, idempotent("account:" + hostUserId));
        return new CreatedAccount(account.getId(), requirementsDue(account));
    }

    /** Stripe's {@code requirements.currently_due} of {@code account}, empty when it names none. */
    static List<String> requirementsDue(Account account) {
        return account.getRequirements() == null || account.getRequirements().getCurrentlyDue() == null
                ? List.of()
                : account.getRequirements().getCurrentlyDue();
    }

    /** A fresh (short-lived) onboarding link; links are not idempotent on purpose: an expired one is useless. */
    public String onboardingLink(String accountId) throws StripeException {
        AccountLinkCreateParams params = AccountLinkCreateParams.builder()
                .setAccount(accountId)
                .setRefreshUrl(refreshUrl)
                .setReturnUrl(returnUrl)
                .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                .build();
        return client.v1().accountLinks().create(params).getUrl();
    }

    /** A destination charge: the payer pays the whole amount, the host's account receives it less the fee. */
    public CreatedIntent createIntent(IntentRequest request) throws StripeException {
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
                .setAmount(request.amountCents())
                .setCurrency(request.currency())
                .setApplicationFeeAmount(request.feeCents())
                .setTransferData(PaymentIntentCreateParams.TransferData.builder()
                        .setDestination(request.destinationAccount())
                        .build())
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true)
                        .build())
                .putMetadata("payment_id", request.paymentId().toString());
        if (request.sessionId() != null) {
            params.putMetadata("session_id", request.sessionId().toString());
        }
        PaymentIntent intent =
                client.v1().paymentIntents().create(params.build(), idempotent(request.idempotencyKey()));
        return new CreatedIntent(intent.getId(), intent.getClientSecret());
    }

    /** Cancels a PaymentIntent nobody paid yet, so that it can no longer be paid. */
    public void cancelIntent(UUID paymentId, String paymentIntentId) throws StripeException {
        client.v1().paymentIntents().cancel(paymentIntentId, idempotent("cancel:" + paymentId));
    }

    /** Refunds {@code amountCents} of a PaymentIntent, taking it back from the host and returning the platform fee. */
    public String refund(UUID paymentId, String paymentIntentId, long amountCents) throws StripeException {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(paymentIntentId)
                .setAmount(amountCents)
                .setReverseTransfer(true)
                .setRefundApplicationFee(true)
                .putMetadata("payment_id", paymentId.toString())
                .build();
        return client.v1()
                .refunds()
                .create(params, idempotent("refund:" + paymentId))
                .getId();
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }
}
