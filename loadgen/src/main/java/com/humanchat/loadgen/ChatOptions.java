package com.humanchat.loadgen;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The settings of chat mode, validated as a whole: every problem is listed in {@link #errors()}. */
record ChatOptions(
        Endpoint endpoint,
        int users,
        int conversationsPerUser,
        double groupShare,
        int groupSize,
        boolean reads,
        double typingShare,
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
            "conversations-per-user",
            "group-share",
            "group-size",
            "reads",
            "typing-share",
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

    static final Set<String> SWITCHES = Set.of("compress", "reads");

    static ChatOptions parse(List<String> args) {
        Flags flags = Flags.parse(args, FLAGS, SWITCHES);
        Endpoint endpoint = flags.endpoint("url", "http://127.0.0.1:8080");
        int problemsBeforeShape = flags.errors().size();
        int users = flags.integer("users", 1000, 2, 1_000_000);
        int conversationsPerUser = flags.integer("conversations-per-user", 1, 1, 10_000);
        double groupShare = flags.fraction("group-share", 0);
        int groupSize =
                flags.integer("group-size", 5, ConversationPlan.MIN_GROUP_SIZE, ConversationPlan.MAX_GROUP_SIZE);
        if (flags.errors().size() == problemsBeforeShape) {
            ConversationPlan.problems(users, conversationsPerUser, groupShare, groupSize)
                    .forEach(flags::error);
        }
        double rate = flags.decimal("rate", 2000, 0, 10_000_000);
        double typingShare = flags.fraction("typing-share", 0);
        // Every user sends rate / users messages per second, whatever the shape (see ConversationPlan).
        double typingPerUser = users > 0 ? rate / users * typingShare : 0;
        if (typingPerUser > TypingOptions.MAX_EVENTS_PER_SENDER) {
            flags.error(String.format(
                    Locale.ROOT,
                    "--typing-share %s of --rate %s over --users %d is %.2f typing frames/s per user, above %.0f: the"
                            + " edge drops typing frames past 5 per 2 s per socket; lower --typing-share or --rate,"
                            + " or raise --users",
                    typingShare,
                    rate,
                    users,
                    typingPerUser,
                    TypingOptions.MAX_EVENTS_PER_SENDER));
        }
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
                conversationsPerUser,
                groupShare,
                groupSize,
                flags.on("reads"),
                typingShare,
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

    /** Who talks with whom; call it only when {@link #errors()} is empty. */
    ConversationPlan plan() {
        return ConversationPlan.build(users, conversationsPerUser, groupShare, groupSize);
    }

    /** The in-flight map should stay below this many entries: a send older than the timeout is lost. */
    long inFlightBound() {
        return (long) Math.ceil(rate * timeoutSeconds);
    }
}
