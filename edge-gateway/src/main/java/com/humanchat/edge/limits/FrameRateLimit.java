package com.humanchat.edge.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/**
 * The frame budget of one WebSocket: {@code framesPerSecond} tokens refilled greedily. A flood is told once that it
 * is throttled (the first refused frame), not once per dropped frame, so the answers cannot fill the send queue.
 */
public final class FrameRateLimit {

    /** What to do with an incoming frame. */
    public enum Decision {
        ACCEPT,
        /** Drop the frame and tell the client it is rate limited. */
        REJECT_AND_NOTIFY,
        /** Drop the frame silently: the client was already told. */
        REJECT
    }

    private final Bucket bucket;
    private boolean throttled;

    public FrameRateLimit(int framesPerSecond) {
        this(framesPerSecond, TimeMeter.SYSTEM_NANOTIME);
    }

    FrameRateLimit(int framesPerSecond, TimeMeter time) {
        this.bucket = Bucket.builder()
                .addLimit(limit -> limit.capacity(framesPerSecond).refillGreedy(framesPerSecond, Duration.ofSeconds(1)))
                .withCustomTimePrecision(time)
                .build();
    }

    /** Called on the socket's event loop only. */
    public Decision onFrame() {
        if (bucket.tryConsume(1)) {
            throttled = false;
            return Decision.ACCEPT;
        }
        if (throttled) {
            return Decision.REJECT;
        }
        throttled = true;
        return Decision.REJECT_AND_NOTIFY;
    }
}
