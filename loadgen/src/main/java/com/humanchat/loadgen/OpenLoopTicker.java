package com.humanchat.loadgen;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A 1 ms periodic timer issues every send of an {@link OpenLoopSchedule} that has fallen due since the last tick, so a
 * late tick sends a burst with the original intended times rather than skipping or shifting them; it never waits for
 * an answer.
 */
final class OpenLoopTicker {

    private static final long PROGRESS_EVERY_SECONDS = 5;
    private static final long SCHEDULER_GRACE_MILLIS = 30_000;

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
     * The head of the progress line every few seconds ({@code t=10s measuring issued=1234}), null between them.
     *
     * @param measureFromNanos where the warm-up ends
     */
    String progress(long nowNanos, long measureFromNanos) {
        long elapsed = TimeUnit.NANOSECONDS.toSeconds(nowNanos - schedule.startNanos());
        if (elapsed <= 0 || elapsed % PROGRESS_EVERY_SECONDS != 0) {
            return null;
        }
        long issuedSoFar = issued();
        String stage = nowNanos < measureFromNanos
                ? "warm-up"
                : issuedSoFar < schedule.totalSends() ? "measuring" : "draining";
        return "t=" + elapsed + "s " + stage + " issued=" + issuedSoFar;
    }

    /**
     * Blocks until every send is issued (warning if the scheduler had not issued them all when the run should have
     * ended), then for up to {@code drainSeconds} while {@code outstanding} still counts sends awaiting their answer.
     *
     * @param sends what the sends are, for the warning and the progress ({@code "sends"}, {@code "events"})
     */
    void awaitIssuedAndDrain(String sends, int drainSeconds, LongSupplier outstanding) throws InterruptedException {
        if (!awaitAllIssued()) {
            Report.warn("the scheduler had issued only " + issued() + " of " + schedule.totalSends() + " " + sends
                    + " when the run should have ended; reporting what was sent");
        }
        Report.phase("all " + sends + " issued; draining for up to " + drainSeconds + " s");
        long drainEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainSeconds);
        while (System.nanoTime() < drainEnd && outstanding.getAsLong() > 0) {
            Thread.sleep(50);
        }
    }

    /** Waits until every send is issued, or the grace after the last one was due; then stops the timer: false. */
    private boolean awaitAllIssued() {
        long lastSendDue = schedule.endNanos() - System.nanoTime();
        try {
            allIssued
                    .future()
                    .await(TimeUnit.NANOSECONDS.toMillis(lastSendDue) + SCHEDULER_GRACE_MILLIS, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            vertx.cancelTimer(timerId);
            return false;
        }
    }
}
