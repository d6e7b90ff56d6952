package com.humanchat.payments.stripe;

import com.humanchat.payments.domain.AccountState;
import com.humanchat.payments.domain.StripeFact;
import com.humanchat.schemas.payments.StripeEventReceived;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Account;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;

/**
 * Reads a Stripe event, through stripe-java's own model, into the {@link StripeFact} it tells the worker. The event's
 * object is read whatever API version the webhook endpoint sends: the fields read here are the same in all of them.
 */
public final class StripeEventReader {

    /** A failed payment's reason when Stripe gives none. */
    static final String UNKNOWN_FAILURE = "the payment failed";

    private StripeEventReader() {}

    /** The event the edge forwarded as Stripe sent it, once it verified its signature (so it is not verified again). */
    public static StripeFact read(StripeEventReceived received) {
        return read(Webhook.constructEventWithoutVerification(received.payload().toString()));
    }

    /** What {@code event} tells; an event of a type it acts on whose object is not what the type says is refused. */
    public static StripeFact read(Event event) {
        return switch (event.getType()) {
            case "payment_intent.succeeded" ->
                new StripeFact.PaymentSucceeded(
                        object(event, PaymentIntent.class).getId());
            case "payment_intent.payment_failed" -> {
                PaymentIntent intent = object(event, PaymentIntent.class);
                yield new StripeFact.PaymentFailed(intent.getId(), failure(intent));
            }
            case "account.updated" ->
                new StripeFact.AccountChanged(
                        state(object(event, Account.class)), event.getCreated() == null ? 0 : event.getCreated());
            default -> new StripeFact.Ignored();
        };
    }

    private static String failure(PaymentIntent intent) {
        return intent.getLastPaymentError() == null
                        || intent.getLastPaymentError().getMessage() == null
                ? UNKNOWN_FAILURE
                : intent.getLastPaymentError().getMessage();
    }

    private static AccountState state(Account account) {
        return new AccountState(
                account.getId(),
                Boolean.TRUE.equals(account.getChargesEnabled()),
                Boolean.TRUE.equals(account.getPayoutsEnabled()),
                Boolean.TRUE.equals(account.getDetailsSubmitted()),
                StripeConnect.requirementsDue(account));
    }

    /**
     * The event's object as {@code type}. {@code deserializeUnsafe}, not {@code getObject}: the latter answers nothing
     * unless the endpoint's API version is the one this stripe-java release was generated for.
     */
    private static <T extends StripeObject> T object(Event event, Class<T> type) {
        StripeObject object;
        try {
            object = event.getDataObjectDeserializer().deserializeUnsafe();
        } catch (EventDataObjectDeserializationException e) {
            throw new IllegalArgumentException(event.getType() + " " + event.getId() + ": " + e.getMessage(), e);
        }
        if (!type.isInstance(object)) {
            throw new IllegalArgumentException(
                    event.getType() + " " + event.getId() + " carries no " + type.getSimpleName());
        }
        return type.cast(object);
    }
}
