package com.humanchat.loadgen;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A 1 ms periodic timer issues every send of an {@link OpenLoopSchedule} that has fallen due since the last tick, so a
 * late tick sends a burst with the original intended times rather than skipping or shifting them; it never waits for
 * an answer.
 */
final class OpenLoopTicker {

    /** Issues send {@code k}; called on an event loop, in order of {@code k}, so it must not block. */
    interface Sender {
        void send(long k, long intendedNanos, long tickNanos);
    }

    private final Vertx vertx;
    private final OpenLoopSchedule schedule;
    private final AtomicLong issued = new AtomicLong();
    private final Promise<Void> allIssued = Promise.promise();
    private volatile long timerId = -1;

    OpenLoopTicker(Vertx vertx, OpenLoopSchedule schedule) {
        this.vertx = vertx;
        this.schedule = schedule;
    }

    void start(Sender sender) {
        long total = schedule.totalSends();
        if (total == 0) {
            allIssued.tryComplete();
            return;
        }
        timerId = vertx.setPeriodic(1, id -> {
            long now = System.nanoTime();
            long due = schedule.dueBy(now);
            for (long k = issued.get(); k < due; k++) {
                sender.send(k, schedule.intendedNanos(k), now);
            }
            issued.set(due);
            if (due == total) {
                vertx.cancelTimer(id);
                allIssued.tryComplete();
            }
        });
    }

    /** How many sends have been issued so far. */
    long issued() {
        return issued.get();
    }

    /**
     * Blocks until every send is issued, or until {@code graceMillis} after the last one was due; then the timer
     * is stopped and false is returned.
     */
    boolean awaitAllIssued(long graceMillis) {
        long lastSendDue = schedule.endNanos() - System.nanoTime();
        try {
            allIssued.future().await(TimeUnit.NANOSECONDS.toMillis(lastSendDue) + graceMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            vertx.cancelTimer(timerId);
            return false;
        }
    }
}
