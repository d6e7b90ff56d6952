package com.humanchat.edge.health;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * What {@code /health/live} asks besides the event loop answering: the liveness of workers running in the same process
 * (the standalone registers its Streams apps', projector's, Sam worker's and payments worker's consumer loops). A
 * separately deployed edge registers none and is live while it answers.
 */
public final class LivenessChecks {

    private final Map<String, BooleanSupplier> checks = new ConcurrentHashMap<>();

    /** Adds (or replaces) the check named {@code name}; any thread. */
    public void register(String name, BooleanSupplier live) {
        checks.put(name, live);
    }

    /** The names of the checks that say DOWN now, sorted; empty while everything is alive. */
    List<String> down() {
        return checks.entrySet().stream()
                .filter(check -> !check.getValue().getAsBoolean())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }
}
