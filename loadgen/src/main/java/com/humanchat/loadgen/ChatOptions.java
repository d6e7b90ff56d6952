package com.humanchat.loadgen;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The settings of chat mode, validated as a whole: every problem is listed in {@link #errors()}. */
record ChatOptions(
        Endpoint endpoint,
        int users,
        double rate,
        int warmupSeconds,
        int durationSeconds,
        int drainSeconds,
        int timeoutSeconds,
        int messageBytes,
        int registerConcurrency,
        int connectConcurrency,
        int eventLoops,
        int pingIntervalSeconds,
        boolean compress,
        Optional<Path> json,
        List<String> errors) {

    static final Set<String> FLAGS = Set.of(
            "url",
            "users",
            "rate",
            "warmup",
            "duration",
            "drain",
            "timeout",
            "message-bytes",
            "register-concurrency",
            "connect-concurrency",
            "event-loops",
            "ping-interval",
            "compress",
            "json");

    static final Set<String> SWITCHES = Set.of("compress");

    static ChatOptions parse(List<String> args) {
        Flags flags = Flags.parse(args, FLAGS, SWITCHES);
        Endpoint endpoint = flags.endpoint("url", "http://127.0.0.1:8080");
        int users = flags.integer("users", 1000, 2, 1_000_000);
        if (users % 2 != 0) {
            flags.error("--users must be even (users are paired 2i <-> 2i+1), got " + users);
        }
        double rate = flags.decimal("rate", 2000, 0, 10_000_000);
        int warmup = flags.integer("warmup", 10, 0, 86_400);
        int duration = flags.integer("duration", 30, 1, 86_400);
        int drain = flags.integer("drain", 10, 0, 3_600);
        int timeout = flags.integer("timeout", 60, 1, 60);
        int messageBytes = flags.integer("message-bytes", 64, 1, 1_000_000);
        int registerConcurrency = flags.integer("register-concurrency", 16, 1, 1_024);
        int connectConcurrency = flags.integer("connect-concurrency", 64, 1, 10_000);
        int eventLoops = flags.integer("event-loops", 2, 1, 256);
        int pingInterval = flags.integer("ping-interval", 20, 1, 3_600);
        Optional<Path> json = flags.optional("json").map(Path::of);
        return new ChatOptions(
                endpoint,
                users,
                rate,
                warmup,
                duration,
                drain,
                timeout,
                messageBytes,
                registerConcurrency,
                connectConcurrency,
                eventLoops,
                pingInterval,
                flags.on("compress"),
                json,
                flags.errors());
    }

    int pairs() {
        return users / 2;
    }

    /** The in-flight map should stay below this many entries: a send older than the timeout is lost. */
    long inFlightBound() {
        return (long) Math.ceil(rate * timeoutSeconds);
    }
}
