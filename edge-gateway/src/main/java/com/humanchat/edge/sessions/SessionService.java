package com.humanchat.edge.sessions;

import com.humanchat.edge.chat.Membership;
import com.humanchat.edge.http.KeysetCursor;
import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.ProblemType;
import com.humanchat.edge.http.ProjectionWait;
import com.humanchat.edge.http.Rejections;
import com.humanchat.edge.kafka.CommandAnswers;
import com.humanchat.edge.kafka.CommandPublisher;
import com.humanchat.edge.reads.PaymentReadModel;
import com.humanchat.edge.reads.RequestReadModel;
import com.humanchat.edge.sessions.domain.BookingPrice;
import com.humanchat.edge.sessions.domain.CancellationPreview;
import com.humanchat.readmodels.hosts.HostFacts;
import com.humanchat.readmodels.hosts.HostReadModel;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.requests.RequestStatus;
import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.PaymentMode;
import com.humanchat.schemas.sessions.RefundPolicy;
import com.humanchat.schemas.sessions.RequestSession;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionCommandRejected;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.schemas.sessions.SessionRequested;
import com.humanchat.schemas.sessions.SessionStatus;
import com.humanchat.schemas.sessions.SessionStatusChanged;
import com.humanchat.schemas.sessions.TransitionSession;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Sessions at the edge: checks what only the edge can know (the host is a host, reachable, online for an instant
 * session; the conversation is shared), then lets the session topology decide and answers with its decision. Reads
 * come from the projection and show a session to its two participants only.
 */
public final class SessionService {

    /** What a request or a transition came to. */
    public sealed interface Outcome {
        /** The topology decided; {@code session} is the result. */
        record Decided(Session session) implements Outcome {}

        /** Kafka has the command but no decision came within the wait. */
        record Pending(UUID sessionId) implements Outcome {}
    }

    /** One page of the caller's sessions. */
    public record Page(List<Session> items, KeysetCursor next) {}

    private final Vertx vertx;
    private final SessionReadModel readModel;
    private final HostReadModel hosts;
    private final RequestReadModel requests;
    private final PaymentReadModel payments;
    private final Membership membership;
    private final Function<UUID, Future<String>> presence;
    private final CommandPublisher publisher;
    private final CommandAnswers<SessionEvent> answers;
    private final Duration wait;
    private final RefundPolicy refunds;
    private final Clock clock;

    /**
     * @param presence a user's effective presence status (fails when Redis cannot answer)
     * @param refunds the refund rule the payments worker applies, to preview a cancellation
     * @param clock the time a cancellation is previewed at
     */
    public SessionService(
            Vertx vertx,
            SessionReadModel readModel,
            HostReadModel hosts,
            RequestReadModel requests,
            PaymentReadModel payments,
            Membership membership,
            Function<UUID, Future<String>> presence,
            CommandPublisher publisher,
            CommandAnswers<SessionEvent> answers,
            Duration wait,
            RefundPolicy refunds,
            Clock clock) {
        this.vertx = vertx;
        this.readModel = readModel;
        this.hosts = hosts;
        this.requests = requests;
        this.payments = payments;
        this.membership = membership;
        this.presence = presence;
        this.publisher = publisher;
        this.answers = answers;
        this.wait = wait;
        this.refunds = refunds;
        this.clock = clock;
    }

    /** What {@code POST /api/sessions} asks for. */
    public record Ask(
            UUID hostUserId,
            UUID conversationId,
            Instant startTime,
            int durationMinutes,
            Money agreedPrice,
            PaymentMode paymentMode,
            UUID samActionId) {}

    /** The guest {@code caller} asks for a session. */
    public Future<Outcome> request(UUID caller, Ask ask) {
        if (ask.hostUserId().equals(caller)) {
            return Future.failedFuture(unprocessable("/hostUserId", "you cannot book a session with yourself"));
        }
        return hosts.host(ask.hostUserId()).compose(host -> {
            if (host.isEmpty() || !host.get().bookable()) {
                return Future.failedFuture(unprocessable("/hostUserId", "no host " + ask.hostUserId()));
            }
            return reachable(caller, host.get())
                    .compose(v -> sharedConversation(caller, ask))
                    .compose(v -> ask.startTime() == null ? instantlyAvailable(host.get()) : Future.succeededFuture())
                    // a proposal of Sam's whose price went stale says so in its own words before the price rule does
                    .compose(v -> asProposed(caller, ask, host.get()))
                    .compose(v -> pricedAsTheHostOffers(ask, host.get()))
                    .compose(v -> produceRequest(caller, ask, host.get().requestHoldMinutes()));
        });
    }

