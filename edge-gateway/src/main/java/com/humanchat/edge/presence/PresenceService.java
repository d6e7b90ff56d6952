package com.humanchat.edge.presence;

import com.humanchat.edge.chat.ChatReadModel;
import com.humanchat.edge.chat.Membership;
import com.humanchat.edge.presence.PresenceMessages.PresenceChange;
import com.humanchat.edge.presence.PresenceMessages.Resync;
import com.humanchat.edge.presence.PresenceMessages.Typing;
import com.humanchat.edge.safety.BlockedUsers;
import com.humanchat.readmodels.presence.PresenceChannel;
import com.humanchat.readmodels.presence.PresenceReader;
import com.humanchat.readmodels.presence.PresenceStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presence and typing of one edge process, in Redis only. This class keeps the keys: while a user has a socket here,
 * {@code humanchat:presence:<userId>:<replicaId>} (value: the status, TTL {@code HUMANCHAT_PRESENCE_TTL_SECONDS}) is
 * refreshed every third of the TTL, and the replica id is in the set {@code humanchat:presence:<userId>:replicas};
 * a user is online while any of their keys exists. Changes and typing are published on {@value #CHANNEL};
 * {@link PresenceSubscriber} hears them (and expired keys: a replica that died without saying goodbye) on its own
 * connection, and {@link PresenceFanOut} pushes them to this replica's sockets of the users concerned. Every Redis
 * failure is swallowed (presence and typing simply stop); once subscribed again, every replica is asked to republish
 * its users. Never blocks; thread-safe.
 */
public final class PresenceService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PresenceService.class);

    public static final String CHANNEL = PresenceChannel.NAME;
    private static final String KEY_PREFIX = PresenceReader.KEY_PREFIX;
    private static final int HEARTBEAT_BATCH_USERS = 500;

    private final Vertx vertx;
    private final Redis redis;
    private final PresenceReader reader;
    private final PresenceSubscriber subscriber;
    private final PresenceFanOut fanOut;
    private final String replicaId;
    private final long keyTtlSeconds;
    private final Membership membership;
    private final ConcurrentHashMap<UUID, LocalUser> local = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private volatile long heartbeatTimer = -1;

    private record LocalUser(int sockets, String status) {}

    /**
     * @param redis the shared command client
     * @param redisUrl where the dedicated subscriber connection goes (its own one-connection client)
     * @param keyTtl how long a user stays online after their replica stopped refreshing (crash, partition)
     * @param blocked who blocked whom: neither learns the other's presence or typing
     * @param registry gets {@code humanchat.presence.*}: subscriber up, local users, frames pushed by kind
     */
    public PresenceService(
            Vertx vertx,
            Redis redis,
            String redisUrl,
            String replicaId,
            Duration keyTtl,
            LocalSockets sockets,
            Membership membership,
            ChatReadModel readModel,
            BlockedUsers blocked,
            MeterRegistry registry) {
        this.vertx = vertx;
        this.redis = redis;
        this.reader = new PresenceReader(redis);
        this.subscriber = new PresenceSubscriber(vertx, redis, redisUrl, new PresenceSubscriber.Listener() {
            @Override
            public void message(String payload) {
                onMessage(payload);
            }

            @Override
            public void expired(String key) {
                PresenceService.this.expired(key);
            }

            @Override
            public void subscribed() {
                // Everyone (this replica included) republishes its users: what was missed while away is known
                // again, and keys lost with a Redis restart are back at once.
                publish(PresenceMessages.encodeResync());
            }
        });
        this.fanOut = new PresenceFanOut(sockets, membership, readModel, blocked, registry);
        this.replicaId = replicaId;
        this.keyTtlSeconds = Math.max(1, keyTtl.toSeconds());
        this.membership = membership;
        Gauge.builder("humanchat.presence.subscribed", () -> subscriber.subscribed() ? 1 : 0)
                .description("1 while this replica is subscribed to presence and typing in Redis, else 0")
                .register(registry);
        Gauge.builder("humanchat.presence.local.users", local::size)
                .description("users with at least one socket on this replica")
                .register(registry);
    }

    /** Starts the heartbeat and the subscriber; returns at once (Redis may be away). */
    public void start() {
        heartbeatTimer = vertx.setPeriodic(Math.max(1, keyTtlSeconds * 1000 / 3), id -> {
            subscriber.ensureSubscribed();
            heartbeat(false);
        });
        subscriber.connect();
    }

    /**
     * A socket opened on this replica: the user's key is set (and the change published) for their first socket here,
     * and the new socket ({@code snapshot}) is told the status of every co-member currently not offline.
     */
    public void socketOpened(UUID userId, Consumer<JsonObject> snapshot) {
        boolean[] first = {false};
        LocalUser now = local.compute(userId, (u, current) -> {
            if (current == null) {
                first[0] = true;
                return new LocalUser(1, PresenceStatus.ONLINE);
            }
            return new LocalUser(current.sockets() + 1, current.status());
        });
        if (first[0]) {
            refreshKeys(List.of(Map.entry(userId, now.status()))).onComplete(v -> publishEffective(userId));
        }
        fanOut.snapshot(userId, snapshot, this::statusesOf);
    }

    /** A socket of {@code userId} closed on this replica; the last one takes the user's key here away. */
    public void socketClosed(UUID userId) {
        boolean[] last = {false};
        local.computeIfPresent(userId, (u, current) -> {
            if (current.sockets() <= 1) {
                last[0] = true;
                return null;
            }
            return new LocalUser(current.sockets() - 1, current.status());
        });
        if (last[0]) {
            bounded(redis.batch(List.of(
                            Request.cmd(Command.DEL).arg(key(userId)),
                            Request.cmd(Command.SREM).arg(replicasKey(userId)).arg(replicaId))))
                    .onComplete(v -> publishEffective(userId));
        }
    }

    /** The client said {@code presence {status}} (already validated). */
    public void setStatus(UUID userId, String status) {
        LocalUser now = local.computeIfPresent(userId, (u, current) -> new LocalUser(current.sockets(), status));
        if (now != null) {
            refreshKeys(List.of(Map.entry(userId, status))).onComplete(v -> publishEffective(userId));
        }
    }

    /**
     * The client said {@code typing {conversationId, isTyping}}: published if the sender is a member. Completes with
     * the sender's membership (so the caller can answer a non-member); fails only if membership is unknown.
     */
    public Future<Membership.Status> typing(UUID userId, UUID conversationId, boolean isTyping) {
        return membership.of(conversationId, userId).onSuccess(status -> {
            if (status == Membership.Status.MEMBER) {
                publish(PresenceMessages.encode(new Typing(conversationId, userId, isTyping)));
            }
        });
    }

    /**
     * The effective status of one user across replicas ({@code offline} when no key is left). Fails (within the
     * Redis timeout) when Redis cannot answer.
     */
    public Future<String> statusOf(UUID userId) {
        return reader.statusOf(userId);
    }

    /**
     * The effective status of each of {@code users} ({@code offline} for those with no key left), in two pipelined
     * round trips however many they are. Fails (each round trip within the Redis timeout) when Redis cannot answer.
     */
    public Future<Map<UUID, String>> statusesOf(Collection<UUID> users) {
        return reader.statusesOf(users);
    }

    // ---- Redis writes -------------------------------------------------------------------------------------------

    private Future<Void> refreshKeys(List<Map.Entry<UUID, String>> users) {
        if (users.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Request> requests = new ArrayList<>(users.size() * 3);
        for (Map.Entry<UUID, String> user : users) {
            requests.add(Request.cmd(Command.SET)
                    .arg(key(user.getKey()))
                    .arg(user.getValue())
                    .arg("EX")
                    .arg(keyTtlSeconds));
            requests.add(
                    Request.cmd(Command.SADD).arg(replicasKey(user.getKey())).arg(replicaId));
            requests.add(
                    Request.cmd(Command.EXPIRE).arg(replicasKey(user.getKey())).arg(2 * keyTtlSeconds));
        }
        return bounded(redis.batch(requests)).mapEmpty();
    }

    /** Refreshes the keys of every local user (and republishes their presence when {@code publish}). */
    private void heartbeat(boolean publish) {
        if (closed) {
            return;
        }
        List<Map.Entry<UUID, String>> batch = new ArrayList<>();
        for (Map.Entry<UUID, LocalUser> user : local.entrySet()) {
            batch.add(Map.entry(user.getKey(), user.getValue().status()));
            if (batch.size() == HEARTBEAT_BATCH_USERS) {
                flushHeartbeat(batch, publish);
                batch = new ArrayList<>();
            }
        }
        flushHeartbeat(batch, publish);
    }

    private void flushHeartbeat(List<Map.Entry<UUID, String>> batch, boolean publish) {
        refreshKeys(batch).onSuccess(v -> {
            if (publish) {
                batch.forEach(user -> publishEffective(user.getKey()));
            }
        });
    }

    /** Reads the user's status over every replica and publishes it. */
    private void publishEffective(UUID userId) {
        statusOf(userId)
                .onSuccess(status -> publish(PresenceMessages.encode(new PresenceChange(userId, status))))
                .onFailure(e -> LOG.debug("presence of {} not published: {}", userId, e.toString()));
    }

    /**
     * A presence key expired: its replica stopped refreshing it (died, or lost Redis). If that leaves the user offline,
     * this replica's sockets of their co-members are told; every replica hears the expiry, so nothing is published.
     */
    private void expired(String key) {
        if (!key.startsWith(KEY_PREFIX) || key.endsWith(":replicas")) {
            return;
        }
        String rest = key.substring(KEY_PREFIX.length());
        int colon = rest.indexOf(':');
        UUID userId;
        try {
            userId = UUID.fromString(colon < 0 ? rest : rest.substring(0, colon));
        } catch (IllegalArgumentException e) {
            return;
        }
        statusOf(userId)
                .onSuccess(status -> {
                    if (PresenceStatus.OFFLINE.equals(status)) {
                        fanOut.deliver(new PresenceChange(userId, status));
                    }
                })
                .onFailure(e -> LOG.debug("presence expiry of {} not handled: {}", userId, e.toString()));
    }

    /**
     * A conversation was created (seen by every replica's fan-out): its participants' cached co-members are stale,
     * and those with sockets here learn at once the presence of the others that are not offline.
     */
    public void conversationCreated(List<UUID> participants) {
        fanOut.conversationCreated(participants, this::statusesOf);
    }

    private void publish(String payload) {
        bounded(redis.send(Request.cmd(Command.PUBLISH).arg(CHANNEL).arg(payload)))
                .onFailure(e -> LOG.debug("presence publish failed: {}", e.toString()));
    }

    private static <T> Future<T> bounded(Future<T> redisCall) {
        return PresenceReader.bounded(redisCall);
    }

    private String key(UUID userId) {
        return PresenceReader.key(userId, replicaId);
    }

    private static String replicasKey(UUID userId) {
        return PresenceReader.replicasKey(userId);
    }

    private void onMessage(String payload) {
        switch (PresenceMessages.decode(payload)) {
            case PresenceChange change -> fanOut.deliver(change);
            case Typing typing -> fanOut.deliver(typing);
            case Resync resync -> heartbeat(true);
            case null, default -> LOG.debug("presence: unreadable message ignored");
        }
    }

    @Override
    public void close() {
        closed = true;
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
        }
        subscriber.close();
    }
}
