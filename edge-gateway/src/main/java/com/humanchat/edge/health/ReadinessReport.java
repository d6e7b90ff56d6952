package com.humanchat.edge.health;

import java.util.ArrayList;
import java.util.List;

/**
 * The state of each dependency; ready when Kafka, PostgreSQL and fan-out are up, whatever Redis does (chat works
 * without it).
 */
public record ReadinessReport(boolean kafka, boolean postgres, boolean redis, boolean fanOut) {

    public boolean ready() {
        return kafka && postgres && fanOut;
    }

    /** Dependencies that are down without making the edge unready. */
    public List<String> degraded() {
        return redis ? List.of() : List.of("redis");
    }

    /** One sentence per dependency that is down, saying what it costs. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (!kafka) {
            notes.add("kafka is down: sends answer 503 and no events are pushed");
        }
        if (!postgres) {
            notes.add("postgres is down: sign-in, history and sync are unavailable");
        }
        if (!fanOut) {
            notes.add("fan-out consumer is not running: sockets get no live events");
        }
        if (!redis) {
            notes.add("redis is down: presence and typing are paused; chat keeps working, so the edge stays ready");
        }
        return notes;
    }
}
