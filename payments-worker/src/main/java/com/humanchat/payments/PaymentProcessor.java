package com.humanchat.payments;

import com.humanchat.payments.domain.Payment;
import com.humanchat.payments.domain.PaymentOutcome;
import com.humanchat.payments.domain.PlatformFee;
import com.humanchat.payments.domain.StripeFact;
import com.humanchat.payments.ledger.ConnectedAccount;
import com.humanchat.payments.ledger.OutboxRecord;
import com.humanchat.payments.ledger.PaymentLedger;
import com.humanchat.payments.stripe.StripeConnect;
import com.humanchat.payments.stripe.StripeEventReader;
import com.humanchat.schemas.payments.CreateDonation;
import com.humanchat.schemas.payments.CreatePaymentIntent;
import com.humanchat.schemas.payments.OnboardHost;
import com.humanchat.schemas.payments.PaymentCommand;
import com.humanchat.schemas.payments.PaymentKind;
import com.humanchat.schemas.payments.PaymentStatus;
import com.humanchat.schemas.payments.StripeEventReceived;
import com.humanchat.schemas.sessions.PaymentMode;
import com.humanchat.schemas.sessions.RefundPolicy;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.schemas.sessions.SessionStatus;
import com.humanchat.schemas.sessions.SessionStatusChanged;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the worker does with one record: commands call Stripe (idempotently) and then record the result; Stripe events
 * change the ledger once per event id; a paid session's cancellation is refunded per the policy. Every resulting
 * record goes through the ledger's outbox in the transaction of the change, with an id derived from its cause, so
 * that a redelivery re-creates nothing. Blocking: runs on the worker pool.
 */
final class PaymentProcessor {

    private static final int MAX_REASON = 500;

    private final PaymentLedger ledger;
    private final StripeConnect stripe;
    private final PlatformFee fee;
    private final RefundPolicy refunds;
    private final PaymentRecords records;

    /** {@code clock} stamps the records it publishes. */
    PaymentProcessor(PaymentLedger ledger, StripeConnect stripe, PlatformFee fee, RefundPolicy refunds, Clock clock) {
        this.ledger = ledger;
        this.stripe = stripe;
        this.fee = fee;
        this.refunds = refunds;
        this.records = new PaymentRecords(clock);
    }

    void onCommand(PaymentCommand command) throws StripeException, SQLException {
        switch (command) {
            case CreatePaymentIntent c ->
                create(
                        c.eventId(),
                        Payment.draft(
                                c.paymentId(),
                                PaymentKind.SESSION,
                                c.sessionId(),
                                null,
                                c.payerUserId(),
                                c.payeeUserId(),
                                c.price(),
                                fee),
                        "intent:" + c.sessionId());
            case CreateDonation d ->
                create(
                        d.eventId(),
                        Payment.draft(
                                d.paymentId(),
                                PaymentKind.DONATION,
                                d.sessionId(),
                                d.conversationId(),
                                d.payerUserId(),
                                d.payeeUserId(),
                                d.amount(),
                                fee),
                        "donation:" + d.paymentId());
            case OnboardHost o -> onboard(o);
        }
    }

    /** Applies what a Stripe event tells, once per event id; a success of a cancelled session is then refunded. */
    void onWebhook(StripeEventReceived event) throws StripeException, SQLException {
        StripeFact fact = StripeEventReader.read(event);
        String cause = "stripe:" + event.stripeEventId();
        ledger.onceForStripeEvent(event.stripeEventId(), event.eventType(), tx -> {
            switch (fact) {
                case StripeFact.PaymentSucceeded succeeded ->
                    settle(tx, succeeded.paymentIntentId(), PaymentOutcome.SUCCEEDED, null, cause);
                case StripeFact.PaymentFailed failed ->
                    settle(tx, failed.paymentIntentId(), PaymentOutcome.FAILED, reason(failed.reason()), cause);
                case StripeFact.AccountChanged changed -> {
                    Optional<ConnectedAccount> account = tx.updateAccount(changed.account(), changed.created());
                    if (account.isPresent()) {
                        tx.enqueue(List.of(records.accountUpdated(account.get(), cause, null, null)));
                    }
                }
                case StripeFact.Ignored ignored -> {} // recorded as seen; nothing of ours changes
            }
            return null;
        });
        if (fact instanceof StripeFact.PaymentSucceeded succeeded) {
            refundIfSessionCancelled(succeeded.paymentIntentId(), cause);
        }
    }