    /** {@code caller} moves a session; only the topology knows whether the move is legal for them. */
    public Future<Outcome> transition(UUID caller, UUID sessionId, SessionStatus toStatus, String reason) {
        TransitionSession command = TransitionSession.of(sessionId, caller, toStatus, reason);
        Future<Void> allowed =
                toStatus == SessionStatus.ACCEPTED ? hostCanBePaid(caller, sessionId) : Future.succeededFuture();
        return allowed.compose(v -> answers.send(publisher, Topics.SESSIONS_COMMANDS, command, wait))
                .compose(answer -> {
                    if (answer.isEmpty()) {
                        return Future.succeededFuture(new Outcome.Pending(sessionId));
                    }
                    return switch (answer.get()) {
                        case SessionStatusChanged changed -> awaitProjected(changed.session());
                        case SessionCommandRejected rejected -> Future.failedFuture(toProblem(rejected));
                        case SessionRequested requested ->
                            Future.succeededFuture(new Outcome.Decided(requested.session()));
                    };
                });
    }

    /**
     * A paid session cannot be accepted by its host until the host can be paid (payments worker's ledger): 409
     * {@code payouts-not-ready}, telling the host where to fix it.
     */
    private Future<Void> hostCanBePaid(UUID caller, UUID sessionId) {
        return readModel.session(sessionId).compose(found -> found.filter(
                        s -> s.hostUserId().equals(caller) && s.paymentMode() == PaymentMode.PAID)
                .map(s -> hosts.connectAccount(caller)
                        .compose(account -> account.canBePaid()
                                ? Future.<Void>succeededFuture()
                                : Future.<Void>failedFuture(Rejections.payoutsNotReady())))
                .orElseGet(Future::succeededFuture));
    }

    /** One session of the caller's; 404 for anyone but its participants. */
    public Future<Session> session(UUID caller, UUID sessionId) {
        return readModel.session(sessionId).compose(found -> found.filter(s -> s.isParticipant(caller))
                .map(Future::succeededFuture)
                .orElseGet(() -> Future.failedFuture(unknownSession())));
    }

    /**
     * What cancelling the caller's session now would refund, by the rule the payments worker refunds with; 404 for
     * anyone but its participants.
     */
    public Future<CancellationPreview> cancellation(UUID caller, UUID sessionId) {
        return session(caller, sessionId).compose(found -> payments.succeededPaymentOf(sessionId)
                .map(paid -> CancellationPreview.of(found, paid.orElse(null), refunds, caller, clock.instant())));
    }

    /** The caller's sessions, most recently changed first. */
    public Future<Page> list(UUID caller, SessionStatus status, KeysetCursor after, int limit) {
        return readModel.sessionsOf(caller, status, after, limit + 1).map(rows -> {
            if (rows.size() <= limit) {
                return new Page(rows, null);
            }
            Session last = rows.get(limit - 1);
            return new Page(
                    rows.subList(0, limit),
                    new KeysetCursor(last.updatedAt().atOffset(ZoneOffset.UTC), last.sessionId()));
        });
    }

    public static ProblemException unknownSession() {
        return ProblemType.UNKNOWN_SESSION.with("no such session");
    }

    private Future<Void> reachable(UUID caller, HostFacts host) {
        if (host.managerId() == null || host.managerId().equals(caller)) {
            return Future.succeededFuture();
        }
        return requests.hasRequest(caller, host.id(), RequestStatus.APPROVED)
                .compose(approved -> approved
                        ? Future.succeededFuture()
                        : Future.failedFuture(ProblemType.MANAGED_HOST.with(
                                "This host is reached through their representative: Request an introduction"
                                        + " (POST /api/requests) before booking")));
    }

    private Future<Void> sharedConversation(UUID caller, Ask ask) {
        return sharedWithHost(caller, ask.hostUserId(), ask.conversationId());
    }

    /**
     * Succeeds when {@code conversationId} is null or holds both the caller and the host; 404 for a conversation the
     * caller is not in, 422 for one the host is not in.
     */
    public Future<Void> sharedWithHost(UUID caller, UUID hostUserId, UUID conversationId) {
        if (conversationId == null) {
            return Future.succeededFuture();
        }
        return membership.members(conversationId).compose(members -> {
            if (!members.contains(caller)) {
                return Future.failedFuture(Rejections.unknownConversation());
            }
            if (!members.contains(hostUserId)) {
                return Future.failedFuture(
                        unprocessable("/conversationId", "the host is not a participant of this conversation"));
            }
            return Future.succeededFuture();
        });
    }

