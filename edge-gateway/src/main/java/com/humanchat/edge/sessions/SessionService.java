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
import com.humanchat.edge.sessions.domain.CancellationPreview;
import com.humanchat.edge.sessions.domain.ProposalAdmission;
import com.humanchat.edge.sessions.domain.SessionAdmission;
import com.humanchat.readmodels.hosts.ConnectAccount;
import com.humanchat.readmodels.hosts.HostFacts;
import com.humanchat.readmodels.hosts.HostReadModel;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.requests.RequestStatus;
import com.humanchat.schemas.sessions.AnswerReview;
import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.PaymentMode;
import com.humanchat.schemas.sessions.RefundPolicy;
import com.humanchat.schemas.sessions.RequestSession;
import com.humanchat.schemas.sessions.ReviewSession;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionCommand;
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
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Sessions at the edge: reads what only the edge can know (the host's facts, an introduction, the conversation,
 * presence for an instant session, whether a host can be paid), applies {@link SessionAdmission}, then lets the session
 * topology decide and answers with its decision. Reads come from the projection and show a session to its two
 * participants only.
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
    private final ReviewReadModel reviews;
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
            ReviewReadModel reviews,
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
        this.reviews = reviews;
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

    /**
     * The guest {@code caller} asks for a session: what {@link SessionAdmission#refusal} needs is read at once, and
     * an admitted booking goes to the topology.
     */
    public Future<Outcome> request(UUID caller, Ask ask) {
        UUID hostId = ask.hostUserId();
        boolean instant = ask.startTime() == null;
        Future<Optional<HostFacts>> host = hosts.host(hostId);
        Future<Boolean> introduced = requests.hasRequest(caller, hostId, RequestStatus.APPROVED);
        Future<Set<UUID>> members =
                ask.conversationId() == null ? Future.succeededFuture() : membership.members(ask.conversationId());
        Future<String> hostPresence = instant ? presence.apply(hostId).otherwiseEmpty() : Future.succeededFuture();
        Future<ProposalAdmission.Facts> proposal = ask.samActionId() == null
                ? Future.succeededFuture()
                : readModel.proposalState(caller, ask.samActionId(), hostId, ask.startTime(), ask.durationMinutes());
        return Future.all(host, introduced, members, hostPresence, proposal).compose(read -> {
            SessionAdmission.Booking booking = new SessionAdmission.Booking(
                    caller,
                    hostId,
                    host.result().orElse(null),
                    introduced.result(),
                    members.result(),
                    instant,
                    hostPresence.result(),
                    proposal.result(),
                    ask.paymentMode(),
                    ask.agreedPrice());
            return SessionAdmission.refusal(booking)
                    .<Future<Outcome>>map(Future::failedFuture)
                    .orElseGet(() -> produceRequest(
                            caller, ask, host.result().orElseThrow().requestHoldMinutes()));
        });
    }

    /** {@code caller} moves a session; only the topology knows whether the move is legal for them. */
    public Future<Outcome> transition(UUID caller, UUID sessionId, SessionStatus toStatus, String reason) {
        TransitionSession command = TransitionSession.of(sessionId, caller, toStatus, reason);
        Future<Void> allowed =
                toStatus == SessionStatus.ACCEPTED ? acceptable(caller, sessionId) : Future.succeededFuture();
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
                        default -> Future.failedFuture(unexpected(answer.get()));
                    };
                });
    }

    /**
     * The guest {@code caller} rates their completed session; only the topology knows whether it is theirs, completed
     * and not reviewed yet. Answers with the projected review, empty while the decision or its projection is pending.
     */
    public Future<Optional<ReviewReadModel.Review>> review(UUID caller, UUID sessionId, int rating, String text) {
        return decideReview(ReviewSession.of(sessionId, caller, rating, text), review -> true);
    }

    /** The host {@code caller} answers the review of their session, once; answers as {@link #review} does. */
    public Future<Optional<ReviewReadModel.Review>> answerReview(UUID caller, UUID sessionId, String text) {
        return decideReview(AnswerReview.of(sessionId, caller, text), review -> review.answer() != null);
    }

    private Future<Optional<ReviewReadModel.Review>> decideReview(
            SessionCommand command, Predicate<ReviewReadModel.Review> projected) {
        return answers.send(publisher, Topics.SESSIONS_COMMANDS, command, wait).compose(answer -> {
            if (answer.isEmpty()) {
                return Future.succeededFuture(Optional.empty());
            }
            if (answer.get() instanceof SessionCommandRejected rejected) {
                return Future.failedFuture(toProblem(rejected));
            }
            return ProjectionWait.until(
                            vertx,
                            () -> reviews.review(command.sessionId()),
                            found -> found.filter(projected).isPresent(),
                            wait)
                    .map(found -> found.filter(projected));
        });
    }

    /** The review of the caller's session, empty while there is none; 404 for anyone but its participants. */
    public Future<Optional<ReviewReadModel.Review>> reviewOf(UUID caller, UUID sessionId) {
        return session(caller, sessionId).compose(found -> reviews.review(sessionId));
    }

    /** A host's reviews that are not hidden, newest first: public to any signed-in user. */
    public Future<ReviewPage> reviewsOf(UUID hostId, KeysetCursor after, int limit) {
        return reviews.reviewsOf(hostId, after, limit + 1).map(rows -> {
            if (rows.size() <= limit) {
                return new ReviewPage(rows, null);
            }
            ReviewReadModel.Review last = rows.get(limit - 1);
            return new ReviewPage(
                    rows.subList(0, limit),
                    new KeysetCursor(last.createdAt().atOffset(ZoneOffset.UTC), last.sessionId()));
        });
    }

    /** One page of a host's reviews. */
    public record ReviewPage(List<ReviewReadModel.Review> items, KeysetCursor next) {}

    /** Whether the caller may accept the session as far as the edge can tell ({@link SessionAdmission#acceptance}). */
    private Future<Void> acceptable(UUID caller, UUID sessionId) {
        Future<Optional<Session>> session = readModel.session(sessionId);
        Future<ConnectAccount> account = hosts.connectAccount(caller);
        return Future.all(session, account).compose(read -> SessionAdmission.acceptance(
                        session.result().orElse(null), caller, account.result().canBePaid())
                .<Future<Void>>map(Future::failedFuture)
                .orElseGet(Future::succeededFuture));
    }

    /** One session of the caller's; 404 for anyone but its participants. */
    public Future<Session> session(UUID caller, UUID sessionId) {
        return readModel.session(sessionId).compose(found -> found.filter(s -> s.isParticipant(caller))
                .map(Future::succeededFuture)
                .orElseGet(() -> Future.failedFuture(Rejections.unknownSession())));
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
                default -> Future.failedFuture(unexpected(answer.get()));
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
            case UNKNOWN_SESSION, NOT_A_PARTICIPANT -> Rejections.unknownSession();
            case ILLEGAL_TRANSITION -> ProblemType.ILLEGAL_TRANSITION.with(reason);
            case SCHEDULE_CONFLICT -> ProblemType.SCHEDULE_CONFLICT.with(reason);
            case OUTSIDE_AVAILABILITY -> ProblemType.OUTSIDE_AVAILABILITY.with(reason);
            case SESSION_EXISTS -> ProblemType.SESSION_EXISTS.with(reason);
            case TOO_MANY_PENDING -> ProblemType.TOO_MANY_PENDING_REQUESTS.with(reason);
            case NOT_THE_GUEST -> ProblemType.NOT_THE_GUEST.with(reason);
            case NOT_THE_HOST -> ProblemType.NOT_THE_HOST.with(reason);
            case NOT_COMPLETED -> ProblemType.SESSION_NOT_COMPLETED.with(reason);
            case ALREADY_REVIEWED -> ProblemType.ALREADY_REVIEWED.with(reason);
            case NOT_REVIEWED -> ProblemType.NOT_REVIEWED.with(reason);
            case ALREADY_ANSWERED -> ProblemType.ALREADY_ANSWERED.with(reason);
            case NOT_ACCEPTING -> Rejections.notAccepting();
            case RESCHEDULE_TOO_LATE -> ProblemType.RESCHEDULE_TOO_LATE.with(reason);
            case NO_PROPOSAL -> ProblemType.NO_PROPOSAL.with(reason);
            case INVALID -> Rejections.unprocessable(reason, List.of());
        };
    }

    /** An answer no command of its kind gets: the topology answers a session command with its own kind of event. */
    static IllegalStateException unexpected(SessionEvent answer) {
        return new IllegalStateException(
                "unexpected answer " + answer.getClass().getSimpleName());
    }

    /** The caller's participation in a projected session that allows a call, for {@code rtc.signal}. */
    public Future<Optional<UUID>> callPeer(UUID caller, UUID sessionId) {
        return readModel.session(sessionId).map(found -> SessionAdmission.callPeer(found.orElse(null), caller));
    }
}
