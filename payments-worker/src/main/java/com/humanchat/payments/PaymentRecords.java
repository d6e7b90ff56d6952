package com.humanchat.payments;

import com.humanchat.payments.domain.DonationNotice;
import com.humanchat.payments.domain.Payment;
import com.humanchat.payments.ledger.ConnectedAccount;
import com.humanchat.payments.ledger.OutboxRecord;
import com.humanchat.schemas.Json;
import com.humanchat.schemas.SystemActors;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.chat.MessageKind;
import com.humanchat.schemas.chat.SendMessage;
import com.humanchat.schemas.payments.AccountUpdated;
import com.humanchat.schemas.payments.PaymentKind;
import com.humanchat.schemas.payments.PaymentStatus;
import com.humanchat.schemas.payments.PaymentUpdated;
import com.humanchat.schemas.sessions.RefundPolicy;
import com.humanchat.schemas.sessions.SessionStatus;
import com.humanchat.schemas.sessions.SessionStatusChanged;
import com.humanchat.schemas.sessions.TransitionSession;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The records a change of the ledger publishes through its outbox: a payment's or an account's update, a paid
 * session's confirmation, the message a donation or a refund leaves in its thread. Each one's id is derived from its
 * cause, so that a redelivery that re-creates it re-creates the same record; each is stamped with the worker's clock.
 */
final class PaymentRecords {

    private final Clock clock;

    PaymentRecords(Clock clock) {
        this.clock = clock;
    }

    /** The {@code payment.updated} of {@code payment} after {@code cause}. */
    OutboxRecord paymentUpdated(Payment payment, String cause, UUID commandId, String clientSecret, String reason) {
        return OutboxRecord.of(
                Topics.PAYMENTS_EVENTS,
                new PaymentUpdated(
                        derivedId(cause + ":" + payment.paymentId()),
                        1,
                        clock.instant(),
                        payment.paymentId(),
                        commandId,
                        payment.kind(),
                        payment.sessionId(),
                        payment.conversationId(),
                        payment.payerUserId(),
                        payment.payeeUserId(),
                        payment.status(),
                        payment.amountCents(),
                        payment.currency(),
                        payment.feeCents(),
                        payment.refundedCents(),
                        clientSecret,
                        reason));
    }

    /** The {@code payment.account-updated} of {@code account} after {@code cause}, with a fresh onboarding link or none. */
    OutboxRecord accountUpdated(ConnectedAccount account, String cause, UUID commandId, String onboardingUrl) {
        return OutboxRecord.of(
                Topics.PAYMENTS_EVENTS,
                new AccountUpdated(
                        derivedId(cause),
                        1,
                        clock.instant(),
                        account.hostUserId(),
                        commandId,
                        account.stripeAccountId(),
                        account.chargesEnabled(),
                        account.payoutsEnabled(),
                        onboardingUrl));
    }

    /**
     * What a payment's change tells the platform: its update, and what a success sets off (the session's confirmation
     * unless {@code confirmSession} is false because it was cancelled, or the tip's message naming {@code payerName}).
     */
    List<OutboxRecord> effects(Payment payment, String cause, String reason, boolean confirmSession, String payerName) {
        List<OutboxRecord> records = new ArrayList<>();
        records.add(paymentUpdated(payment, cause, null, null, reason));
        if (payment.status() != PaymentStatus.SUCCEEDED) {
            return records;
        }
        if (payment.kind() == PaymentKind.SESSION) {
            if (!confirmSession) {
                return records;
            }
            records.add(OutboxRecord.of(
                    Topics.SESSIONS_COMMANDS,
                    new TransitionSession(
                            derivedId("confirm:" + payment.paymentId()),
                            1,
                            clock.instant(),
                            payment.sessionId(),
                            SystemActors.PLATFORM,
                            SessionStatus.CONFIRMED,
                            "payment succeeded")));
        } else if (payment.conversationId() != null) {
            records.add(OutboxRecord.of(
                    Topics.CHAT_COMMANDS,
                    new SendMessage(
                            derivedId("donation-message:" + payment.paymentId()),
                            1,
                            clock.instant(),
                            payment.conversationId(),
                            payment.payerUserId(),
                            "donation:" + payment.paymentId(),
                            DonationNotice.text(payerName, payment.amountCents(), payment.currency()),
                            MessageKind.SYSTEM,
                            List.of(Json.mapper()
                                    .createObjectNode()
                                    .put("type", "donation")
                                    .put("paymentId", payment.paymentId().toString())
                                    .put("amountCents", payment.amountCents())
                                    .put("currency", payment.currency())))));
        }
        return records;
    }

    /**
     * The system message that tells the session's thread what its cancellation refunded ({@link RefundPolicy.Refund#notice}),
     * written as the participant who cancelled; none for a session requested outside a conversation.
     */
    List<OutboxRecord> refundMessage(SessionStatusChanged cancelled, Payment payment, RefundPolicy.Refund refund) {
        UUID conversationId = cancelled.session().conversationId();
        if (conversationId == null) {
            return List.of();
        }
        return List.of(OutboxRecord.of(
                Topics.CHAT_COMMANDS,
                new SendMessage(
                        derivedId("refund-message:" + payment.paymentId()),
                        1,
                        clock.instant(),
                        conversationId,
                        cancelled.actorId(),
                        "refund:" + payment.paymentId(),
                        refund.notice(),
                        MessageKind.SYSTEM,
                        List.of(Json.mapper()
                                .createObjectNode()
                                .put("type", "refund")
                                .put("sessionId", cancelled.sessionId().toString())
                                .put("paymentId", payment.paymentId().toString())
                                .put("amountCents", refund.amountCents())
                                .put("currency", refund.currency())))));
    }

    private static UUID derivedId(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
    }
}
