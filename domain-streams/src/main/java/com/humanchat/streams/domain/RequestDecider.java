package com.humanchat.streams.domain;

import com.humanchat.schemas.chat.ConversationIds;
import com.humanchat.schemas.requests.CreateRequest;
import com.humanchat.schemas.requests.DecideRequest;
import com.humanchat.schemas.requests.ManagedRequest;
import com.humanchat.schemas.requests.RequestCommand;
import com.humanchat.schemas.requests.RequestCommandRejected;
import com.humanchat.schemas.requests.RequestCreated;
import com.humanchat.schemas.requests.RequestDecision;
import com.humanchat.schemas.requests.RequestEvent;
import com.humanchat.schemas.requests.RequestRejectionCode;
import com.humanchat.schemas.requests.RequestStatus;
import com.humanchat.schemas.requests.RequestStatusChanged;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The managed-request state machine: a pending request is approved or declined by the host's current manager (or an
 * admin), or withdrawn by its requester, once; approval names the direct conversation requester ↔ host. Deterministic:
 * ids derive from the command id, times are the command's time, and a command answered before gets the same answer.
 */
public final class RequestDecider {

    public static final int MAX_MESSAGE_CODE_POINTS = 2000;
    public static final int MAX_REPRESENTATIVE_NAME_CODE_POINTS = 120;
    public static final int MAX_REASON_CODE_POINTS = 500;

    public static final String CREATE_TYPE = "request.create";
    public static final String DECIDE_TYPE = "request.decide";

    /** Why a command cannot even be answered with a {@code command.rejected}; such a record is poison. */
    public static Optional<String> unanswerable(RequestCommand command) {
        if (command.eventId() == null) {
            return Optional.of("command has no eventId");
        }
        if (command.requestId() == null) {
            return Optional.of("command has no requestId");
        }
        if (command.actorId() == null) {
            return Optional.of("command has no actorId");
        }
        if (command.version() != 1) {
            return Optional.of("unsupported command version " + command.version());
        }
        return Optional.empty();
    }

    /**
     * Whether {@code role} may take {@code decision} on a request in {@code status}: empty when it may, else the
     * rejection code. Only the manager or an admin approve or decline, only the requester withdraws, and only a
     * pending request is decided.
     */
    public static Optional<RequestRejectionCode> refusal(
            RequestStatus status, RequestDecision decision, RequestRole role) {
        boolean decides = role == RequestRole.MANAGER || role == RequestRole.ADMIN;
        if (decision == RequestDecision.WITHDRAW) {
            if (role == RequestRole.STRANGER) {
                return Optional.of(RequestRejectionCode.NOT_THE_MANAGER);
            }
            if (role != RequestRole.REQUESTER) {
                return Optional.of(RequestRejectionCode.ILLEGAL_TRANSITION);
            }
        } else if (!decides) {
            return Optional.of(RequestRejectionCode.NOT_THE_MANAGER);
        }
        return status == RequestStatus.PENDING
                ? Optional.empty()
                : Optional.of(RequestRejectionCode.ILLEGAL_TRANSITION);
    }

    /**
     * @param command an answerable command (see {@link #unanswerable})
     * @param at the command's time: every event's {@code occurredAt}
     * @param record the request, null if it does not exist
     */
    public Verdict<RequestRecord, RequestEvent> decide(RequestCommand command, Instant at, RequestRecord record) {
        if (record != null) {
            Optional<List<RequestEvent>> answered = record.answers().answerTo(command.eventId());
            if (answered.isPresent()) {
                return Verdict.of(answered.get(), record);
            }
        }
        return switch (command) {
            case CreateRequest create -> create(create, at, record);
            case DecideRequest decide -> decide(decide, at, record);
        };
    }

    private Verdict<RequestRecord, RequestEvent> create(CreateRequest command, Instant at, RequestRecord record) {
        if (record != null) {
            return rejectAndRemember(
                    command, at, record, RequestRejectionCode.REQUEST_EXISTS, "the request already exists");
        }
        Optional<String> invalid = invalidCreation(command);
        if (invalid.isPresent()) {
            return Verdict.statelessly(rejection(command, at, RequestRejectionCode.INVALID, invalid.get()));
        }
        ManagedRequest request = new ManagedRequest(
                command.requestId(),
                command.actorId(),
                command.hostUserId(),
                command.managerId(),
                command.representativeName(),
                command.message(),
                RequestStatus.PENDING,
                null,
                at,
                null,
                null,
                null,
                command.samActionId(),
                command.requesterName(),
                command.hostName());
        RequestEvent created = new RequestCreated(
                DeterministicIds.eventId(command.eventId()), 1, at, command.requestId(), command.eventId(), request);
        return remember(command, created, new RequestRecord(request, AnswerLog.empty()));
    }

