package com.humanchat.edge.sessions;

import com.humanchat.edge.availability.AvailabilityService;
import com.humanchat.edge.http.ProblemType;
import com.humanchat.edge.http.ProjectionWait;
import com.humanchat.edge.http.Rejections;
import com.humanchat.edge.kafka.CommandAnswers;
import com.humanchat.edge.kafka.CommandPublisher;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.sessions.AnswerReschedule;
import com.humanchat.schemas.sessions.CalendarFile;
import com.humanchat.schemas.sessions.ProposeReschedule;
import com.humanchat.schemas.sessions.RescheduleDeclined;
import com.humanchat.schemas.sessions.RescheduleProposed;
import com.humanchat.schemas.sessions.SessionCommand;
import com.humanchat.schemas.sessions.SessionCommandRejected;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.schemas.sessions.SessionRescheduled;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Reschedules and calendar files at the edge: the session's participants only (anyone else gets 404). A proposal or
 * an answer names the session's host (read from the projection) so that the host's calendar decides first; the session
 * topology decides, and the answer is the reschedule state once projected (empty while pending).
 */
public final class RescheduleService {

    private final Vertx vertx;
    private final Pool pg;
    private final CommandPublisher publisher;
    private final CommandAnswers<SessionEvent> answers;
    private final Duration wait;
    private final String publicUrl;
    private final AvailabilityService availability;

    /**
     * @param publicUrl the web client's address ({@code PublicUrl}), for the session page a calendar file links to
     * @param availability for the host's next free slots a refused new time suggests, as a refused booking does
     */
    public RescheduleService(
            Vertx vertx,
            Pool pg,
            CommandPublisher publisher,
            CommandAnswers<SessionEvent> answers,
            Duration wait,
            String publicUrl,
            AvailabilityService availability) {
        this.vertx = vertx;
        this.pg = pg;
        this.publisher = publisher;
        this.answers = answers;
        this.wait = wait;
        this.publicUrl = publicUrl;
        this.availability = availability;
    }

    /** The caller's session with its reschedule state; 404 for anyone but its participants. */
    public Future<Reschedule> state(UUID caller, UUID sessionId) {
        return Reschedule.of(pg, sessionId)
                .compose(found -> found.filter(r -> r.session().isParticipant(caller))
                        .map(Future::succeededFuture)
                        .orElseGet(() -> Future.failedFuture(Rejections.unknownSession())));
    }

    /** {@code caller} proposes to move their session to {@code startTime}. */
    public Future<Optional<Reschedule>> propose(UUID caller, UUID sessionId, Instant startTime) {
        return state(caller, sessionId).compose(current -> decide(
                        ProposeReschedule.of(
                                sessionId, caller, current.session().hostUserId(), startTime),
                        r -> startTime.equals(r.proposedStart()))
                .recover(failure -> nextSlots(failure, current, startTime)));
    }

    /** The other participant accepts or declines the proposal waiting for their answer. */
    public Future<Optional<Reschedule>> answer(UUID caller, UUID sessionId, boolean accept) {
        return state(caller, sessionId).compose(current -> {
            if (current.proposedStart() == null || caller.equals(current.proposedBy())) {
                return Future.failedFuture(ProblemType.NO_PROPOSAL.with(
                        current.proposedStart() == null
                                ? "no reschedule is waiting for an answer"
                                : "you proposed this time: the other participant accepts or declines it"));
            }
            Instant proposed = current.proposedStart();
            AnswerReschedule command =
                    AnswerReschedule.of(sessionId, caller, current.session().hostUserId(), proposed, accept);
            return decide(
                            command,
                            accept ? r -> r.sequence() > current.sequence() : r -> !proposed.equals(r.proposedStart()))
                    .recover(failure -> nextSlots(failure, current, proposed));
        });
    }

    /** A new time the host's calendar refused carries the host's next free slots of the session's length. */
    private <T> Future<T> nextSlots(Throwable failure, Reschedule current, Instant asked) {
        return availability.withNextSlots(
                failure, current.session().hostUserId(), current.session().durationMinutes(), asked);
    }

    /** The caller's scheduled session as an iCalendar file; 404 for anyone but its participants. */
    public Future<String> calendarFile(UUID caller, UUID sessionId) {
        return state(caller, sessionId)
                .compose(r -> r.session().startTime() == null
                        ? Future.failedFuture(ProblemType.NOT_SCHEDULED.with(
                                "an instant session has no start time to put in a calendar"))
                        : Future.succeededFuture(CalendarFile.of(r.session(), r.sequence(), publicUrl)));
    }

    private Future<Optional<Reschedule>> decide(SessionCommand command, Predicate<Reschedule> projected) {
        return answers.send(publisher, Topics.SESSIONS_COMMANDS, command, wait).compose(answer -> {
            if (answer.isEmpty()) {
                return Future.succeededFuture(Optional.empty());
            }
            return switch (answer.get()) {
                case SessionCommandRejected rejected -> Future.failedFuture(SessionService.toProblem(rejected));
                case RescheduleProposed p -> projected(command.sessionId(), projected);
                case RescheduleDeclined d -> projected(command.sessionId(), projected);
                case SessionRescheduled r -> projected(command.sessionId(), projected);
                default -> Future.failedFuture(SessionService.unexpected(answer.get()));
            };
        });
    }

    private Future<Optional<Reschedule>> projected(UUID sessionId, Predicate<Reschedule> projected) {
        return ProjectionWait.until(
                        vertx,
                        () -> Reschedule.of(pg, sessionId),
                        found -> found.filter(projected).isPresent(),
                        wait)
                .map(found -> found.filter(projected));
    }
}
