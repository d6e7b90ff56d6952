package com.humanchat.edge.account;

import io.vertx.core.Vertx;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link AccountDeletion#eraseDue()} every {@link #INTERVAL} (and once at start) on each replica; a round still
 * running when the next is due is not doubled. Replicas share the work through the row locks of the erasure.
 */
public final class DeletionSchedule {

    public static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(DeletionSchedule.class);

    private final Vertx vertx;
    private final AccountDeletion deletion;
    private long timerId = -1;
    private boolean running;

    public DeletionSchedule(Vertx vertx, AccountDeletion deletion) {
        this.vertx = vertx;
        this.deletion = deletion;
    }

    public void start() {
        vertx.runOnContext(v -> {
            round();
            timerId = vertx.setPeriodic(INTERVAL.toMillis(), id -> round());
        });
    }

    public void stop() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    private void round() {
        if (running) {
            return;
        }
        running = true;
        deletion.eraseDue()
                .onFailure(e -> LOG.warn("erasing deleted accounts failed, retrying next round: {}", e.toString()))
                .onComplete(done -> running = false);
    }
}
