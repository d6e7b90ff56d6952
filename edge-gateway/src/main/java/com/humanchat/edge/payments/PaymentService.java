package com.humanchat.edge.payments;

import com.humanchat.edge.chat.ChatReadModel;
import com.humanchat.edge.http.KeysetCursor;
import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.ProblemType;
import com.humanchat.edge.http.Rejections;
import com.humanchat.edge.kafka.CommandAnswers;
import com.humanchat.edge.kafka.CommandPublisher;
import com.humanchat.edge.reads.PaymentReadModel;
import com.humanchat.edge.sessions.SessionService;
import com.humanchat.readmodels.hosts.HostReadModel;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.payments.AccountUpdated;
import com.humanchat.schemas.payments.CreateDonation;
import com.humanchat.schemas.payments.CreatePaymentIntent;
import com.humanchat.schemas.payments.OnboardHost;
import com.humanchat.schemas.payments.PaymentEvent;
import com.humanchat.schemas.payments.StripeEventReceived;
import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.PaymentMode;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Payments at the edge: checks who may pay what (only a paid session's guest, only while it awaits payment, once, at
 * the agreed price; donations only to a payable host in a shared conversation) and forwards to the payments worker.
 */
public final class PaymentService {

    private final PaymentReadModel ledger;
    private final HostReadModel hosts;
    private final ChatReadModel chats;
    private final SessionService sessions;
    private final CommandPublisher publisher;
    private final CommandAnswers<PaymentEvent> answers;
    private final Duration wait;

    public PaymentService(
            PaymentReadModel ledger,
            HostReadModel hosts,
            ChatReadModel chats,
            SessionService sessions,
            CommandPublisher publisher,
            CommandAnswers<PaymentEvent> answers,
            Duration wait) {
        this.ledger = ledger;
        this.hosts = hosts;
        this.chats = chats;
        this.sessions = sessions;
        this.publisher = publisher;
        this.answers = answers;
        this.wait = wait;
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

    /** The guest of a paid session awaiting payment asks for its PaymentIntent, at the session's agreed price. */
    public Future<UUID> createIntent(UUID caller, UUID sessionId) {
        return sessions.session(caller, sessionId).compose(session -> {
            if (!session.guestUserId().equals(caller)) {
                return Future.failedFuture(ProblemException.forbidden("only the session's guest pays for it"));
            }
            if (session.paymentMode() != PaymentMode.PAID) {
                return Future.failedFuture(unprocessable(
                        "/sessionId", "a " + session.paymentMode().wire() + " session has nothing to pay"));
            }
            if (session.status() != SessionStatus.AWAITING_PAYMENT) {
                return Future.failedFuture(ProblemType.NOT_AWAITING_PAYMENT.with(
                        "the session is " + session.status().wire() + ", not awaiting payment"));
            }
            return ledger.sessionHasPayment(sessionId)
                    .compose(paid -> paid
                            ? Future.failedFuture(ProblemType.ALREADY_PAID.with("this session already has a payment"))
                            : produceIntent(session));
        });
    }

    /** What {@code POST /api/payments/donations} asks for. */
    public record Donation(UUID hostUserId, Money amount, UUID sessionId, UUID conversationId) {}

    /**
     * {@code caller} tips a host who welcomes tips (their booking terms), optionally for a session they share. Once
     * paid, the tip is told in the conversation given, else in the pair's direct conversation when they have one.
     */
    public Future<UUID> donate(UUID caller, Donation donation) {
        if (donation.hostUserId().equals(caller)) {
            return Future.failedFuture(unprocessable("/hostUserId", "you cannot donate to yourself"));
        }
        return hosts.host(donation.hostUserId())
                .compose(host -> {
                    if (host.isEmpty() || !host.get().bookable()) {
                        return Future.failedFuture(unprocessable("/hostUserId", "no host " + donation.hostUserId()));
                    }
                    return host.get().offer().donationsWelcome()
                            ? Future.succeededFuture()
                            : Future.failedFuture(
                                    unprocessable("/hostUserId", host.get().displayName() + " does not accept tips"));
                })
                .compose(v -> donatedSession(caller, donation))
                .compose(v -> sessions.sharedWithHost(caller, donation.hostUserId(), donation.conversationId()))
                .compose(v -> hosts.connectAccount(donation.hostUserId()))
                .compose(account -> account.canBePaid()
                        ? toldIn(caller, donation)
                        : Future.failedFuture(Rejections.hostNotPayable()))
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

    private Future<Void> donatedSession(UUID caller, Donation donation) {
        if (donation.sessionId() == null) {
            return Future.succeededFuture();
        }
        return sessions.session(caller, donation.sessionId())
                .compose(session -> session.hostUserId().equals(donation.hostUserId())
                        ? Future.succeededFuture()
                        : Future.failedFuture(unprocessable("/sessionId", "the host is not this session's host")));
    }

    private static ProblemException unprocessable(String pointer, String detail) {
        return Rejections.unprocessable(detail, List.of(new ProblemException.FieldError(pointer, detail)));
    }
}
