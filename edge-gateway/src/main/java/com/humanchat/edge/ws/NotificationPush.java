package com.humanchat.edge.ws;

import com.humanchat.edge.notifications.NotificationReadModel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Pool;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes {@code {"type": "notifications", "unreadCount": n}} to a user's sockets on this replica when their
 * notifications change: the notifier's inserts and read marks fire a trigger (V70) that notifies channel {@value
 * #CHANNEL} with the user id once the transaction commits; every replica listens. A notification missed while the
 * listening connection was down is still in {@code GET /api/notifications}, which the client reads when it reconnects.
 */
public final class NotificationPush implements AutoCloseable {

    static final String CHANNEL = "notifications";
    private static final Logger LOG = LoggerFactory.getLogger(NotificationPush.class);
    private static final long RECONNECT_MILLIS = 1_000;

    private final NotificationReadModel reads;
    private final SocketRegistry sockets;
    private final PgSubscriber subscriber;

    public NotificationPush(Vertx vertx, Pool pg, PgConnectOptions listen, SocketRegistry sockets) {
        this.reads = new NotificationReadModel(pg);
        this.sockets = sockets;
        this.subscriber = PgSubscriber.subscriber(vertx, listen).reconnectPolicy(retries -> RECONNECT_MILLIS);
        subscriber.channel(CHANNEL).handler(this::changed);
    }

    /** Connects the listening connection; once up, its reconnect policy keeps it up. Never fails the start. */
    public void start() {
        subscriber.connect().onFailure(e -> LOG.warn("notification push not listening yet: {}", e.toString()));
    }

    private void changed(String payload) {
        UUID user;
        try {
            user = UUID.fromString(payload);
        } catch (IllegalArgumentException e) {
            return;
        }
        if (!sockets.hasSockets(user)) {
            return;
        }
        reads.unreadCount(user)
                .onSuccess(unread -> sockets.push(
                        user,
                        OutboundFrame.of(
                                new JsonObject().put("type", "notifications").put("unreadCount", unread))))
                .onFailure(e -> LOG.debug("notification push: unread count of {} not read: {}", user, e.toString()));
    }

    @Override
    public void close() {
        subscriber.close();
    }
}
