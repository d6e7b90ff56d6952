package com.humanchat.edge.chat;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who belongs to which conversation, as the projection (or a live event naming the participants) last showed it,
 * with a bounded cache: members of a conversation never change once it is created, so a known member set stays
 * true. An unknown conversation is never cached — it may simply not be projected yet.
 */
public final class Membership {

    /** What the edge knows about a user and a conversation. */
    public enum Status {
        MEMBER,
        NOT_A_MEMBER,
        /** Not projected (yet): it may not exist, or the projector may lag behind its creation. */
        UNKNOWN_CONVERSATION
    }

    private static final int MAX_CACHED_CONVERSATIONS = 50_000;

    private final ChatReadModel readModel;
    private final Map<UUID, Set<UUID>> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Set<UUID>> eldest) {
            return size() > MAX_CACHED_CONVERSATIONS;
        }
    };

    public Membership(ChatReadModel readModel) {
        this.readModel = readModel;
    }

    public Future<Status> of(UUID conversationId, UUID userId) {
        Set<UUID> members = cached(conversationId);
        if (members != null) {
            return Future.succeededFuture(statusOf(members, userId));
        }
        return readModel.members(conversationId).map(projected -> {
            if (projected.isEmpty()) {
                return Status.UNKNOWN_CONVERSATION;
            }
            remember(conversationId, projected);
            return statusOf(projected, userId);
        });
    }

    /** The members of a conversation (cached once known); empty when it is not projected (yet). */
    public Future<Set<UUID>> members(UUID conversationId) {
        Set<UUID> members = cached(conversationId);
        if (members != null) {
            return Future.succeededFuture(members);
        }
        return readModel.members(conversationId).map(projected -> {
            remember(conversationId, projected);
            return projected;
        });
    }

    /** Records the participants an event names; called from the fan-out thread. */
    public void remember(UUID conversationId, Collection<UUID> participants) {
        if (participants.isEmpty()) {
            return;
        }
        Set<UUID> members = Set.copyOf(participants);
        synchronized (cache) {
            cache.putIfAbsent(conversationId, members);
        }
    }

    private Set<UUID> cached(UUID conversationId) {
        synchronized (cache) {
            return cache.get(conversationId);
        }
    }

    private static Status statusOf(Set<UUID> members, UUID userId) {
        return members.contains(userId) ? Status.MEMBER : Status.NOT_A_MEMBER;
    }
}