    /**
     * The neutral refusal of a request the host (or their manager) blocked; nothing is stored, so the same request is
     * decided afresh once the block is lifted.
     */
    public static Verdict<RequestRecord, RequestEvent> notAccepting(CreateRequest command, Instant at) {
        return Verdict.statelessly(
                rejection(command, at, RequestRejectionCode.NOT_ACCEPTING, SafetyRules.NOT_ACCEPTING));
    }

    private static Optional<String> invalidCreation(CreateRequest command) {
        if (command.hostUserId() == null || command.managerId() == null) {
            return Optional.of("hostUserId and managerId are required");
        }
        if (command.actorId().equals(command.hostUserId()) || command.actorId().equals(command.managerId())) {
            return Optional.of("the host and their manager do not request access to the host");
        }
        if (command.message() == null || command.message().isBlank()) {
            return Optional.of("message must not be blank");
        }
        if (codePoints(command.message()) > MAX_MESSAGE_CODE_POINTS) {
            return Optional.of("message is longer than " + MAX_MESSAGE_CODE_POINTS + " characters");
        }
        if (command.representativeName() != null
                && codePoints(command.representativeName()) > MAX_REPRESENTATIVE_NAME_CODE_POINTS) {
            return Optional.of(
                    "representativeName is longer than " + MAX_REPRESENTATIVE_NAME_CODE_POINTS + " characters");
        }
        return Optional.empty();
    }

    private Verdict<RequestRecord, RequestEvent> decide(DecideRequest command, Instant at, RequestRecord record) {
        if (record == null) {
            return Verdict.statelessly(
                    rejection(command, at, RequestRejectionCode.UNKNOWN_REQUEST, "the request does not exist"));
        }
        ManagedRequest request = record.request();
        RequestRole role =
                RequestRole.of(request, command.actorId(), command.actorIsAdmin(), command.actorManagesHost());
        if (command.decision() == null) {
            return rejectAndRemember(command, at, record, RequestRejectionCode.INVALID, "decision is required");
        }
        if (command.reason() != null && codePoints(command.reason()) > MAX_REASON_CODE_POINTS) {
            return rejectAndRemember(
                    command,
                    at,
                    record,
                    RequestRejectionCode.INVALID,
                    "reason is longer than " + MAX_REASON_CODE_POINTS + " characters");
        }
        Optional<RequestRejectionCode> refused = refusal(request.status(), command.decision(), role);
        if (refused.isPresent()) {
            String reason = refused.get() == RequestRejectionCode.NOT_THE_MANAGER
                    ? "only the host's manager or an admin decides, only the requester withdraws"
                    : "the request is already " + request.status().wire();
            return rejectAndRemember(command, at, record, refused.get(), reason);
        }
        RequestStatus to = command.decision().outcome();
        ManagedRequest decided = new ManagedRequest(
                request.requestId(),
                request.requesterId(),
                request.hostUserId(),
                request.managerId(),
                request.representativeName(),
                request.message(),
                to,
                to == RequestStatus.APPROVED ? ConversationIds.ofApprovedRequest(request.requestId()) : null,
                request.createdAt(),
                at,
                command.actorId(),
                command.reason(),
                request.samActionId(),
                request.requesterName(),
                request.hostName());
        RequestEvent changed = new RequestStatusChanged(
                DeterministicIds.eventId(command.eventId()),
                1,
                at,
                request.requestId(),
                command.eventId(),
                command.actorId(),
                request.status(),
                to,
                command.reason(),
                decided);
        return remember(command, changed, new RequestRecord(decided, record.answers()));
    }

    private static Verdict<RequestRecord, RequestEvent> remember(
            RequestCommand command, RequestEvent event, RequestRecord record) {
        return Verdict.of(
                List.of(event),
                new RequestRecord(record.request(), record.answers().with(command.eventId(), List.of(event))));
    }

    private static Verdict<RequestRecord, RequestEvent> rejectAndRemember(
            RequestCommand command, Instant at, RequestRecord record, RequestRejectionCode code, String reason) {
        return remember(command, rejection(command, at, code, reason), record);
    }

    private static RequestCommandRejected rejection(
            RequestCommand command, Instant at, RequestRejectionCode code, String reason) {
        return new RequestCommandRejected(
                DeterministicIds.eventId(command.eventId()),
                1,
                at,
                command.requestId(),
                command.eventId(),
                switch (command) {
                    case CreateRequest c -> CREATE_TYPE;
                    case DecideRequest d -> DECIDE_TYPE;
                },
                command.actorId(),
                code,
                reason);
    }

    private static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }
}
