package com.humanchat.edge.requests;

import com.humanchat.edge.auth.AccountStanding;
import com.humanchat.edge.http.KeysetCursor;
import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.ProblemType;
import com.humanchat.edge.http.ProjectionWait;
import com.humanchat.edge.http.Rejections;
import com.humanchat.edge.kafka.CommandAnswers;
import com.humanchat.edge.kafka.CommandPublisher;
import com.humanchat.edge.reads.RequestReadModel;
import com.humanchat.edge.requests.domain.RequestAdmission;
import com.humanchat.edge.sessions.SessionJson;
import com.humanchat.readmodels.hosts.HostFacts;
import com.humanchat.readmodels.hosts.HostReadModel;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.requests.CreateRequest;
import com.humanchat.schemas.requests.DecideRequest;
import com.humanchat.schemas.requests.ManagedRequest;
import com.humanchat.schemas.requests.RequestCommandRejected;
import com.humanchat.schemas.requests.RequestCreated;
import com.humanchat.schemas.requests.RequestDecision;
import com.humanchat.schemas.requests.RequestEvent;
import com.humanchat.schemas.requests.RequestStatus;
import com.humanchat.schemas.requests.RequestStatusChanged;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Managed requests at the edge: a request admitted by {@link RequestAdmission} goes to the host's accepted manager;
 * the request topology decides who may approve, decline or withdraw, on facts the edge reads from PostgreSQL at the
 * moment of the decision (is the actor an admin now, do they manage the host now) - never on roles an access token was
 * minted with. Reads show a request to its requester, the host's current manager and admins only.
 */
public final class RequestService {

    /** What a creation or a decision came to. */
    public sealed interface Outcome {
        record Decided(ManagedRequest request) implements Outcome {}

        record Pending(UUID requestId) implements Outcome {}
    }

    /** Whether {@code actor} manages {@code host} right now (an accepted invitation and the manager role). */
    @FunctionalInterface
    public interface ManagerRelation {
        Future<Boolean> managesHost(UUID actor, UUID host);
    }

    /** One page of requests. */
    public record Page(List<ManagedRequest> items, KeysetCursor next) {

        /** {@code {items, nextCursor}}, as both request lists answer it (the caller's and the admins' overview). */
        public JsonObject toJson() {
            return new JsonObject()
                    .put(
                            "items",
                            new JsonArray(
                                    items.stream().map(SessionJson::request).toList()))
                    .put("nextCursor", next == null ? null : next.encode());
        }
    }

    private static final String ADMIN = "admin";

    private final Vertx vertx;
    private final RequestReadModel readModel;
    private final HostReadModel hosts;
    private final CommandPublisher publisher;
    private final CommandAnswers<RequestEvent> answers;
    private final Duration wait;
    private final AccountStanding standing;
    private final ManagerRelation invitations;

    public RequestService(
            Vertx vertx,
            RequestReadModel readModel,
            HostReadModel hosts,
            CommandPublisher publisher,
            CommandAnswers<RequestEvent> answers,
            Duration wait,
            AccountStanding standing,
            ManagerRelation invitations) {
        this.vertx = vertx;
        this.standing = standing;
        this.invitations = invitations;
        this.readModel = readModel;
        this.hosts = hosts;
        this.publisher = publisher;
        this.answers = answers;
        this.wait = wait;
    }

    /**
     * {@code caller} asks the manager of {@code hostUserId} to let them reach the host.
     *
     * @param samActionId the Sam proposal ({@code open_request}) it is sent from, null if none
     */
    public Future<Outcome> create(UUID caller, UUID hostUserId, String message, UUID samActionId) {
        Future<Optional<HostFacts>> host = hosts.host(hostUserId);
        Future<Boolean> pending = readModel.hasRequest(caller, hostUserId, RequestStatus.PENDING);
        Future<String> requesterName = readModel.displayName(caller);
        return Future.all(host, pending, requesterName).compose(read -> {
            HostFacts found = host.result().orElse(null);
            return RequestAdmission.creation(caller, hostUserId, found, pending.result())
                    .<Future<Outcome>>map(Future::failedFuture)
                    .orElseGet(() -> {
                        UUID requestId = UUID.randomUUID();
                        CreateRequest command = CreateRequest.of(
                                requestId,
                                caller,
                                hostUserId,
                                found.managerId(),
                                found.representativeName(),
                                message,
                                samActionId,
                                requesterName.result(),
                                found.displayName());
                        return decided(requestId, answers.send(publisher, Topics.REQUESTS_COMMANDS, command, wait));
                    });
        });
    }

