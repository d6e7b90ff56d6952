package com.humanchat.loadgen;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The settings of typing mode, validated as a whole: every problem is listed in {@link #errors()}. */
record TypingOptions(
        Endpoint endpoint,
        Optional<Endpoint> receiverEndpoint,
        int pairs,
        double rate,
        double presenceShare,
        int warmupSeconds,
        int durationSeconds,
        int drainSeconds,
        int timeoutSeconds,
        int readyTimeoutSeconds,
        int registerConcurrency,
        int connectConcurrency,
        int eventLoops,
        int pingIntervalSeconds,
        boolean compress,
        Optional<Path> json,
        List<String> errors) {

    /**
     * The edge accepts 5 typing frames per 2 s per socket and drops the rest; 2 events/s per sender leaves room for
     * a late scheduler tick.
     */
    static final double MAX_EVENTS_PER_SENDER = 2.0;

    static final Set<String> FLAGS = Set.of(
            "url",
            "url2",
            "pairs",
            "rate",
            "presence-share",
            "warmup",
            "duration",
            "drain",
            "timeout",
            "ready-timeout",
            "register-concurrency",
            "connect-concurrency",
            "event-loops",
            "ping-interval",
            "compress",
            "json");

    static final Set<String> SWITCHES = Set.of("compress");

    static TypingOptions parse(List<String> args) {
        Flags flags = Flags.parse(args, FLAGS, SWITCHES);
        Endpoint endpoint = flags.endpoint("url", "http://127.0.0.1:8080");
        Optional<Endpoint> receiverEndpoint = flags.optionalEndpoint("url2");
        int pairs = flags.integer("pairs", 2500, 1, 500_000);
        double rate = flags.decimal("rate", 5000, 0, 10_000_000);
        if (pairs >= 1 && rate / pairs > MAX_EVENTS_PER_SENDER) {
            flags.error(String.format(
                    Locale.ROOT,
                    "--rate %s over --pairs %d is %.2f events/s per sender, above %.0f: the edge drops typing frames"
                            + " past 5 per 2 s per socket; raise --pairs to at least %d or lower --rate to %.0f",
                    format(rate),
                    pairs,
                    rate / pairs,
                    MAX_EVENTS_PER_SENDER,
                    (long) Math.ceil(rate / MAX_EVENTS_PER_SENDER),
                    pairs * MAX_EVENTS_PER_SENDER));
        }
        double presenceShare = flags.fraction("presence-share", 0.2);
        int warmup = flags.integer("warmup", 10, 0, 86_400);
        int duration = flags.integer("duration", 60, 1, 86_400);
        int drain = flags.integer("drain", 5, 0, 3_600);
        int timeout = flags.integer("timeout", 10, 1, 60);
        int readyTimeout = flags.integer("ready-timeout", 30, 0, 3_600);
        int registerConcurrency = flags.integer("register-concurrency", 16, 1, 1_024);
        int connectConcurrency = flags.integer("connect-concurrency", 64, 1, 10_000);
        int eventLoops = flags.integer("event-loops", 2, 1, 256);
        int pingInterval = flags.integer("ping-interval", 20, 1, 3_600);
        Optional<Path> json = flags.optional("json").map(Path::of);
        return new TypingOptions(
                endpoint,
                receiverEndpoint,
                pairs,
                rate,
                presenceShare,
                warmup,
                duration,
                drain,
                timeout,
                readyTimeout,
                registerConcurrency,
                connectConcurrency,
                eventLoops,
                pingInterval,
                flags.on("compress"),
                json,
                flags.errors());
    }

    /** Where the receivers' sockets go: {@code --url2}, else {@code --url}. */
    Endpoint receivers() {
        return receiverEndpoint.orElse(endpoint);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
