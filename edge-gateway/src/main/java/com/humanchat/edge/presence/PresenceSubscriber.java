package com.humanchat.edge.presence;

import com.humanchat.readmodels.presence.PresenceChannel;
import com.humanchat.readmodels.presence.PresenceReader;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replica's one dedicated Redis connection for pub/sub: subscribed to the presence channel and to expired-key
 * events, reconnecting by itself whenever it is lost (every {@value #RECONNECT_MILLIS} ms at most), and telling its
 * listener each time it is subscribed again, since what was published meanwhile is gone.
 */
final class PresenceSubscriber implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PresenceSubscriber.class);
    private static final String EXPIRED_PATTERN = "__keyevent@*__:expired";
    private static final long RECONNECT_MILLIS = 1_000;

    /** What the subscription hears; called on the connection's context. */
    interface Listener {
        /** A message on the presence channel (still encoded). */
        void message(String payload);

        /** A key expired somewhere in Redis. */
        void expired(String key);

        /** Subscribed (again): anything published while away was missed. */
        void subscribed();
    }

    private final Vertx vertx;
    private final Redis commands;
    private final Redis client;
    private final Listener listener;
    private final AtomicBoolean reconnectScheduled = new AtomicBoolean();
    private final AtomicBoolean connecting = new AtomicBoolean();
    private volatile RedisConnection connection;
    private volatile boolean closed;

    /**
     * @param commands the shared command client (for {@code CONFIG SET})
     * @param redisUrl where the dedicated connection goes (its own one-connection client)
     */
    PresenceSubscriber(Vertx vertx, Redis commands, String redisUrl, Listener listener) {
        this.vertx = vertx;
        this.commands = commands;
        this.client = Redis.createClient(
                vertx, new RedisOptions().setConnectionString(redisUrl).setMaxPoolSize(1));
        this.listener = listener;
    }

    boolean subscribed() {
        return connection != null;
    }

    /** Connects now if not subscribed (and not already trying). */
    void ensureSubscribed() {
        if (connection == null) {
            scheduleReconnect(0);
        }
    }

    void connect() {
        if (closed || !connecting.compareAndSet(false, true)) {
            return;
        }
        PresenceReader.bounded(client.connect())
                .compose(connection -> {
                    connection.handler(this::onPush);
                    connection.exceptionHandler(e -> lost(connection, e.toString()));
                    connection.endHandler(v -> lost(connection, "connection ended"));
                    return PresenceReader.bounded(connection.send(
                                    Request.cmd(Command.SUBSCRIBE).arg(PresenceChannel.NAME)))
                            .compose(v -> PresenceReader.bounded(connection.send(
                                    Request.cmd(Command.PSUBSCRIBE).arg(EXPIRED_PATTERN))))
                            .map(connection)
                            .onFailure(e -> connection.close());
                })
                .onComplete(done -> connecting.set(false))
                .onSuccess(connection -> {
                    if (closed) {
                        connection.close();
                        return;
                    }
                    this.connection = connection;
                    LOG.info("presence: subscribed to {}", PresenceChannel.NAME);
                    enableExpiryNotifications();
                    listener.subscribed();
                })
                .onFailure(e -> {
                    LOG.debug("presence: subscriber not connected: {}", e.toString());
                    scheduleReconnect(RECONNECT_MILLIS);
                });
    }

    private void lost(RedisConnection lost, String why) {
        if (connection == lost) {
            connection = null;
            LOG.info("presence: subscriber lost ({}); reconnecting", why);
            lost.close();
            scheduleReconnect(RECONNECT_MILLIS);
        }
    }

    private void scheduleReconnect(long delayMillis) {
        if (closed || !reconnectScheduled.compareAndSet(false, true)) {
            return;
        }
        vertx.setTimer(Math.max(1, delayMillis), id -> {
            reconnectScheduled.set(false);
            if (connection == null) {
                connect();
            }
        });
    }

    /**
     * Asks Redis to announce expired keys ({@code notify-keyspace-events Ex}). A server that refuses (a managed Redis
     * with CONFIG disabled) still works: a dead replica's users then turn offline for readers of their profile once the
     * TTL passes, without a push to their co-members.
     */
    private void enableExpiryNotifications() {
        PresenceReader.bounded(commands.send(Request.cmd(Command.CONFIG)
                        .arg("SET")
                        .arg("notify-keyspace-events")
                        .arg("Ex")))
                .onFailure(e -> LOG.warn(
                        "presence: Redis refused to announce expired keys ({}); set notify-keyspace-events Ex on the"
                                + " server so that users of a crashed edge replica are pushed offline",
                        e.toString()));
    }

    private void onPush(Response push) {
        if (push != null && push.size() == 4 && "pmessage".equals(String.valueOf(push.get(0)))) {
            listener.expired(String.valueOf(push.get(3)));
        } else if (push != null && push.size() >= 3 && "message".equals(String.valueOf(push.get(0)))) {
            listener.message(String.valueOf(push.get(2)));
        }
    }

    @Override
    public void close() {
        closed = true;
        RedisConnection open = connection;
        connection = null;
        if (open != null) {
            open.close();
        }
        client.close();
    }
}
