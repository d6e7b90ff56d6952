package com.humanchat.edge.kafka;

import com.humanchat.schemas.Envelope;
import com.humanchat.schemas.Topic;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Callers waiting for a topology's answer to a command they produced, matched by commandId when the answer shows up
 * on this replica's fan-out consumer. The wait is registered before the command is produced, so an answer can never
 * arrive unseen; an answer that is only a step (see {@code intermediate}) does not end the wait. Thread-safe; answers
 * complete on the caller's context.
 *
 * @param <E> the event family of the topic the answers come from
 */
public final class CommandAnswers<E> {

    private final Vertx vertx;
    private final Function<E, UUID> commandIdOf;
    private final Predicate<E> intermediate;
    private final ConcurrentHashMap<UUID, Waiting<E>> waiting = new ConcurrentHashMap<>();

    private record Waiting<E>(Context context, Promise<Optional<E>> promise) {}

    /**
     * @param commandIdOf the command an event answers
     * @param intermediate events that are followed by the final answer to the same command (e.g. {@code accepted},
     *     which the session topology follows with {@code confirmed} at once)
     */
    public CommandAnswers(Vertx vertx, Function<E, UUID> commandIdOf, Predicate<E> intermediate) {
        this.vertx = vertx;
        this.commandIdOf = commandIdOf;
        this.intermediate = intermediate;
    }

    /**
     * Produces {@code command} to {@code topic} (key = its own key) and waits up to {@code wait} for the answer: empty
     * when none came in time (the command is accepted by Kafka and will still be decided). Fails with the producer's
     * 503 problem when Kafka did not take the command.
     */
    public <C extends Envelope> Future<Optional<E>> send(
            CommandPublisher publisher, Topic<String, C> topic, C command, Duration wait) {
        UUID commandId = command.eventId();
        Context context = vertx.getOrCreateContext();
        Promise<Optional<E>> promise = Promise.promise();
        waiting.put(commandId, new Waiting<>(context, promise));
        long timer = vertx.setTimer(Math.max(1, wait.toMillis()), id -> finish(commandId, null));
        promise.future().onComplete(done -> vertx.cancelTimer(timer));
        return publisher
                .publish(topic, command.key(), command)
                .recover(error -> {
                    waiting.remove(commandId);
                    return Future.failedFuture(error);
                })
                .compose(acked -> promise.future());
    }

    /** Completes the wait an event answers; called on the fan-out thread for every event of the family. */
    public void onEvent(E event) {
        UUID commandId = commandIdOf.apply(event);
        if (commandId != null && !intermediate.test(event)) {
            finish(commandId, event);
        }
    }

    /** Waits still registered (for tests and leak checks). */
    public int size() {
        return waiting.size();
    }

    private void finish(UUID commandId, E event) {
        Waiting<E> done = waiting.remove(commandId);
        if (done != null) {
            done.context().runOnContext(v -> done.promise().tryComplete(Optional.ofNullable(event)));
        }
    }
}
