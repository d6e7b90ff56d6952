package com.humanchat.streams.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.schemas.chat.ConversationIds;
import com.humanchat.schemas.requests.CreateRequest;
import com.humanchat.schemas.requests.DecideRequest;
import com.humanchat.schemas.requests.ManagedRequest;
import com.humanchat.schemas.requests.RequestCommandRejected;
import com.humanchat.schemas.requests.RequestCreated;
import com.humanchat.schemas.requests.RequestDecision;
import com.humanchat.schemas.requests.RequestEvent;
import com.humanchat.schemas.requests.RequestRejectionCode;
import com.humanchat.schemas.requests.RequestStatus;
import com.humanchat.schemas.requests.RequestStatusChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestDeciderTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final UUID REQUESTER = UUID.randomUUID();
    private static final UUID HOST = UUID.randomUUID();
    private static final UUID MANAGER = UUID.randomUUID();
    private static final UUID ADMIN = UUID.randomUUID();
    private static final UUID STRANGER = UUID.randomUUID();
    private static final UUID REQUEST = UUID.randomUUID();

    private final RequestDecider decider = new RequestDecider();

    static Stream<Arguments> everyStatusDecisionAndRole() {
        List<Arguments> all = new ArrayList<>();
        for (RequestStatus status : RequestStatus.values()) {
            for (RequestDecision decision : RequestDecision.values()) {
                for (RequestRole role : RequestRole.values()) {
                    all.add(Arguments.of(status, decision, role));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{1} a {0} request as {2}")
    @MethodSource("everyStatusDecisionAndRole")
    void decidesEveryDecisionByTheContract(RequestStatus status, RequestDecision decision, RequestRole role) {
        RequestRecord record = recordIn(status);
        DecideRequest command = DecideRequest.of(
                REQUEST, actor(role), role == RequestRole.ADMIN, role == RequestRole.MANAGER, decision, "why");

        List<RequestEvent> events = decider.decide(command, NOW, record).events();

        boolean allowedRole = decision == RequestDecision.WITHDRAW
                ? role == RequestRole.REQUESTER
                : role == RequestRole.MANAGER || role == RequestRole.ADMIN;
        if (allowedRole && status == RequestStatus.PENDING) {
            RequestStatusChanged changed = (RequestStatusChanged) events.getFirst();
            assertThat(changed.toStatus()).isEqualTo(decision.outcome());
            assertThat(changed.fromStatus()).isEqualTo(RequestStatus.PENDING);
            assertThat(changed.request().decidedBy()).isEqualTo(actor(role));
            assertThat(changed.request().decidedAt()).isEqualTo(NOW);
            assertThat(changed.request().conversationId())
                    .isEqualTo(decision == RequestDecision.APPROVE ? ConversationIds.ofApprovedRequest(REQUEST) : null);
        } else {
            RequestRejectionCode expected;
            if (role == RequestRole.STRANGER
                    || (decision != RequestDecision.WITHDRAW && role == RequestRole.REQUESTER)) {
                expected = RequestRejectionCode.NOT_THE_MANAGER;
            } else {
                expected = RequestRejectionCode.ILLEGAL_TRANSITION;
            }
            assertThat(events).singleElement().isInstanceOfSatisfying(RequestCommandRejected.class, rejected -> {
                assertThat(rejected.code()).isEqualTo(expected);
                assertThat(rejected.commandType()).isEqualTo("request.decide");
            });
        }
    }

    @Test
    void createKeepsTheManagerItWasGivenAndARetryReEmitsTheSameEvent() {
        CreateRequest create = create(REQUESTER, MANAGER, "Carol", "Hello Bob");

        Verdict<RequestRecord, RequestEvent> created = decider.decide(create, NOW, null);

        ManagedRequest request = ((RequestCreated) created.events().getFirst()).request();
        assertThat(request.status()).isEqualTo(RequestStatus.PENDING);
        assertThat(request.managerId()).isEqualTo(MANAGER);
        assertThat(request.createdAt()).isEqualTo(NOW);
        assertThat(decider.decide(create, NOW, created.state().orElseThrow()).events())
                .isEqualTo(created.events());
        assertThat(((RequestCommandRejected) decider.decide(
                                        create(REQUESTER, MANAGER, null, "again"),
                                        NOW,
                                        created.state().orElseThrow())
                                .events()
                                .getFirst())
                        .code())
                .isEqualTo(RequestRejectionCode.REQUEST_EXISTS);
    }

    @Test
    void theNamesTheRequestWasMadeWithStayWithItThroughItsDecision() {
        CreateRequest create =
                CreateRequest.of(REQUEST, REQUESTER, HOST, MANAGER, null, "Hello Bob", null, "Rita", "Hank");

        ManagedRequest created =
                ((RequestCreated) decider.decide(create, NOW, null).events().getFirst()).request();
        RequestStatusChanged approved = (RequestStatusChanged) decider.decide(
                        DecideRequest.of(REQUEST, MANAGER, false, true, RequestDecision.APPROVE, null),
                        NOW,
                        new RequestRecord(created, AnswerLog.empty()))
                .events()
                .getFirst();

        assertThat(created.requesterName()).isEqualTo("Rita");
        assertThat(created.hostName()).isEqualTo("Hank");
        assertThat(approved.request().requesterName()).isEqualTo("Rita");
        assertThat(approved.request().hostName()).isEqualTo("Hank");
    }

    @Test
    void rejectsInvalidCreations() {
        for (CreateRequest invalid : List.of(
                create(REQUESTER, MANAGER, null, " "),
                create(REQUESTER, MANAGER, null, "x".repeat(2001)),
                create(REQUESTER, null, null, "hi"),
                create(HOST, MANAGER, null, "hi"),
                create(MANAGER, MANAGER, null, "hi"))) {
            Verdict<RequestRecord, RequestEvent> verdict = decider.decide(invalid, NOW, null);
            assertThat(((RequestCommandRejected) verdict.events().getFirst()).code())
                    .isEqualTo(RequestRejectionCode.INVALID);
            assertThat(verdict.state()).isEmpty();
        }
    }

    /**
     * Issue 23, finding 7: the manager a request named when it was made no longer decides once the edge no longer
     * vouches for them (their invitation ended or their manager role was removed); the host's current manager does.
     */
    @Test
    void onlyTheHostsCurrentManagerDecidesNotTheManagerTheRequestNamed() {
        RequestRecord pending = recordIn(RequestStatus.PENDING);

        RequestEvent formerManager = decider.decide(
                        DecideRequest.of(REQUEST, MANAGER, false, false, RequestDecision.APPROVE, null), NOW, pending)
                .events()
                .getFirst();
        UUID newManager = UUID.randomUUID();
        RequestEvent currentManager = decider.decide(
                        DecideRequest.of(REQUEST, newManager, false, true, RequestDecision.DECLINE, null), NOW, pending)
                .events()
                .getFirst();

        assertThat(formerManager)
                .isInstanceOfSatisfying(RequestCommandRejected.class, rejected -> assertThat(rejected.code())
                        .isEqualTo(RequestRejectionCode.NOT_THE_MANAGER));
        assertThat(currentManager)
                .isInstanceOfSatisfying(RequestStatusChanged.class, changed -> assertThat(changed.toStatus())
                        .isEqualTo(RequestStatus.DECLINED));
    }

    @Test
    void decidingAnUnknownRequestIsRejected() {
        assertThat(((RequestCommandRejected) decider.decide(
                                        DecideRequest.of(REQUEST, MANAGER, false, true, RequestDecision.APPROVE, null),
                                        NOW,
                                        null)
                                .events()
                                .getFirst())
                        .code())
                .isEqualTo(RequestRejectionCode.UNKNOWN_REQUEST);
    }

    @Test
    void aDecisionProcessedAgainGetsTheSameAnswerAfterASecondDecision() {
        DecideRequest approve = DecideRequest.of(REQUEST, MANAGER, false, true, RequestDecision.APPROVE, "ok");
        Verdict<RequestRecord, RequestEvent> approved = decider.decide(approve, NOW, recordIn(RequestStatus.PENDING));
        RequestRecord afterSecond = decider.decide(
                        DecideRequest.of(REQUEST, ADMIN, true, false, RequestDecision.DECLINE, null),
                        NOW.plusSeconds(5),
                        approved.state().orElseThrow())
                .state()
                .orElseThrow();

        assertThat(decider.decide(approve, NOW, afterSecond).events()).isEqualTo(approved.events());
        assertThat(afterSecond.request().status()).isEqualTo(RequestStatus.APPROVED);
    }

    private static UUID actor(RequestRole role) {
        return switch (role) {
            case MANAGER -> MANAGER;
            case ADMIN -> ADMIN;
            case REQUESTER -> REQUESTER;
            case STRANGER -> STRANGER;
        };
    }

    /** A request to {@link #HOST}, not sent from a Sam proposal, without names. */
    private static CreateRequest create(UUID requester, UUID manager, String representativeName, String message) {
        return CreateRequest.of(REQUEST, requester, HOST, manager, representativeName, message, null, null, null);
    }

    private static RequestRecord recordIn(RequestStatus status) {
        return new RequestRecord(
                new ManagedRequest(
                        REQUEST, REQUESTER, HOST, MANAGER, null, "Hello", status, null, NOW, null, null, null, null,
                        "Rita", "Hank"),
                AnswerLog.empty());
    }
}
