package com.humanchat.infra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A real redis-server 6.2 (the binary packaged in codemonstur's embedded-redis, run as a child process) on 127.0.0.1
 * with persistence off: it starts empty every time, and {@link #stop()} / {@link #start()} reuse its port.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedisServer.class);

    private static final String HOST = "127.0.0.1";
    private static final int ATTEMPTS_ON_FREE_PORTS = 3;

    private final int port;
    private final RedisServer server;

    private EmbeddedRedisServer(int port, RedisServer server) {
        this.port = port;
        this.server = server;
    }

    /**
     * Starts a server.
     *
     * @param port the port on 127.0.0.1, or 0 for a free one
     */
    public static EmbeddedRedisServer start(int port) {
        FreePort.requireValidPort(port);
        for (int attempt = 1; ; attempt++) {
            int chosen = port == 0 ? FreePort.pick() : port;
            EmbeddedRedisServer redis = new EmbeddedRedisServer(chosen, build(chosen));
            try {
                redis.start();
                return redis;
            } catch (UncheckedIOException e) {
                boolean lostPortRace = port == 0 && FreePort.isBindFailure(e);
                if (!lostPortRace || attempt == ATTEMPTS_ON_FREE_PORTS) {
                    throw e;
                }
                LOG.info("Another process took port {}; trying another free port", chosen);
            }
        }
    }

    private static RedisServer build(int port) {
        try {
            return RedisServer.newRedisServer()
                    .bind(HOST)
                    .port(port)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    // "Ready to accept connections", which start() waits for, is logged at notice level.
                    .setting("loglevel notice")
                    // Send SIGTERM and wait for the process to exit, so the port is free when stop() returns.
                    .onShutdownForceStop(false)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the redis-server binary", e);
        }
    }

    /** {@code redis://127.0.0.1:PORT}. */
    public String url() {
        return "redis://" + HOST + ":" + port;
    }

    public String host() {
        return HOST;
    }

    /** The port; it stays the same across {@link #stop()} and {@link #start()}. */
    public int port() {
        return port;
    }

    public boolean isRunning() {
        return server.isActive();
    }

    /** Starts a stopped server again on the same port, empty; does nothing if it is running. */
    public void start() {
        if (server.isActive()) {
            return;
        }
        long startedAt = System.nanoTime();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not start on " + HOST + ":" + port, e);
        }
        LOG.info("Redis started on {}:{} in {} ms", HOST, port, (System.nanoTime() - startedAt) / 1_000_000);
    }

    /** Stops the server and waits for its process to exit; clients then get "connection refused". */
    public void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop Redis on " + HOST + ":" + port, e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "EmbeddedRedisServer[" + url() + "]";
    }
}