    /** Records what Stripe says became of the payment of {@code intentId} and what that sets off, once. */
    private void settle(PaymentLedger.Tx tx, String intentId, PaymentOutcome outcome, String reason, String cause)
            throws SQLException {
        Payment before = tx.paymentOfIntent(intentId)
                .orElseThrow(() -> new UnknownPaymentException("no payment for PaymentIntent " + intentId));
        Optional<Payment> after = before.after(outcome);
        if (after.isPresent() && tx.update(before, after.get(), cause, reason, null)) {
            tx.enqueue(records.effects(
                    after.get(),
                    cause,
                    reason,
                    !tx.sessionCancelled(before.paymentId()),
                    tx.displayName(before.payerUserId())));
        }
    }

    /**
     * A session cancelled before its payment succeeded keeps no money: the success is refunded in full. Checked on
     * every delivery of the success event (not only the first), so a crash before the refund is made good.
     */
    private void refundIfSessionCancelled(String intentId, String cause) throws StripeException, SQLException {
        Optional<Payment> kept = ledger.inTransaction(tx -> {
            Optional<Payment> payment = tx.paymentOfIntent(intentId);
            return payment.isPresent()
                            && payment.get().status() == PaymentStatus.SUCCEEDED
                            && payment.get().kind() == PaymentKind.SESSION
                            && tx.sessionCancelled(payment.get().paymentId())
                    ? payment
                    : Optional.<Payment>empty();
        });
        if (kept.isPresent()) {
            refund(
                    kept.get(),
                    kept.get().amountCents(),
                    cause + ":session-cancelled",
                    "the session was cancelled before its payment went through",
                    List.of());
        }
    }

    /**
     * A paid session was cancelled: a succeeded payment is refunded (per the policy once confirmed, in full before); a
     * pending one's PaymentIntent is cancelled, and should it succeed anyway, that success is refunded in full. A paid
     * session marked a no-show is refunded in full when its guest waited, not at all when its host did.
     */
    void onSessionEvent(SessionEvent event) throws StripeException, SQLException {
        if (!(event instanceof SessionStatusChanged changed)
                || (changed.toStatus() != SessionStatus.CANCELLED && changed.toStatus() != SessionStatus.NO_SHOW)
                || changed.session().paymentMode() != PaymentMode.PAID) {
            return;
        }
        Optional<Payment> found = ledger.inTransaction(tx -> {
            Optional<Payment> payment = tx.paymentOfSession(changed.sessionId());
            if (payment.isPresent()) {
                tx.markSessionCancelled(payment.get().paymentId());
            }
            return payment;
        });
        if (found.isEmpty()) {
            return;
        }
        Payment payment = found.get();
        String cause = "session-event:" + changed.eventId();
        switch (payment.status()) {
            case SUCCEEDED -> {
                RefundPolicy.Refund refund = changed.toStatus() == SessionStatus.NO_SHOW
                        ? refunds.noShow(
                                payment.amountCents(),
                                payment.currency(),
                                changed.actorId().equals(changed.session().guestUserId()))
                        : refunds.refund(
                                payment.amountCents(),
                                payment.currency(),
                                changed.fromStatus(),
                                changed.session().startTime(),
                                changed.occurredAt());
                refund(
                        payment,
                        refund.amountCents(),
                        cause,
                        refund.notice(),
                        records.refundMessage(changed, payment, refund));
            }
            case PENDING, FAILED -> abandon(payment, cause);
            case REFUNDED -> {}
        }
    }

    /** Cancels the PaymentIntent of a cancelled session's unpaid payment and records it as failed. */
    private void abandon(Payment payment, String cause) throws StripeException, SQLException {
        if (payment.stripePaymentIntentId() != null) {
            try {
                stripe.cancelIntent(payment.paymentId(), payment.stripePaymentIntentId());
            } catch (InvalidRequestException alreadyFinal) {
                // It succeeded meanwhile: its payment_intent.succeeded finds the session cancelled and refunds it.
            }
        }
        String reason = "the session was cancelled";
        ledger.inTransaction(tx -> {
            Payment now = tx.payment(payment.paymentId()).orElseThrow();
            Optional<Payment> failed = now.after(PaymentOutcome.FAILED);
            if (failed.isPresent() && tx.update(now, failed.get(), cause, reason, null)) {
                tx.enqueue(List.of(records.paymentUpdated(failed.get(), cause, null, null, reason)));
            }
            return null;
        });
    }