    /** A booking from a Sam proposal: once, at the host's price, at a time still free ({@link ProposalAdmission}). */
    private Future<Void> asProposed(UUID caller, Ask ask, HostFacts host) {
        if (ask.samActionId() == null) {
            return Future.succeededFuture();
        }
        return readModel
                .proposalState(caller, ask.samActionId(), host.id(), ask.startTime(), ask.durationMinutes())
                .compose(state -> ProposalAdmission.refusal(
                                ask.agreedPrice(),
                                new ProposalAdmission.Facts(
                                        state[0], host.offer().price(), state[1]))
                        .<Future<Void>>map(Future::failedFuture)
                        .orElseGet(Future::succeededFuture));
    }

    /** 422 naming the host's price when the guest proposes another price or payment mode ({@link BookingPrice}). */
    private static Future<Void> pricedAsTheHostOffers(Ask ask, HostFacts host) {
        return BookingPrice.refusal(host.offer(), ask.paymentMode(), ask.agreedPrice())
                .<Future<Void>>map(refusal -> Future.failedFuture(unprocessable(refusal.pointer(), refusal.detail())))
                .orElseGet(Future::succeededFuture);
    }

    private Future<Void> instantlyAvailable(HostFacts host) {
        if (!host.instantAvailable()) {
            return Future.failedFuture(unavailableHost("the host does not take instant sessions; pick a startTime"));
        }
        return presence.apply(host.id())
                .recover(e -> Future.failedFuture(ProblemException.unavailable(
                        "presence is unavailable, so an instant session cannot be checked; retry or pick a startTime",
                        5)))
                .compose(status -> "online".equals(status)
                        ? Future.succeededFuture()
                        : Future.failedFuture(unavailableHost("the host is not online for an instant session")));
    }

    private Future<Outcome> produceRequest(UUID caller, Ask ask, Integer holdMinutes) {
        UUID sessionId = UUID.randomUUID();
        RequestSession command = RequestSession.of(
                sessionId,
                caller,
                ask.hostUserId(),
                ask.conversationId(),
                ask.startTime(),
                ask.durationMinutes(),
                ask.agreedPrice(),
                ask.paymentMode(),
                holdMinutes,
                ask.samActionId());
        return answers.send(publisher, Topics.SESSIONS_COMMANDS, command, wait).compose(answer -> {
            if (answer.isEmpty()) {
                return Future.succeededFuture(new Outcome.Pending(sessionId));
            }
            return switch (answer.get()) {
                case SessionRequested requested -> awaitProjected(requested.session());
                case SessionCommandRejected rejected -> Future.failedFuture(toProblem(rejected));
                case SessionStatusChanged changed -> Future.succeededFuture(new Outcome.Decided(changed.session()));
            };
        });
    }

    /** Answers once the projection shows the session as decided (bounded by the wait). */
    private Future<Outcome> awaitProjected(Session decided) {
        return ProjectionWait.until(
                        vertx,
                        () -> readModel.session(decided.sessionId()),
                        found -> found.map(s -> !s.updatedAt().isBefore(decided.updatedAt()))
                                .orElse(false),
                        wait)
                .map(v -> new Outcome.Decided(decided));
    }

    static ProblemException toProblem(SessionCommandRejected rejected) {
        String reason = rejected.reason();
        return switch (rejected.code()) {
            case UNKNOWN_SESSION, NOT_A_PARTICIPANT -> unknownSession();
            case ILLEGAL_TRANSITION -> ProblemType.ILLEGAL_TRANSITION.with(reason);
            case SCHEDULE_CONFLICT -> ProblemType.SCHEDULE_CONFLICT.with(reason);
            case SESSION_EXISTS -> ProblemType.SESSION_EXISTS.with(reason);
            case TOO_MANY_PENDING -> ProblemType.TOO_MANY_PENDING_REQUESTS.with(reason);
            case INVALID -> Rejections.unprocessable(reason, List.of());
        };
    }

    private static ProblemException unavailableHost(String detail) {
        return ProblemType.HOST_UNAVAILABLE.with(detail);
    }

    private static ProblemException unprocessable(String pointer, String detail) {
        return Rejections.unprocessable(detail, List.of(new ProblemException.FieldError(pointer, detail)));
    }

    /** The caller's participation in a projected session that allows a call, for {@code rtc.signal}. */
    public Future<Optional<UUID>> callPeer(UUID caller, UUID sessionId) {
        return readModel.session(sessionId).map(found -> found.filter(s -> s.isParticipant(caller))
                .filter(s -> s.status() == SessionStatus.CONFIRMED || s.status() == SessionStatus.IN_PROGRESS)
                .map(s -> s.guestUserId().equals(caller) ? s.hostUserId() : s.guestUserId()));
    }
}
