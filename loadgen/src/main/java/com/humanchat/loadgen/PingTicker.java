package com.humanchat.loadgen;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pings every registered socket once per interval, one slice of them each second, so the pings of many sockets
 * never arrive as a single burst.
 */
final class PingTicker {

    private final Vertx vertx;
    private final int intervalSeconds;
    private final List<LoadSocket> sockets = new ArrayList<>();
    private final AtomicLong pingsSent = new AtomicLong();
    private long timerId = -1;
    private long tick;

    PingTicker(Vertx vertx, int intervalSeconds) {
        if (intervalSeconds < 1) {
            throw new IllegalArgumentException("ping interval must be >= 1 s, got " + intervalSeconds);
        }
        this.vertx = vertx;
        this.intervalSeconds = intervalSeconds;
    }

    synchronized void add(LoadSocket socket) {
        sockets.add(socket);
    }

    synchronized void start() {
        if (timerId < 0) {
            timerId = vertx.setPeriodic(1_000, id -> pingSlice());
        }
    }

    synchronized void stop() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
    }

    long pingsSent() {
        return pingsSent.get();
    }

    private synchronized void pingSlice() {
        int slot = (int) (tick++ % intervalSeconds);
        for (int i = slot; i < sockets.size(); i += intervalSeconds) {
            LoadSocket socket = sockets.get(i);
            if (!socket.isClosed()) {
                socket.ping();
                pingsSent.incrementAndGet();
            }
        }
    }
}
