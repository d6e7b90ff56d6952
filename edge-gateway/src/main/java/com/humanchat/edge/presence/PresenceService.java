package com.humanchat.edge.presence;

import com.humanchat.edge.chat.ChatReadModel;
import com.humanchat.edge.chat.Membership;
import com.humanchat.edge.presence.PresenceMessages.PresenceChange;
import com.humanchat.edge.presence.PresenceMessages.Resync;
import com.humanchat.edge.presence.PresenceMessages.Typing;
import com.humanchat.readmodels.presence.PresenceChannel;
import com.humanchat.readmodels.presence.PresenceReader;
import com.humanchat.readmodels.presence.PresenceStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presence and typing of one edge process, in Redis only. While a user has a socket here, the key
 * {@code humanchat:presence:<userId>:<replicaId>} (value: the status, TTL {@code HUMANCHAT_PRESENCE_TTL_SECONDS}) is
 * refreshed every third of the TTL, and the replica id is in the set {@code humanchat:presence:<userId>:replicas};
 * a user is online while any of their keys exists. Changes and typing go through the pub/sub channel
 * {@value #CHANNEL}; every replica pushes them to its own sockets of the users concerned. When a replica dies without
 * saying goodbye its keys expire: every replica hears the expiry (Redis keyspace notifications, switched on at start
 * where the server allows it) and pushes {@code offline} to its own sockets of the co-members. Every Redis failure is
 * swallowed (presence and typing simply stop); the subscriber reconnects by itself and, once subscribed again, asks
 * every replica to republish its users. Never blocks; thread-safe.
 */
public final class PresenceService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PresenceService.class);

    public static final String CHANNEL = PresenceChannel.NAME;
    private static final String EXPIRED_PATTERN = "__keyevent@*__:expired";
    private static final String KEY_PREFIX = PresenceReader.KEY_PREFIX;
    private static final long RECONNECT_MILLIS = 1_000;
    private static final long CO_MEMBERS_TTL_MILLIS = 30_000;
    private static final int MAX_CACHED_CO_MEMBERS = 100_000;
    private static final int HEARTBEAT_BATCH_USERS = 500;
    private static final int MAX_SNAPSHOT_USERS = 1_000;

    private final Vertx vertx;
    private final Redis redis;
    private final PresenceReader reader;
    private final Redis subscriberClient;
    private final String replicaId;
    private final long keyTtlSeconds;
    private final LocalSockets sockets;
    private final Membership membership;
    private final ChatReadModel readModel;
    private final ConcurrentHashMap<UUID, LocalUser> local = new ConcurrentHashMap<>();
    private final Counter presencePushed;
    private final Counter typingPushed;
    private final ConcurrentHashMap<UUID, CoMembers> coMembers = new ConcurrentHashMap<>();
    private final AtomicBoolean reconnectScheduled = new AtomicBoolean();
    private final AtomicBoolean connecting = new AtomicBoolean();
    private volatile RedisConnection subscriber;
    private volatile boolean closed;
    private volatile long heartbeatTimer = -1;

    private record LocalUser(int sockets, String status) {}

    private record CoMembers(Set<UUID> users, long expiresAt) {}

    /**
     * @param redis the shared command client
     * @param redisUrl where the dedicated subscriber connection goes (its own one-connection client)
     * @param keyTtl how long a user stays online after their replica stopped refreshing (crash, partition)
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
            MeterRegistry registry) {
        this.vertx = vertx;
        this.redis = redis;
        this.reader = new PresenceReader(redis);
        this.subscriberClient = Redis.createClient(
                vertx, new RedisOptions().setConnectionString(redisUrl).setMaxPoolSize(1));
        this.replicaId = replicaId;
        this.keyTtlSeconds = Math.max(1, keyTtl.toSeconds());
        this.sockets = sockets;
        this.membership = membership;
        this.readModel = readModel;
        this.presencePushed = pushed(registry, "presence");
        this.typingPushed = pushed(registry, "typing");
        Gauge.builder("humanchat.presence.subscribed", () -> subscriber == null ? 0 : 1)
                .description("1 while this replica is subscribed to presence and typing in Redis, else 0")
                .register(registry);
        Gauge.builder("humanchat.presence.local.users", local::size)
                .description("users with at least one socket on this replica")
                .register(registry);
    }

    private static Counter pushed(MeterRegistry registry, String kind) {
        return Counter.builder("humanchat.presence.pushed")
                .description("presence and typing frames pushed to this replica's sockets")
                .tag("kind", kind)
                .register(registry);
    }

    /** Starts the heartbeat and the subscriber; returns at once (Redis may be away). */
    public void start() {
        heartbeatTimer = vertx.setPeriodic(Math.max(1, keyTtlSeconds * 1000 / 3), id -> {
            if (subscriber == null) {
                scheduleReconnect(0);
            }
            heartbeat(false);
        });
        connectSubscriber();
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
        sendSnapshot(userId, snapshot);
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
                        deliver(new PresenceChange(userId, status));
                    }
                })
                .onFailure(e -> LOG.debug("presence expiry of {} not handled: {}", userId, e.toString()));
    }

    /** Pushes {@code presence} of every co-member not offline to a new socket (best effort, bounded). */
    private void sendSnapshot(UUID userId, Consumer<JsonObject> snapshot) {
        coMembersOf(userId)
                .compose(users ->
                        statusesOf(users.stream().limit(MAX_SNAPSHOT_USERS).toList()))
                .onSuccess(statuses -> statuses.forEach((user, status) -> {
                    if (!PresenceStatus.OFFLINE.equals(status)) {
                        snapshot.accept(PresenceMessages.frame(new PresenceChange(user, status)));
                    }
                }))
                .onFailure(e -> LOG.debug("presence snapshot not sent: {}", e.toString()));
    }

    /**
     * A conversation was created (seen by every replica's fan-out): its participants' cached co-members are stale,
     * and those with sockets here learn at once the presence of the others that are not offline.
     */
    public void conversationCreated(List<UUID> participants) {
        participants.forEach(coMembers::remove);
        List<UUID> local = participants.stream().filter(sockets::hasSockets).toList();
        if (local.isEmpty()) {
            return;
        }
        statusesOf(participants)
                .onSuccess(statuses -> {
                    for (UUID receiver : local) {
                        statuses.forEach((user, status) -> {
                            if (!user.equals(receiver) && !PresenceStatus.OFFLINE.equals(status)) {
                                sockets.frame(PresenceMessages.frame(new PresenceChange(user, status)))
                                        .pushTo(receiver);
                                presencePushed.increment();
                            }
                        });
                    }
                })
                .onFailure(e -> LOG.debug("presence of a new conversation not sent: {}", e.toString()));
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

    // ---- subscriber ---------------------------------------------------------------------------------------------

    private void connectSubscriber() {
        if (closed || !connecting.compareAndSet(false, true)) {
            return;
        }
        bounded(subscriberClient.connect())
                .compose(connection -> {
                    connection.handler(this::onPush);
                    connection.exceptionHandler(e -> lost(connection, e.toString()));
                    connection.endHandler(v -> lost(connection, "connection ended"));
                    return bounded(connection.send(
                                    Request.cmd(Command.SUBSCRIBE).arg(CHANNEL)))
                            .compose(v -> bounded(connection.send(
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
                    subscriber = connection;
                    LOG.info("presence: subscribed to {}", CHANNEL);
                    enableExpiryNotifications();
                    // Everyone (this replica included) republishes its users: what was missed while away is known
                    // again, and keys lost with a Redis restart are back at once.
                    publish(PresenceMessages.encodeResync());
                })
                .onFailure(e -> {
                    LOG.debug("presence: subscriber not connected: {}", e.toString());
                    scheduleReconnect(RECONNECT_MILLIS);
                });
    }

    private void lost(RedisConnection connection, String why) {
        if (subscriber == connection) {
            subscriber = null;
            LOG.info("presence: subscriber lost ({}); reconnecting", why);
            connection.close();
            scheduleReconnect(RECONNECT_MILLIS);
        }
    }

    private void scheduleReconnect(long delayMillis) {
        if (closed || !reconnectScheduled.compareAndSet(false, true)) {
            return;
        }
        vertx.setTimer(Math.max(1, delayMillis), id -> {
            reconnectScheduled.set(false);
            if (subscriber == null) {
                connectSubscriber();
            }
        });
    }

    /**
     * Asks Redis to announce expired keys ({@code notify-keyspace-events Ex}). A server that refuses (a managed Redis
     * with CONFIG disabled) still works: a dead replica's users then turn offline for readers of their profile once the
     * TTL passes, without a push to their co-members.
     */
    private void enableExpiryNotifications() {
        bounded(redis.send(Request.cmd(Command.CONFIG)
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
            expired(String.valueOf(push.get(3)));
            return;
        }
        if (push == null || push.size() < 3 || !"message".equals(String.valueOf(push.get(0)))) {
            return;
        }
        Object message = PresenceMessages.decode(String.valueOf(push.get(2)));
        switch (message) {
            case PresenceChange change -> deliver(change);
            case Typing typing -> deliver(typing);
            case Resync resync -> heartbeat(true);
            case null, default -> LOG.debug("presence: unreadable message ignored");
        }
    }

    // ---- delivery to local sockets ------------------------------------------------------------------------------

    private void deliver(PresenceChange change) {
        coMembersOf(change.userId()).onSuccess(users -> {
            LocalSockets.Sender frame = null;
            for (UUID user : users) {
                if (!user.equals(change.userId()) && sockets.hasSockets(user)) {
                    if (frame == null) {
                        frame = sockets.frame(PresenceMessages.frame(change));
                    }
                    frame.pushTo(user);
                    presencePushed.increment();
                }
            }
        });
    }

    private void deliver(Typing typing) {
        membership.members(typing.conversationId()).onSuccess(members -> {
            if (!members.contains(typing.userId())) {
                return;
            }
            LocalSockets.Sender frame = sockets.frame(PresenceMessages.frame(typing));
            for (UUID member : members) {
                if (!member.equals(typing.userId()) && sockets.hasSockets(member)) {
                    frame.pushTo(member);
                    typingPushed.increment();
                }
            }
        });
    }

    /** Users sharing a conversation with {@code userId}, cached {@value #CO_MEMBERS_TTL_MILLIS} ms. */
    private Future<Set<UUID>> coMembersOf(UUID userId) {
        long now = System.currentTimeMillis();
        CoMembers cached = coMembers.get(userId);
        if (cached != null && cached.expiresAt() > now) {
            return Future.succeededFuture(cached.users());
        }
        return readModel.coMembers(userId).onSuccess(users -> {
            if (coMembers.size() >= MAX_CACHED_CO_MEMBERS) {
                coMembers.clear();
            }
            coMembers.put(userId, new CoMembers(users, now + CO_MEMBERS_TTL_MILLIS));
        });
    }

    @Override
    public void close() {
        closed = true;
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
        }
        RedisConnection connection = subscriber;
        subscriber = null;
        if (connection != null) {
            connection.close();
        }
        subscriberClient.close();
    }
}
