package com.humanchat.loadgen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Entry point: {@code [chat|idle|typing] --flags…}; exit 0 after a report, 2 on bad arguments, 1 if the run could not
 * be set up or carried out.
 */
public final class LoadGenerator {

    private LoadGenerator() {}

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args)));
    }

    static int run(List<String> args) {
        String mode = "chat";
        List<String> flags = args;
        if (!args.isEmpty() && !args.get(0).startsWith("-")) {
            mode = args.get(0);
            flags = args.subList(1, args.size());
        }
        if (mode.equals("help") || flags.contains("--help") || flags.contains("-h")) {
            Report.usage();
            return 0;
        }
        try {
            return switch (mode) {
                case "chat" -> chat(ChatOptions.parse(flags));
                case "idle" -> idle(IdleOptions.parse(flags));
                case "typing" -> typing(TypingOptions.parse(flags));
                default -> {
                    Report.usageErrors(mode, List.of("unknown mode '" + mode + "' (chat, idle or typing)"));
                    yield 2;
                }
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Report.failed(mode, e);
            return 1;
        } catch (Exception e) {
            // Future.await() rethrows a failure's cause as is, checked exceptions (ConnectException, …) included.
            Report.failed(mode, e);
            return 1;
        }
    }

    private static int chat(ChatOptions options) throws InterruptedException {
        if (!options.errors().isEmpty()) {
            Report.usageErrors("chat", options.errors());
            return 2;
        }
        ChatSummary summary = new ChatLoad(options).run();
        Report.chat(summary, json(summary));
        return write(options.json(), summary);
    }

    private static int idle(IdleOptions options) throws InterruptedException {
        if (!options.errors().isEmpty()) {
            Report.usageErrors("idle", options.errors());
            return 2;
        }
        IdleSummary summary = new IdleLoad(options).run();
        Report.idle(summary, json(summary));
        return write(options.json(), summary);
    }

    private static int typing(TypingOptions options) throws InterruptedException {
        if (!options.errors().isEmpty()) {
            Report.usageErrors("typing", options.errors());
            return 2;
        }
        TypingSummary summary = new TypingLoad(options).run();
        Report.typing(summary, json(summary));
        return write(options.json(), summary);
    }

    private static String json(Object summary) {
        try {
            return new ObjectMapper().writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the summary", e);
        }
    }

    private static int write(Optional<Path> target, Object summary) {
        if (target.isEmpty()) {
            return 0;
        }
        try {
            Path file = target.get().toAbsolutePath();
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), summary);
            Report.phase("summary written to " + file);
            return 0;
        } catch (IOException e) {
            Report.failed("writing " + target.get(), e);
            return 1;
        }
    }
}
