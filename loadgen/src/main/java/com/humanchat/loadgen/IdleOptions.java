package com.humanchat.loadgen;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** The settings of idle mode, validated as a whole: every problem is listed in {@link #errors()}. */
record IdleOptions(
        Endpoint endpoint,
        Endpoint opsEndpoint,
        int sockets,
        int users,
        List<String> sourceAddresses,
        int registerConcurrency,
        int connectConcurrency,
        int eventLoops,
        int pingIntervalSeconds,
        int settleSeconds,
        int heapSamples,
        int samplePauseSeconds,
        int holdSeconds,
        OptionalLong edgePid,
        boolean compress,
        Optional<Path> json,
        List<String> errors) {

    static final Set<String> FLAGS = Set.of(
            "url",
            "ops-url",
            "sockets",
            "users",
            "source-addresses",
            "register-concurrency",
            "connect-concurrency",
            "event-loops",
            "ping-interval",
            "settle",
            "heap-samples",
            "sample-pause",
            "hold",
            "edge-pid",
            "compress",
            "json");

    static final Set<String> SWITCHES = Set.of("compress");

    /** Below the usual 28,232 ephemeral ports of one source address, with room for other connections. */
    static final int SOCKETS_PER_SOURCE_ADDRESS = 28_000;

    static IdleOptions parse(List<String> args) {
        Flags flags = Flags.parse(args, FLAGS, SWITCHES);
        Endpoint endpoint = flags.endpoint("url", "http://127.0.0.1:8080");
        // The edge serves /metrics on its ops port only (HUMANCHAT_OPS_HTTP_PORT), never on the public one.
        Endpoint opsEndpoint = flags.endpoint("ops-url", "http://127.0.0.1:8081");
        int sockets = flags.integer("sockets", 10_000, 1, 10_000_000);
        int users = flags.integer("users", 100, 1, 1_000_000);
        List<String> sourceAddresses = flags.list("source-addresses", List.of());
        if (!sourceAddresses.isEmpty() && (long) sourceAddresses.size() * SOCKETS_PER_SOURCE_ADDRESS < sockets) {
            flags.error("--sockets " + sockets + " needs at least "
                    + ((sockets + SOCKETS_PER_SOURCE_ADDRESS - 1) / SOCKETS_PER_SOURCE_ADDRESS)
                    + " --source-addresses (about " + SOCKETS_PER_SOURCE_ADDRESS + " ephemeral ports each)");
        } else if (sourceAddresses.isEmpty() && sockets > SOCKETS_PER_SOURCE_ADDRESS) {
            flags.error("--sockets " + sockets + " exceeds one source address's ephemeral ports: pass"
                    + " --source-addresses 127.0.0.1,127.0.0.2,…");
        }
        int registerConcurrency = flags.integer("register-concurrency", 16, 1, 1_024);
        int connectConcurrency = flags.integer("connect-concurrency", 256, 1, 100_000);
        int eventLoops = flags.integer("event-loops", 2, 1, 256);
        int pingInterval = flags.integer("ping-interval", 20, 1, 3_600);
        int settle = flags.integer("settle", 10, 0, 3_600);
        int heapSamples = flags.integer("heap-samples", 3, 1, 100);
        int samplePause = flags.integer("sample-pause", 2, 0, 600);
        int hold = flags.integer("hold", 0, 0, 86_400);
        OptionalLong edgePid = OptionalLong.empty();
        Optional<String> pid = flags.optional("edge-pid");
        if (pid.isPresent()) {
            try {
                edgePid = OptionalLong.of(Long.parseLong(pid.get().strip()));
            } catch (NumberFormatException e) {
                flags.error("--edge-pid must be a process id, got '" + pid.get() + "'");
            }
        }
        Optional<Path> json = flags.optional("json").map(Path::of);
        return new IdleOptions(
                endpoint,
                opsEndpoint,
                sockets,
                Math.min(users, sockets),
                sourceAddresses,
                registerConcurrency,
                connectConcurrency,
                eventLoops,
                pingInterval,
                settle,
                heapSamples,
                samplePause,
                hold,
                edgePid,
                flags.on("compress"),
                json,
                flags.errors());
    }
}
