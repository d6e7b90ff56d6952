package com.humanchat.edge.presence;

import com.humanchat.edge.chat.ChatReadModel;
import com.humanchat.edge.chat.Membership;
import com.humanchat.edge.presence.PresenceMessages.PresenceChange;
import com.humanchat.edge.presence.PresenceMessages.Typing;
import com.humanchat.edge.safety.BlockedUsers;
import com.humanchat.readmodels.presence.PresenceStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who on this replica learns a presence change or a typing frame: the co-members of the user (cached
 * {@value #CO_MEMBERS_TTL_MILLIS} ms) and the members of the conversation, each through their local sockets — except
 * where one of the two blocked the other ({@link BlockedUsers}): then neither learns the other's presence or typing.
 */
final class PresenceFanOut {

    private static final Logger LOG = LoggerFactory.getLogger(PresenceFanOut.class);
    private static final long CO_MEMBERS_TTL_MILLIS = 30_000;
    private static final int MAX_CACHED_CO_MEMBERS = 100_000;
    private static final int MAX_SNAPSHOT_USERS = 1_000;

    private record CoMembers(Set<UUID> users, long expiresAt) {}

    private final LocalSockets sockets;
    private final Membership membership;
    private final ChatReadModel readModel;
    private final BlockedUsers blocked;
    private final Counter presencePushed;
    private final Counter typingPushed;
    private final ConcurrentHashMap<UUID, CoMembers> coMembers = new ConcurrentHashMap<>();
    // Co-members from conversations this replica saw created in the last TTL: the read model is written by the
    // projector, which may not have stored them yet when the first presence change or socket of a participant comes.
    private final ConcurrentHashMap<UUID, CoMembers> justJoined = new ConcurrentHashMap<>();

    /** @param registry gets {@code humanchat.presence.pushed} by kind */
    PresenceFanOut(
            LocalSockets sockets,
            Membership membership,
            ChatReadModel readModel,
            BlockedUsers blocked,
            MeterRegistry registry) {
        this.sockets = sockets;
        this.blocked = blocked;
        this.membership = membership;
        this.readModel = readModel;
        this.presencePushed = pushed(registry, "presence");
        this.typingPushed = pushed(registry, "typing");
    }

    private static Counter pushed(MeterRegistry registry, String kind) {
        return Counter.builder("humanchat.presence.pushed")
                .description("presence and typing frames pushed to this replica's sockets")
                .tag("kind", kind)
                .register(registry);
    }

    void deliver(PresenceChange change) {
        coMembersOf(change.userId()).onSuccess(users -> {
            LocalSockets.Sender frame = null;
            for (UUID user : users) {
                if (!user.equals(change.userId())
                        && sockets.hasSockets(user)
                        && !blocked.separated(change.userId(), user)) {
                    if (frame == null) {
                        frame = sockets.frame(PresenceMessages.frame(change));
                    }
                    frame.pushTo(user);
                    presencePushed.increment();
                }
            }
        });
    }

    void deliver(Typing typing) {
        membership.members(typing.conversationId()).onSuccess(members -> {
            if (!members.contains(typing.userId())) {
                return;
            }
            LocalSockets.Sender frame = sockets.frame(PresenceMessages.frame(typing));
            for (UUID member : members) {
                if (!member.equals(typing.userId())
                        && sockets.hasSockets(member)
                        && !blocked.separated(typing.userId(), member)) {
                    frame.pushTo(member);
                    typingPushed.increment();
                }
            }
        });
    }

    /** Pushes {@code presence} of every co-member not offline to a new socket (best effort, bounded). */
    void snapshot(
            UUID userId,
            Consumer<JsonObject> socket,
            Function<Collection<UUID>, Future<Map<UUID, String>>> statusesOf) {
        coMembersOf(userId)
                .compose(users -> statusesOf.apply(
                        users.stream().limit(MAX_SNAPSHOT_USERS).toList()))
                .onSuccess(statuses -> statuses.forEach((user, status) -> {
                    if (!PresenceStatus.OFFLINE.equals(status) && !blocked.separated(userId, user)) {
                        socket.accept(PresenceMessages.frame(new PresenceChange(user, status)));
                    }
                }))
                .onFailure(e -> LOG.debug("presence snapshot not sent: {}", e.toString()));
    }

    /**
     * A conversation was created: its participants' cached co-members are stale, and those with sockets here learn
     * at once the presence of the others that are not offline.
     */
    void conversationCreated(
            List<UUID> participants, Function<Collection<UUID>, Future<Map<UUID, String>>> statusesOf) {
        long now = System.currentTimeMillis();
        long expiresAt = now + CO_MEMBERS_TTL_MILLIS;
        if (justJoined.size() >= MAX_CACHED_CO_MEMBERS) {
            justJoined.values().removeIf(recent -> recent.expiresAt() <= now);
        }
        for (UUID participant : participants) {
            coMembers.remove(participant);
            Set<UUID> others = new HashSet<>(participants);
            others.remove(participant);
            justJoined.merge(participant, new CoMembers(Set.copyOf(others), expiresAt), (had, added) -> {
                Set<UUID> both = new HashSet<>(added.users());
                if (had.expiresAt() > now) {
                    both.addAll(had.users());
                }
                return new CoMembers(Set.copyOf(both), expiresAt);
            });
        }
        List<UUID> local = participants.stream().filter(sockets::hasSockets).toList();
        if (local.isEmpty()) {
            return;
        }
        statusesOf
                .apply(participants)
                .onSuccess(statuses -> {
                    for (UUID receiver : local) {
                        statuses.forEach((user, status) -> {
                            if (!user.equals(receiver)
                                    && !PresenceStatus.OFFLINE.equals(status)
                                    && !blocked.separated(user, receiver)) {
                                sockets.frame(PresenceMessages.frame(new PresenceChange(user, status)))
                                        .pushTo(receiver);
                                presencePushed.increment();
                            }
                        });
                    }
                })
                .onFailure(e -> LOG.debug("presence of a new conversation not sent: {}", e.toString()));
    }

    /**
     * Users sharing a conversation with {@code userId}, cached {@value #CO_MEMBERS_TTL_MILLIS} ms, with those of the
     * conversations created meanwhile that the read model may not show yet.
     */
    private Future<Set<UUID>> coMembersOf(UUID userId) {
        long now = System.currentTimeMillis();
        CoMembers cached = coMembers.get(userId);
        Future<Set<UUID>> stored = cached != null && cached.expiresAt() > now
                ? Future.succeededFuture(cached.users())
                : readModel.coMembers(userId).onSuccess(users -> {
                    if (coMembers.size() >= MAX_CACHED_CO_MEMBERS) {
                        coMembers.clear();
                    }
                    coMembers.put(userId, new CoMembers(users, now + CO_MEMBERS_TTL_MILLIS));
                });
        return stored.map(users -> {
            CoMembers recent = justJoined.get(userId);
            if (recent == null) {
                return users;
            }
            if (recent.expiresAt() <= now) {
                justJoined.remove(userId, recent);
                return users;
            }
            Set<UUID> all = new HashSet<>(users);
            all.addAll(recent.users());
            return all;
        });
    }
}