    /**
     * {@code caller} approves, declines or withdraws; the topology says whether they may, told whether the caller holds
     * the admin role and manages the request's host right now.
     */
    public Future<Outcome> decide(UUID caller, UUID requestId, RequestDecision decision, String reason) {
        return readModel
                .request(requestId)
                .compose(found -> Future.all(
                                standing.holds(caller, ADMIN),
                                found.isEmpty()
                                        ? Future.succeededFuture(false)
                                        : invitations.managesHost(
                                                caller, found.get().hostUserId()))
                        .map(facts -> DecideRequest.of(
                                requestId, caller, facts.resultAt(0), facts.resultAt(1), decision, reason)))
                .compose(command ->
                        decided(requestId, answers.send(publisher, Topics.REQUESTS_COMMANDS, command, wait)));
    }

    /** One request with its decisions; 404 for anyone but its requester, the host's current manager and admins. */
    public Future<Map.Entry<ManagedRequest, io.vertx.core.json.JsonArray>> request(UUID caller, UUID requestId) {
        return readModel.request(requestId).compose(found -> {
            if (found.isEmpty()) {
                return Future.failedFuture(unknownRequest());
            }
            ManagedRequest request = found.get();
            Future<Boolean> admin = standing.holds(caller, ADMIN);
            Future<Boolean> manages = invitations.managesHost(caller, request.hostUserId());
            return Future.all(admin, manages)
                    .compose(read -> RequestAdmission.mayRead(request, caller, admin.result(), manages.result())
                            ? readModel.decisions(requestId).map(decisions -> Map.entry(request, decisions))
                            : Future.failedFuture(unknownRequest()));
        });
    }

    /** Requests the caller made or decides now (every request for an admin now), most recently changed first. */
    public Future<Page> list(UUID caller, RequestStatus status, KeysetCursor after, int limit) {
        return standing.holds(caller, ADMIN).compose(admin -> list(caller, admin, status, after, limit));
    }

    /** As {@link #list(UUID, RequestStatus, KeysetCursor, int)}; {@code all} for the admins' overview. */
    public Future<Page> list(UUID caller, boolean all, RequestStatus status, KeysetCursor after, int limit) {
        return readModel.requestsOf(caller, all, status, after, limit + 1).map(rows -> {
            if (rows.size() <= limit) {
                return new Page(rows, null);
            }
            ManagedRequest last = rows.get(limit - 1);
            return new Page(
                    rows.subList(0, limit),
                    new KeysetCursor(
                            (last.decidedAt() != null ? last.decidedAt() : last.createdAt()).atOffset(ZoneOffset.UTC),
                            last.requestId()));
        });
    }

    public static ProblemException unknownRequest() {
        return ProblemType.UNKNOWN_REQUEST.with("no such request");
    }

    private Future<Outcome> decided(UUID requestId, Future<Optional<RequestEvent>> answer) {
        return answer.compose(event -> {
            if (event.isEmpty()) {
                return Future.succeededFuture(new Outcome.Pending(requestId));
            }
            return switch (event.get()) {
                case RequestCreated created -> awaitProjected(created.request());
                case RequestStatusChanged changed -> awaitProjected(changed.request());
                case RequestCommandRejected rejected -> Future.failedFuture(toProblem(rejected));
            };
        });
    }

    /** Answers once the projection shows the request as decided (bounded by the wait). */
    private Future<Outcome> awaitProjected(ManagedRequest decided) {
        return ProjectionWait.until(
                        vertx,
                        () -> readModel.request(decided.requestId()),
                        found -> found.map(r -> r.status() == decided.status()).orElse(false),
                        wait)
                .map(v -> new Outcome.Decided(decided));
    }

    private static ProblemException toProblem(RequestCommandRejected rejected) {
        String reason = rejected.reason();
        return switch (rejected.code()) {
            case UNKNOWN_REQUEST -> unknownRequest();
            case NOT_THE_MANAGER -> ProblemType.NOT_THE_MANAGER.with(reason);
            case ILLEGAL_TRANSITION -> ProblemType.ILLEGAL_TRANSITION.with(reason);
            case REQUEST_EXISTS -> ProblemType.REQUEST_EXISTS.with(reason);
            case NOT_ACCEPTING -> Rejections.notAccepting();
            case INVALID -> Rejections.unprocessable(reason, List.of());
        };
    }
}
