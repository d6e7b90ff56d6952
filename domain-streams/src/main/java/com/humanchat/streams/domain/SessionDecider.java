package com.humanchat.streams.domain;

import com.humanchat.schemas.SystemActors;
import com.humanchat.schemas.sessions.AnswerReschedule;
import com.humanchat.schemas.sessions.AnswerReview;
import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.PaymentMode;
import com.humanchat.schemas.sessions.ProposeReschedule;
import com.humanchat.schemas.sessions.RequestSession;
import com.humanchat.schemas.sessions.ReviewAnswered;
import com.humanchat.schemas.sessions.ReviewSession;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionCommand;
import com.humanchat.schemas.sessions.SessionCommandRejected;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.schemas.sessions.SessionRejectionCode;
import com.humanchat.schemas.sessions.SessionRequested;
import com.humanchat.schemas.sessions.SessionReviewed;
import com.humanchat.schemas.sessions.SessionStatus;
import com.humanchat.schemas.sessions.SessionStatusChanged;
import com.humanchat.schemas.sessions.TransitionSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The session state machine: the host accepts or declines a request, either participant cancels, starts and
 * completes, the platform confirms a paid session; accepting moves on to {@code awaiting_payment} (paid) or
 * {@code confirmed} in the same step. Either participant proposes to move an accepted scheduled session, the other
 * answers ({@link Reschedules}). Once a session is completed its guest may review it once, and its host answer
 * that review once. Deterministic: ids derive from the command id, times are the command's time, and
 * a command answered before gets the same answer again.
 */
public final class SessionDecider {

    public static final int MIN_DURATION_MINUTES = 5;
    public static final int MAX_DURATION_MINUTES = 480;
    public static final int MAX_REASON_CODE_POINTS = 500;

    public static final String REQUEST_TYPE = "session.request";
    public static final String TRANSITION_TYPE = "session.transition";
    public static final String REVIEW_TYPE = "session.review";
    public static final String ANSWER_REVIEW_TYPE = "session.answer-review";
    public static final String RESCHEDULE_TYPE = "session.reschedule";
    public static final String RESCHEDULE_ANSWER_TYPE = "session.reschedule-answer";

    private final BookingLimits limits;

    public SessionDecider(BookingLimits limits) {
        this.limits = limits;
    }

