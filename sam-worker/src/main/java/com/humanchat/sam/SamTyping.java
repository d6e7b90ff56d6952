package com.humanchat.sam;

import com.humanchat.readmodels.presence.PresenceChannel;
import com.humanchat.schemas.SystemActors;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sam "typing" in a Sam conversation while a request is answered, the way a person's typing reaches the other member:
 * a {@code typing} payload on the edge replicas' presence channel in Redis, repeated every {@link #REPEAT} (clients
 * show typing for a few seconds after each), until the answer is in; the answer's arrival ends it in the client.
 * Redis failures are only logged: Sam answers without the indicator.
 */
final class SamTyping {

    /** Shorter than the time a client keeps showing a typing indicator after the last frame (6 s in the web client). */
    static final Duration REPEAT = Duration.ofMillis(2_500);

    private static final Logger LOG = LoggerFactory.getLogger(SamTyping.class);

    private final Vertx vertx;
    private final Redis redis;

    SamTyping(Vertx vertx, Redis redis) {
        this.vertx = vertx;
        this.redis = redis;
    }

    /** Sam types in {@code conversationId} from now until the returned handle is closed. */
    AutoCloseable start(UUID conversationId) {
        publish(conversationId, true);
        long timer = vertx.setPeriodic(REPEAT.toMillis(), id -> publish(conversationId, true));
        return () -> vertx.cancelTimer(timer);
    }

    private void publish(UUID conversationId, boolean isTyping) {
        redis.send(Request.cmd(Command.PUBLISH)
                        .arg(PresenceChannel.NAME)
                        .arg(PresenceChannel.typing(conversationId, SystemActors.SAM, isTyping)))
                .onFailure(e -> LOG.debug("Sam's typing in {} not published: {}", conversationId, e.toString()));
    }
}
