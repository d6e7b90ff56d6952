package com.humanchat.notifier;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * When the dispatcher runs its next round: soon after the consumer stored something, when the earliest work waiting in
 * PostgreSQL falls due, and otherwise once per {@code rescan} (work another replica left behind) — never sooner than
 * {@code minPause} after the last round. An idle notifier thus sends no query between rescans, where a fixed tick
 * asked PostgreSQL four times a second for nothing.
 */
final class DispatchSignal {

    private final long minPauseNanos;
    private final long rescanNanos;
    private boolean requested; // guarded by this
    private boolean closed; // guarded by this

    DispatchSignal(Duration minPause, Duration rescan) {
        this.minPauseNanos = minPause.toNanos();
        this.rescanNanos = rescan.toNanos();
    }

    /** Asks for a round soon: the consumer stored events that may have made work. Safe from any thread. */
    synchronized void request() {
        requested = true;
        notifyAll();
    }

    /** Ends every wait; {@link #awaitNextRound} returns false from now on. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** Called as a round starts: a request made during the round asks for another one. */
    synchronized void roundStarting() {
        requested = false;
    }

    /**
     * Waits until the next round is due.
     *
     * @param dueIn how soon the earliest known work falls due (zero or negative: already due), or null when none waits
     * @return false once closed
     */
    synchronized boolean awaitNextRound(Duration dueIn) throws InterruptedException {
        long start = System.nanoTime();
        long earliest = start + minPauseNanos;
        long untilDue = dueIn == null ? rescanNanos : Math.clamp(dueIn.toNanos(), 0, rescanNanos);
        long latest = Math.max(earliest, start + untilDue);
        while (!closed) {
            long wait = (requested ? earliest : latest) - System.nanoTime();
            if (wait <= 0) {
                return true;
            }
            TimeUnit.NANOSECONDS.timedWait(this, wait);
        }
        return false;
    }
}