    /** Why a command cannot even be answered with a {@code command.rejected}; such a record is poison. */
    public static Optional<String> unanswerable(SessionCommand command) {
        if (command.eventId() == null) {
            return Optional.of("command has no eventId");
        }
        if (command.sessionId() == null) {
            return Optional.of("command has no sessionId");
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
     * What is wrong with a session request decided at {@code at}: a missing host or price, the guest as host, a
     * duration outside 5..480 minutes, a price that does not fit the payment mode (free = 0, paid &gt; 0, donation
     * &ge; 0), a start time not in the future or beyond the booking horizon of {@code limits}, a negative hold.
     */
    public static Optional<String> invalidRequest(RequestSession command, Instant at, BookingLimits limits) {
        if (command.hostUserId() == null) {
            return Optional.of("hostUserId is required");
        }
        if (command.hostUserId().equals(command.actorId())) {
            return Optional.of("a host cannot request a session with themselves");
        }
        if (command.durationMinutes() < MIN_DURATION_MINUTES || command.durationMinutes() > MAX_DURATION_MINUTES) {
            return Optional.of("durationMinutes must be " + MIN_DURATION_MINUTES + " to " + MAX_DURATION_MINUTES);
        }
        if (command.paymentMode() == null) {
            return Optional.of("paymentMode is required");
        }
        Money price = command.agreedPrice();
        if (price == null || price.currency() == null || !price.currency().matches("[a-z]{3}")) {
            return Optional.of("agreedPrice needs an amount and a three-letter currency");
        }
        Optional<String> unfit =
                switch (command.paymentMode()) {
                    case FREE -> price.amountCents() == 0 ? Optional.empty() : Optional.of("a free session costs 0");
                    case PAID ->
                        price.amountCents() > 0 ? Optional.empty() : Optional.of("a paid session has a price above 0");
                    case DONATION ->
                        price.amountCents() >= 0
                                ? Optional.empty()
                                : Optional.of("a suggested donation is not negative");
                };
        if (unfit.isPresent()) {
            return unfit;
        }
        if (command.holdMinutes() != null
                && (command.holdMinutes() < 0 || command.holdMinutes() > RequestHold.MAX_MINUTES)) {
            return Optional.of("holdMinutes must be 0 to " + RequestHold.MAX_MINUTES);
        }
        return command.startTime() == null ? Optional.empty() : limits.startRefusal(command.startTime(), at);
    }

    /**
     * Whether {@code role} may move a session from {@code from} to {@code to}: empty when it may, else the rejection
     * code. Strangers learn nothing about the session ({@code not_a_participant}); anything else not allowed is an
     * {@code illegal_transition}.
     */
    public static Optional<SessionRejectionCode> refusal(SessionStatus from, SessionStatus to, SessionRole role) {
        if (role == SessionRole.STRANGER) {
            return Optional.of(SessionRejectionCode.NOT_A_PARTICIPANT);
        }
        boolean participant = role == SessionRole.HOST || role == SessionRole.GUEST;
        boolean allowed =
                switch (from) {
                    case REQUESTED ->
                        switch (to) {
                            case ACCEPTED, DECLINED -> role == SessionRole.HOST;
                            case CANCELLED -> participant;
                            default -> false;
                        };
                    case AWAITING_PAYMENT ->
                        switch (to) {
                            case CONFIRMED -> role == SessionRole.PLATFORM;
                            case CANCELLED -> participant;
                            default -> false;
                        };
                    case CONFIRMED ->
                        (to == SessionStatus.IN_PROGRESS
                                        || to == SessionStatus.CANCELLED
                                        || to == SessionStatus.NO_SHOW)
                                && participant;
                    case IN_PROGRESS -> to == SessionStatus.COMPLETED && participant;
                    case ACCEPTED, DECLINED, CANCELLED, COMPLETED, NO_SHOW -> false;
                };
        return allowed ? Optional.empty() : Optional.of(SessionRejectionCode.ILLEGAL_TRANSITION);
    }

    /**
     * @param command an answerable command (see {@link #unanswerable})
     * @param at the command's time: every event's {@code occurredAt}
     * @param record the session, null if it does not exist
     */
    public Verdict<SessionRecord, SessionEvent> decide(SessionCommand command, Instant at, SessionRecord record) {
        if (record != null) {
            Optional<List<SessionEvent>> answered = record.answers().answerTo(command.eventId());
            if (answered.isPresent()) {
                return Verdict.of(answered.get(), record);
            }
        }
        return switch (command) {
            case RequestSession request -> request(request, at, record);
            case TransitionSession transition -> transition(transition, at, record);
            case ReviewSession review -> review(review, at, record);
            case AnswerReview answer -> answerReview(answer, at, record);
            case ProposeReschedule propose ->
                rescheduleStep(command, at, record, r -> Reschedules.propose(propose, at, r, limits));
            case AnswerReschedule answer ->
                rescheduleStep(command, at, record, r -> Reschedules.answer(answer, at, r, limits));
        };
    }

    /** A reschedule step: about no session it is rejected; refused, its rejection is remembered; else its event. */
    private static Verdict<SessionRecord, SessionEvent> rescheduleStep(
            SessionCommand command,
            Instant at,
            SessionRecord record,
            Function<SessionRecord, Reschedules.Outcome> step) {
        if (record == null) {
            return Verdict.statelessly(
                    rejection(command, at, SessionRejectionCode.UNKNOWN_SESSION, "the session does not exist"));
        }
        Reschedules.Outcome outcome = step.apply(record);
        if (outcome.refused().isPresent()) {
            Reschedules.Refused refused = outcome.refused().get();
            return rejectAndRemember(command, at, record, refused.code(), refused.reason());
        }
        return remember(command, List.of(outcome.event()), outcome.record());
    }

    private Verdict<SessionRecord, SessionEvent> request(RequestSession command, Instant at, SessionRecord record) {
        if (record != null) {
            return rejectAndRemember(
                    command, at, record, SessionRejectionCode.SESSION_EXISTS, "the session already exists");
        }
        Optional<String> invalid = invalidRequest(command, at, limits);
        if (invalid.isPresent()) {
            return Verdict.statelessly(rejection(command, at, SessionRejectionCode.INVALID, invalid.get()));
        }
        Session session = new Session(
                command.sessionId(),
                command.actorId(),
                command.hostUserId(),
                command.conversationId(),
                command.startTime(),
                command.durationMinutes(),
                command.agreedPrice(),
                command.paymentMode(),
                SessionStatus.REQUESTED,
                at,
                at,
                null,
                null,
                null,
                command.samActionId());
        SessionEvent requested = new SessionRequested(
                DeterministicIds.eventId(command.eventId()), 1, at, command.sessionId(), command.eventId(), session);
        return remember(command, List.of(requested), new SessionRecord(session, AnswerLog.empty(), null, null));
    }

    private Verdict<SessionRecord, SessionEvent> transition(
            TransitionSession command, Instant at, SessionRecord record) {
        if (record == null) {
            return Verdict.statelessly(
                    rejection(command, at, SessionRejectionCode.UNKNOWN_SESSION, "the session does not exist"));
        }
        Session session = record.session();
        SessionRole role = SessionRole.of(session, command.actorId());
        if (role != SessionRole.STRANGER && command.toStatus() == null) {
            return rejectAndRemember(command, at, record, SessionRejectionCode.INVALID, "toStatus is required");
        }
        if (command.reason() != null
                && command.reason().codePointCount(0, command.reason().length()) > MAX_REASON_CODE_POINTS) {
            return rejectAndRemember(
                    command,
                    at,
                    record,
                    SessionRejectionCode.INVALID,
                    "reason is longer than " + MAX_REASON_CODE_POINTS + " characters");
        }
        Optional<SessionRejectionCode> refused = refusal(session.status(), command.toStatus(), role);
        if (refused.isPresent()) {
            String reason = refused.get() == SessionRejectionCode.NOT_A_PARTICIPANT
                    ? "the actor is not a participant of the session"
                    : role.name().toLowerCase(Locale.ROOT) + " cannot move a "
                            + session.status().wire() + " session to "
                            + command.toStatus().wire();
            return rejectAndRemember(command, at, record, refused.get(), reason);
        }
        if (command.toStatus() == SessionStatus.NO_SHOW) {
            Optional<String> early = StartWindow.noShowRefusal(session.startTime(), at);
            if (early.isPresent()) {
                return rejectAndRemember(command, at, record, SessionRejectionCode.ILLEGAL_TRANSITION, early.get());
            }
        }
        if (command.toStatus() == SessionStatus.IN_PROGRESS) {
            Optional<String> early = StartWindow.refusal(session.startTime(), at);
            if (early.isPresent()) {
                return rejectAndRemember(command, at, record, SessionRejectionCode.ILLEGAL_TRANSITION, early.get());
            }
        }
        List<SessionEvent> events = new ArrayList<>();
        Session moved = changed(command, at, session, command.actorId(), command.toStatus(), events);
        if (command.toStatus() == SessionStatus.ACCEPTED) {
            SessionStatus next = session.paymentMode() == PaymentMode.PAID
                    ? SessionStatus.AWAITING_PAYMENT
                    : SessionStatus.CONFIRMED;
            moved = changed(command, at, moved, SystemActors.PLATFORM, next, events);
        }
        return remember(command, events, record.with(moved, record.schedule()));
    }

    /** Only the guest of a completed session reviews it, once, rating it 1..5 with an optional text. */
    private Verdict<SessionRecord, SessionEvent> review(ReviewSession command, Instant at, SessionRecord record) {
        return reviewStep(
                command,
                at,
                record,
                r -> reviewRefusal(command, r),
                session -> new SessionReviewed(
                        DeterministicIds.eventId(command.eventId()),
                        1,
                        at,
                        session.sessionId(),
                        command.eventId(),
                        session.guestUserId(),
                        session.hostUserId(),
                        command.rating(),
                        command.text()),
                r -> new SessionReview(command.rating(), false));
    }

    /** Only the host answers the review of their session, once, after it was written. */
    private Verdict<SessionRecord, SessionEvent> answerReview(AnswerReview command, Instant at, SessionRecord record) {
        return reviewStep(
                command,
                at,
                record,
                r -> answerRefusal(command, r),
                session -> new ReviewAnswered(
                        DeterministicIds.eventId(command.eventId()),
                        1,
                        at,
                        session.sessionId(),
                        command.eventId(),
                        session.hostUserId(),
                        command.text()),
                r -> new SessionReview(r.review().rating(), true));
    }

    /**
     * A review or its answer: about no session, it is rejected and nothing stored; refused, its rejection is
     * remembered; accepted, its one event is emitted and the session keeps the review as it is after it.
     */
    private static Verdict<SessionRecord, SessionEvent> reviewStep(
            SessionCommand command,
            Instant at,
            SessionRecord record,
            Function<SessionRecord, Optional<Rejection>> refusal,
            Function<Session, SessionEvent> accepted,
            Function<SessionRecord, SessionReview> reviewAfter) {
        if (record == null) {
            return Verdict.statelessly(
                    rejection(command, at, SessionRejectionCode.UNKNOWN_SESSION, "the session does not exist"));
        }
        Optional<Rejection> refused = refusal.apply(record);
        if (refused.isPresent()) {
            return rejectAndRemember(
                    command, at, record, refused.get().code(), refused.get().reason());
        }
        return remember(
                command,
                List.of(accepted.apply(record.session())),
                new SessionRecord(record.session(), record.answers(), reviewAfter.apply(record), record.schedule()));
    }

    private static Optional<Rejection> reviewRefusal(ReviewSession command, SessionRecord record) {
        Optional<Rejection> wrongActor = actorRefusal(
                record, command.actorId(), SessionRole.GUEST, SessionRejectionCode.NOT_THE_GUEST, "the guest reviews");
        if (wrongActor.isPresent()) {
            return wrongActor;
        }
        if (command.rating() < ReviewSession.MIN_RATING || command.rating() > ReviewSession.MAX_RATING) {
            return Rejection.of(
                    SessionRejectionCode.INVALID,
                    "rating must be " + ReviewSession.MIN_RATING + " to " + ReviewSession.MAX_RATING);
        }
        if (command.text() != null) {
            Optional<String> invalid = invalidText(command.text(), "the review");
            if (invalid.isPresent()) {
                return Rejection.of(SessionRejectionCode.INVALID, invalid.get());
            }
        }
        SessionStatus status = record.session().status();
        if (status != SessionStatus.COMPLETED) {
            return Rejection.of(
                    SessionRejectionCode.NOT_COMPLETED,
                    "the session is " + status.wire() + ": only a completed session can be reviewed");
        }
        if (record.review() != null) {
            return Rejection.of(SessionRejectionCode.ALREADY_REVIEWED, "the session is already reviewed");
        }
        return Optional.empty();
    }

    private static Optional<Rejection> answerRefusal(AnswerReview command, SessionRecord record) {
        Optional<Rejection> wrongActor = actorRefusal(
                record, command.actorId(), SessionRole.HOST, SessionRejectionCode.NOT_THE_HOST, "the host answers");
        if (wrongActor.isPresent()) {
            return wrongActor;
        }
        Optional<String> invalid = invalidText(command.text(), "the answer");
        if (invalid.isPresent()) {
            return Rejection.of(SessionRejectionCode.INVALID, invalid.get());
        }
        if (record.review() == null) {
            return Rejection.of(SessionRejectionCode.NOT_REVIEWED, "the session has no review to answer");
        }
        if (record.review().answered()) {
            return Rejection.of(SessionRejectionCode.ALREADY_ANSWERED, "the review is already answered");
        }
        return Optional.empty();
    }

    /**
     * Whether {@code actorId} is the participant in {@code role}: a stranger learns nothing about the session, the
     * other participant (or the platform) is told who may (e.g. "only the guest reviews").
     */
    private static Optional<Rejection> actorRefusal(
            SessionRecord record, UUID actorId, SessionRole role, SessionRejectionCode code, String who) {
        SessionRole actual = SessionRole.of(record.session(), actorId);
        if (actual == SessionRole.STRANGER) {
            return Rejection.of(
                    SessionRejectionCode.NOT_A_PARTICIPANT, "the actor is not a participant of the session");
        }
        return actual == role ? Optional.empty() : Rejection.of(code, "only " + who);
    }

    /** What is wrong with the text of a review or an answer: blank, or longer than the limit. */
    private static Optional<String> invalidText(String text, String what) {
        if (text == null || text.isBlank()) {
            return Optional.of(what + " has no text");
        }
        if (text.codePointCount(0, text.length()) > ReviewSession.MAX_TEXT_CODE_POINTS) {
            return Optional.of(what + " is longer than " + ReviewSession.MAX_TEXT_CODE_POINTS + " characters");
        }
        return Optional.empty();
    }

    /** Why a review or an answer is refused. */
    private record Rejection(SessionRejectionCode code, String reason) {
        static Optional<Rejection> of(SessionRejectionCode code, String reason) {
            return Optional.of(new Rejection(code, reason));
        }
    }

    /**
     * The session once its status moved to {@code to} at {@code at}: started then if it goes in progress, completed then
     * (with the seconds it ran) if it completes; everything else as it was.
     */
    static Session afterStatusChange(Session session, SessionStatus to, Instant at) {
        Instant startedAt = to == SessionStatus.IN_PROGRESS ? at : session.startedAt();
        Instant completedAt = to == SessionStatus.COMPLETED ? at : session.completedAt();
        Long actualSeconds = session.actualDurationSeconds();
        if (to == SessionStatus.COMPLETED && startedAt != null) {
            actualSeconds = Math.max(0, Duration.between(startedAt, at).toSeconds());
        }
        return new Session(
                session.sessionId(),
                session.guestUserId(),
                session.hostUserId(),
                session.conversationId(),
                session.startTime(),
                session.durationMinutes(),
                session.agreedPrice(),
                session.paymentMode(),
                to,
                session.requestedAt(),
                at,
                startedAt,
                completedAt,
                actualSeconds,
                session.samActionId());
    }

    /** Appends the event of one status change by {@code actorId} and returns the session after it. */
    private static Session changed(
            TransitionSession command,
            Instant at,
            Session session,
            UUID actorId,
            SessionStatus to,
            List<SessionEvent> events) {
        Session after = afterStatusChange(session, to, at);
        events.add(new SessionStatusChanged(
                DeterministicIds.eventId(command.eventId(), events.size()),
                1,
                at,
                session.sessionId(),
                command.eventId(),
                actorId,
                session.status(),
                to,
                command.reason(),
                after));
        return after;
    }

    private static Verdict<SessionRecord, SessionEvent> remember(
            SessionCommand command, List<SessionEvent> events, SessionRecord record) {
        return Verdict.of(
                events,
                new SessionRecord(
                        record.session(),
                        record.answers().with(command.eventId(), events),
                        record.review(),
                        record.schedule()));
    }

    private static Verdict<SessionRecord, SessionEvent> rejectAndRemember(
            SessionCommand command, Instant at, SessionRecord record, SessionRejectionCode code, String reason) {
        return remember(command, List.of(rejection(command, at, code, reason)), record);
    }

    /** A {@code command.rejected} answering {@code command}, the one event it produces. */
    public static SessionCommandRejected rejection(
            SessionCommand command, Instant at, SessionRejectionCode code, String reason) {
        return new SessionCommandRejected(
                DeterministicIds.eventId(command.eventId()),
                1,
                at,
                command.sessionId(),
                command.eventId(),
                switch (command) {
                    case RequestSession r -> REQUEST_TYPE;
                    case TransitionSession t -> TRANSITION_TYPE;
                    case ReviewSession r -> REVIEW_TYPE;
                    case AnswerReview a -> ANSWER_REVIEW_TYPE;
                    case ProposeReschedule p -> RESCHEDULE_TYPE;
                    case AnswerReschedule a -> RESCHEDULE_ANSWER_TYPE;
                },
                command.actorId(),
                code,
                reason);
    }
}
