package com.humanchat.readmodels.presence;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Reads presence as the edge replicas write it ({@code humanchat:presence:<userId>:replicas} lists the replicas,
 * {@code humanchat:presence:<userId>:<replicaId>} holds the status there): the one reader of those keys, for the
 * edge's profiles and discovery and for Sam's tools. Never blocks; each round trip fails after 2 s.
 */
public final class PresenceReader {

    public static final String KEY_PREFIX = "humanchat:presence:";
    private static final long REDIS_TIMEOUT_MILLIS = 2_000;

    private final Redis redis;

    public PresenceReader(Redis redis) {
        this.redis = redis;
    }

    /** The effective status of one user across replicas ({@code offline} when no key is left). */
    public Future<String> statusOf(UUID userId) {
        return bounded(redis.send(Request.cmd(Command.SMEMBERS).arg(replicasKey(userId))))
                .compose(replicas -> statuses(List.of(userId), Collections.singletonList(replicas)))
                .map(statuses -> statuses.getOrDefault(userId, PresenceStatus.OFFLINE));
    }

    /** The effective status of each of {@code users} ({@code offline} for those with no key left), in two round trips. */
    public Future<Map<UUID, String>> statusesOf(Collection<UUID> users) {
        List<UUID> asked = List.copyOf(new LinkedHashSet<>(users));
        if (asked.isEmpty()) {
            return Future.succeededFuture(Map.of());
        }
        List<Request> replicaSets = new ArrayList<>(asked.size());
        asked.forEach(user -> replicaSets.add(Request.cmd(Command.SMEMBERS).arg(replicasKey(user))));
        return bounded(redis.batch(replicaSets))
                .compose(sets -> statuses(asked, sets))
                .map(found -> {
                    Map<UUID, String> all = new HashMap<>();
                    asked.forEach(user -> all.put(user, found.getOrDefault(user, PresenceStatus.OFFLINE)));
                    return all;
                });
    }

    /** The effective status of {@code users}, given the replica set of each (same order). */
    private Future<Map<UUID, String>> statuses(List<UUID> users, List<Response> replicaSets) {
        Request mget = Request.cmd(Command.MGET);
        List<UUID> owners = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            Response replicas = replicaSets.get(i);
            if (replicas != null) {
                for (Response replica : replicas) {
                    mget.arg(key(users.get(i), replica.toString()));
                    owners.add(users.get(i));
                }
            }
        }
        if (owners.isEmpty()) {
            return Future.succeededFuture(Map.of());
        }
        return bounded(redis.send(mget)).map(values -> {
            Map<UUID, List<String>> perUser = new HashMap<>();
            for (int i = 0; i < owners.size(); i++) {
                Response value = values.get(i);
                List<String> statuses = perUser.computeIfAbsent(owners.get(i), u -> new ArrayList<>());
                if (value != null) {
                    statuses.add(value.toString());
                }
            }
            Map<UUID, String> effective = new HashMap<>();
            perUser.forEach((user, statuses) -> effective.put(user, PresenceStatus.effective(statuses)));
            return effective;
        });
    }

    /** {@code redisCall}, failed after the Redis timeout (2 s); the edge's presence writes use it too. */
    public static <T> Future<T> bounded(Future<T> redisCall) {
        return redisCall.timeout(REDIS_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The key holding {@code userId}'s status on {@code replica}. */
    public static String key(UUID userId, String replica) {
        return KEY_PREFIX + userId + ":" + replica;
    }

    /** The set of replicas {@code userId} holds a status on. */
    public static String replicasKey(UUID userId) {
        return KEY_PREFIX + userId + ":replicas";
    }
}
