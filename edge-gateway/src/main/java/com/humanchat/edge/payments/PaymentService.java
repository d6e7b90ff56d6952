package com.humanchat.edge.payments;

import com.humanchat.edge.chat.ChatReadModel;
import com.humanchat.edge.http.KeysetCursor;
import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.ProblemType;
import com.humanchat.edge.kafka.CommandAnswers;
import com.humanchat.edge.kafka.CommandPublisher;
import com.humanchat.edge.payments.domain.PaymentAdmission;
import com.humanchat.edge.reads.PaymentReadModel;
import com.humanchat.edge.safety.BlockReads;
import com.humanchat.edge.sessions.SessionReadModel;
import com.humanchat.readmodels.hosts.ConnectAccount;
import com.humanchat.readmodels.hosts.HostFacts;
import com.humanchat.readmodels.hosts.HostReadModel;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.payments.AccountUpdated;
import com.humanchat.schemas.payments.CreateDonation;
import com.humanchat.schemas.payments.CreatePaymentIntent;
import com.humanchat.schemas.payments.OnboardHost;
import com.humanchat.schemas.payments.PaymentEvent;
import com.humanchat.schemas.payments.StripeEventReceived;
import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.Session;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Payments at the edge: reads what decides who may pay what ({@link PaymentAdmission}: the session, whether it has a
 * payment; the host's facts and payability, the conversation a tip is told in), applies the rule and forwards to the
 * payments worker.
 */
public final class PaymentService {

    private final PaymentReadModel ledger;
    private final HostReadModel hosts;
    private final SessionReadModel sessions;
    private final ChatReadModel chats;
    private final CommandPublisher publisher;
    private final CommandAnswers<PaymentEvent> answers;
    private final Duration wait;
    private final BlockReads blocks;

    public PaymentService(
            PaymentReadModel ledger,
            HostReadModel hosts,
            SessionReadModel sessions,
            ChatReadModel chats,
            CommandPublisher publisher,
            CommandAnswers<PaymentEvent> answers,
            Duration wait,
            BlockReads blocks) {
        this.ledger = ledger;
        this.hosts = hosts;
        this.chats = chats;
        this.sessions = sessions;
        this.publisher = publisher;
        this.answers = answers;
        this.wait = wait;
        this.blocks = blocks;
    }

    /** The payment of a session, always the same id: a session is paid at most once. */
    public static UUID sessionPaymentId(UUID sessionId) {
        return UUID.nameUUIDFromBytes(("session-payment:" + sessionId).getBytes(StandardCharsets.UTF_8));
    }

    /** A host asks for their onboarding link; the worker creates the connected account the first time. */
    public Future<AccountUpdated> onboard(UUID host) {
        return answers.send(publisher, Topics.PAYMENTS_COMMANDS, OnboardHost.of(host), wait)
                .compose(answer -> answer.filter(AccountUpdated.class::isInstance)
                        .map(AccountUpdated.class::cast)
                        .map(Future::succeededFuture)
                        .orElseGet(() -> Future.failedFuture(
                                ProblemException.unavailable("the payments worker did not answer in time; retry", 2))));
    }

    /**
     * The guest of a paid session awaiting payment asks for its PaymentIntent, at the session's agreed price
     * ({@link PaymentAdmission#sessionPayment}).
     */
    public Future<UUID> createIntent(UUID caller, UUID sessionId) {
        Future<Optional<Session>> session = sessions.session(sessionId);
        Future<Boolean> paid = ledger.sessionHasPayment(sessionId);
        return Future.all(session, paid).compose(read -> {
            Session found = session.result().orElse(null);
            return PaymentAdmission.sessionPayment(found, caller, paid.result())
                    .<Future<UUID>>map(Future::failedFuture)
                    .orElseGet(() -> produceIntent(found));
        });
    }

    /** What {@code POST /api/payments/donations} asks for. */
    public record Donation(UUID hostUserId, Money amount, UUID sessionId, UUID conversationId) {}

    /**
     * {@code caller} tips a host who welcomes tips (their booking terms), optionally for a session they share. Once
     * paid, the tip is told in the conversation given, else in the pair's direct conversation when they have one.
     */
    public Future<UUID> donate(UUID caller, Donation donation) {
        Future<Optional<HostFacts>> host = hosts.host(donation.hostUserId());
        Future<Optional<Session>> session = donation.sessionId() == null
                ? Future.succeededFuture(Optional.empty())
                : sessions.session(donation.sessionId());
        Future<Set<UUID>> members =
                donation.conversationId() == null ? Future.succeededFuture() : chats.members(donation.conversationId());
        Future<ConnectAccount> account = hosts.connectAccount(donation.hostUserId());
        Future<Boolean> blocked = blocks.blocks(donation.hostUserId(), caller);
        return Future.all(host, session, members, account, blocked)
                .compose(read -> {
                    PaymentAdmission.Tip tip = new PaymentAdmission.Tip(
                            caller,
                            donation.hostUserId(),
                            host.result().orElse(null),
                            donation.sessionId(),
                            session.result().orElse(null),
                            members.result(),
                            account.result().canBePaid(),
                            blocked.result());
                    return PaymentAdmission.tip(tip)
                            .<Future<UUID>>map(Future::failedFuture)
                            .orElseGet(() -> toldIn(caller, donation));
                })
                .compose(conversationId -> {
                    UUID paymentId = UUID.randomUUID();
                    CreateDonation command = CreateDonation.of(
                            paymentId,
                            caller,
                            donation.hostUserId(),
                            donation.amount(),
                            donation.sessionId(),
                            conversationId);
                    return publisher
                            .publish(Topics.PAYMENTS_COMMANDS, command.key(), command)
                            .map(acked -> paymentId);
                });
    }

    /** Where a paid tip is told: the conversation named, else the payer's and host's direct one (null: none yet). */
    private Future<UUID> toldIn(UUID caller, Donation donation) {
        if (donation.conversationId() != null) {
            return Future.succeededFuture(donation.conversationId());
        }
        return chats.directConversation(caller, donation.hostUserId());
    }

    /** One payment, for its payer and its payee only (404 for anyone else); see {@link PaymentReadModel.Payment#jsonFor}. */
    public Future<JsonObject> payment(UUID caller, UUID paymentId) {
        return ledger.payment(paymentId).compose(found -> found.filter(p -> p.isParty(caller))
                .map(p -> Future.succeededFuture(p.jsonFor(caller)))
                .orElseGet(() -> Future.failedFuture(ProblemType.UNKNOWN_PAYMENT.with("no such payment"))));
    }

    /** A page of the caller's payments, newest first, each as {@link PaymentReadModel.Payment#jsonFor} shows it. */
    public Future<JsonObject> payments(UUID caller, UUID sessionId, KeysetCursor after, int limit) {
        return ledger.paymentsOf(caller, sessionId, after, limit + 1).map(found -> {
            List<JsonObject> items =
                    found.stream().limit(limit).map(p -> p.jsonFor(caller)).toList();
            KeysetCursor next =
                    found.size() > limit ? KeysetCursor.after(items.getLast(), "createdAt", "paymentId") : null;
            return new JsonObject()
                    .put("items", new JsonArray(items))
                    .put("nextCursor", next == null ? null : next.encode());
        });
    }

    /** The caller's own Stripe Connect account ({@link PaymentJson#connectStatus}). */
    public Future<JsonObject> connectStatus(UUID caller) {
        return hosts.connectAccount(caller).map(PaymentJson::connectStatus);
    }

    /** Publishes a verified Stripe event; answers once Kafka has it, so that Stripe retries otherwise. */
    public Future<Void> webhook(StripeEventReceived event) {
        return publisher.publish(Topics.PAYMENTS_WEBHOOKS, event.key(), event).mapEmpty();
    }

    private Future<UUID> produceIntent(Session session) {
        UUID paymentId = sessionPaymentId(session.sessionId());
        CreatePaymentIntent command = CreatePaymentIntent.of(
                paymentId, session.sessionId(), session.guestUserId(), session.hostUserId(), session.agreedPrice());
        return publisher
                .publish(Topics.PAYMENTS_COMMANDS, command.key(), command)
                .map(acked -> paymentId);
    }
}