    /**
     * Refunds {@code cents} of a succeeded payment (none: the decision is noted with {@code why}), recorded and
     * published once, with {@code notices} for the thread in the same transaction.
     */
    private void refund(Payment payment, long cents, String cause, String why, List<OutboxRecord> notices)
            throws StripeException, SQLException {
        if (cents == 0) {
            ledger.inTransaction(tx -> {
                Payment now = tx.payment(payment.paymentId()).orElseThrow();
                if (now.status() == PaymentStatus.SUCCEEDED && tx.note(now, cause, why)) {
                    List<OutboxRecord> published = new ArrayList<>(notices);
                    published.addFirst(records.paymentUpdated(now, cause, null, null, why));
                    tx.enqueue(published);
                }
                return null;
            });
            return;
        }
        String refundId = stripe.refund(payment.paymentId(), payment.stripePaymentIntentId(), cents);
        ledger.inTransaction(tx -> {
            Payment now = tx.payment(payment.paymentId()).orElseThrow();
            Optional<Payment> refunded = now.refunded(cents);
            if (refunded.isPresent() && tx.update(now, refunded.get(), cause, why, refundId)) {
                List<OutboxRecord> published = new ArrayList<>(notices);
                published.addFirst(records.paymentUpdated(refunded.get(), cause, null, null, null));
                tx.enqueue(published);
            }
            return null;
        });
    }

    private void create(UUID commandId, Payment draft, String idempotencyKey) throws StripeException, SQLException {
        String cause = "command:" + commandId;
        Optional<Optional<ConnectedAccount>> payee = ledger.inTransaction(tx -> {
            boolean exists = tx.payment(draft.paymentId()).isPresent()
                    || (draft.sessionId() != null
                            && draft.kind() == PaymentKind.SESSION
                            && tx.paymentOfSession(draft.sessionId()).isPresent());
            return exists ? Optional.empty() : Optional.of(tx.account(draft.payeeUserId()));
        });
        if (payee.isEmpty()) {
            return; // created before: its records are published or in the outbox
        }
        Optional<ConnectedAccount> account = payee.get().filter(ConnectedAccount::chargesEnabled);
        if (account.isEmpty()) {
            recordNew(commandId, failed(draft), cause, null, "the host cannot receive payments yet");
            return;
        }
        StripeConnect.CreatedIntent intent;
        try {
            intent = stripe.createIntent(new StripeConnect.IntentRequest(
                    idempotencyKey,
                    draft.paymentId(),
                    draft.sessionId(),
                    draft.amountCents(),
                    draft.currency(),
                    draft.feeCents(),
                    account.get().stripeAccountId()));
        } catch (InvalidRequestException | CardException | IdempotencyException refused) {
            recordNew(
                    commandId,
                    failed(draft),
                    cause,
                    null,
                    reason(
                            refused.getStripeError() == null
                                    ? refused.getMessage()
                                    : refused.getStripeError().getMessage()));
            return;
        }
        recordNew(commandId, draft.withIntent(intent.id()), cause, intent.clientSecret(), null);
    }

    private void recordNew(UUID commandId, Payment payment, String cause, String clientSecret, String reason)
            throws SQLException {
        ledger.inTransaction(tx -> {
            if (tx.insert(payment, clientSecret, cause, reason)) {
                tx.enqueue(List.of(records.paymentUpdated(payment, cause, commandId, clientSecret, reason)));
            }
            return null;
        });
    }

    private void onboard(OnboardHost command) throws StripeException, SQLException {
        UUID host = command.hostUserId();
        Optional<ConnectedAccount> known = ledger.inTransaction(tx -> tx.account(host));
        if (known.isEmpty()) {
            StripeConnect.CreatedAccount created = stripe.createAccount(host);
            ledger.inTransaction(tx -> {
                tx.saveAccount(host, created.id(), created.requirementsDue());
                return null;
            });
        }
        ConnectedAccount account = ledger.inTransaction(tx -> tx.account(host)).orElseThrow();
        String url = stripe.onboardingLink(account.stripeAccountId());
        ledger.inTransaction(tx -> {
            tx.enqueue(
                    List.of(records.accountUpdated(account, "command:" + command.eventId(), command.eventId(), url)));
            return null;
        });
    }

    private static Payment failed(Payment draft) {
        return draft.after(PaymentOutcome.FAILED).orElseThrow();
    }

    private static String reason(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON);
    }
}
