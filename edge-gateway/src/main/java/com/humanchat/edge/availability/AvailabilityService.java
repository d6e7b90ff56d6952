package com.humanchat.edge.availability;

import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.ProblemType;
import com.humanchat.edge.http.ProjectionWait;
import com.humanchat.edge.http.Rejections;
import com.humanchat.edge.kafka.CommandPublisher;
import com.humanchat.readmodels.hosts.HostFacts;
import com.humanchat.readmodels.hosts.HostReadModel;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.availability.Availability;
import com.humanchat.schemas.availability.SetAvailability;
import com.humanchat.schemas.availability.SlotCalculator;
import com.humanchat.schemas.availability.TimeSlot;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A host publishes their availability (checked here, decided by the session topology's host calendar, read back
 * from its projection); anyone signed in reads a host's free slots, computed by the rule the calendar books by.
 */
public final class AvailabilityService {

    /** The widest range one slots read covers. */
    public static final Duration MAX_RANGE = Duration.ofDays(31);

    /** How many free starts (within {@link #MAX_RANGE} of the asked time) a refused booking suggests. */
    public static final int NEXT_SLOTS = 5;

    /** A held session this far outside a range (its length and both buffers) may still block a slot inside it. */
    private static final Duration REACH = Duration.ofDays(1);

    /**
     * The free slots of one host: {@code hostTimeZone} null (and no slots) for a host who never set availability,
     * who takes bookings at any time that overlaps nothing.
     */
    public record Slots(
            String hostTimeZone, Integer durationMinutes, List<Integer> durationsMinutes, List<TimeSlot> slots) {}

    private final Vertx vertx;
    private final AvailabilityReadModel reads;
    private final HostReadModel hosts;
    private final CommandPublisher publisher;
    private final Duration wait;
    private final Clock clock;

    public AvailabilityService(
            Vertx vertx,
            AvailabilityReadModel reads,
            HostReadModel hosts,
            CommandPublisher publisher,
            Duration wait,
            Clock clock) {
        this.vertx = vertx;
        this.reads = reads;
        this.hosts = hosts;
        this.publisher = publisher;
        this.wait = wait;
        this.clock = clock;
    }

    /** The caller's own availability; 403 for anyone but a host, 404 while they have none. */
    public Future<Availability> mine(UUID caller) {
        return asHost(caller).compose(host -> reads.of(caller)).map(found -> found.map(
                        AvailabilityReadModel.Published::availability)
                .orElseThrow(() -> ProblemException.notFound(
                        "you have not set your availability; until you do, guests may book any free time")));
    }

    /**
     * Publishes the caller's availability once it has no problems (else 422 naming them), and answers it once the
     * calendar's decision is projected (bounded by the wait).
     */
    public Future<Availability> publish(UUID caller, Availability availability) {
        List<String> problems = availability.problems();
        if (!problems.isEmpty()) {
            return Future.failedFuture(Rejections.unprocessable(String.join("; ", problems), List.of()));
        }
        SetAvailability command = SetAvailability.of(caller, availability);
        return asHost(caller)
                .compose(host -> publisher.publish(Topics.AVAILABILITY_COMMANDS, command.key(), command))
                .compose(sent -> ProjectionWait.until(
                        vertx,
                        () -> reads.of(caller),
                        found -> found.map(published -> published.commandId().equals(command.eventId()))
                                .orElse(false),
                        wait))
                .map(projected -> availability);
    }

    /**
     * The free slots of {@code hostId} of {@code durationMinutes} (null = the shortest offered) starting in
     * {@code [from, to)}: 404 for no such host, 422 for a length not offered or a range that is empty or too wide.
     */
    public Future<Slots> slots(UUID hostId, Instant from, Instant to, Integer durationMinutes) {
        if (!to.isAfter(from)) {
            return Future.failedFuture(Rejections.unprocessableField("/to", "to must be after from"));
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            return Future.failedFuture(Rejections.unprocessableField(
                    "/to", "ask for at most " + MAX_RANGE.toDays() + " days of slots at once"));
        }
        return hosts.host(hostId)
                .compose(host -> {
                    if (host.filter(HostFacts::bookable).isEmpty()) {
                        return Future.failedFuture(ProblemException.notFound("no host " + hostId));
                    }
                    return reads.of(hostId);
                })
                .compose(found -> {
                    if (found.isEmpty()) {
                        return Future.succeededFuture(new Slots(null, durationMinutes, List.of(), List.of()));
                    }
                    Availability availability = found.get().availability();
                    int minutes = durationMinutes == null
                            ? availability.durationsMinutes().stream()
                                    .min(Integer::compare)
                                    .orElseThrow()
                            : durationMinutes;
                    if (!availability.offers(minutes)) {
                        return Future.failedFuture(Rejections.unprocessableField(
                                "/duration",
                                "this host offers sessions of " + availability.durationsMinutes() + " minutes, not "
                                        + minutes));
                    }
                    Duration duration = Duration.ofMinutes(minutes);
                    return reads.held(hostId, from.minus(REACH), to.plus(REACH))
                            .map(held -> new Slots(
                                    availability.timeZone(),
                                    minutes,
                                    availability.durationsMinutes().stream()
                                            .sorted()
                                            .toList(),
                                    new SlotCalculator(availability, held, clock.instant()).slots(from, to, duration)));
                });
    }

    /**
     * {@code failure} with the next few free starts ({@code nextSlots}) of the host when it is a refused booking
     * (outside the host's availability, or a slot taken) of a host with availability; any other failure unchanged.
     */
    public <T> Future<T> withNextSlots(Throwable failure, UUID hostId, int durationMinutes, Instant asked) {
        if (!(failure instanceof ProblemException problem)
                || asked == null
                || !(problem.slug().equals(ProblemType.OUTSIDE_AVAILABILITY.slug())
                        || problem.slug().equals(ProblemType.SCHEDULE_CONFLICT.slug()))) {
            return Future.failedFuture(failure);
        }
        Instant now = clock.instant();
        Instant after = asked.isAfter(now) ? asked : now;
        return reads.of(hostId)
                .compose(found -> found.isEmpty()
                        ? Future.succeededFuture(Optional.<List<TimeSlot>>empty())
                        : reads.held(
                                        hostId,
                                        after.minus(REACH),
                                        after.plus(MAX_RANGE).plus(REACH))
                                .map(held -> Optional.of(
                                        new SlotCalculator(found.get().availability(), held, now)
                                                        .slots(
                                                                after,
                                                                after.plus(MAX_RANGE),
                                                                Duration.ofMinutes(durationMinutes))
                                                        .stream()
                                                        .limit(NEXT_SLOTS)
                                                        .toList())))
                .recover(unreadable -> Future.succeededFuture(Optional.empty()))
                .compose(next -> Future.<T>failedFuture(
                        next.<Throwable>map(slots -> problem.withExtension("nextSlots", json(slots)))
                                .orElse(problem)));
    }

    /** Slots as the API writes them: {@code [{start, end}]}, ISO instants. */
    public static JsonArray json(List<TimeSlot> slots) {
        return new JsonArray(slots.stream()
                .map(slot -> new JsonObject()
                        .put("start", slot.start().toString())
                        .put("end", slot.end().toString()))
                .toList());
    }

    private Future<HostFacts> asHost(UUID caller) {
        return hosts.host(caller)
                .compose(host -> host.filter(facts -> facts.roles().contains("host"))
                        .map(Future::succeededFuture)
                        .orElseGet(() -> Future.failedFuture(ProblemException.forbidden(
                                "only hosts set availability; become a host in your profile"))));
    }
}
