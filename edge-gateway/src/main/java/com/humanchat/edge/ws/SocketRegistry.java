package com.humanchat.edge.ws;

import com.humanchat.edge.presence.LocalSockets;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The open sockets of this process by user; thread-safe, shared by every event loop and the fan-out thread. */
public final class SocketRegistry implements LocalSockets {

    private final ConcurrentHashMap<UUID, Set<ClientSocket>> byUser = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    public void add(ClientSocket socket) {
        byUser.compute(socket.userId(), (user, sockets) -> {
            Set<ClientSocket> set = sockets == null ? ConcurrentHashMap.newKeySet() : sockets;
            if (set.add(socket)) {
                open.incrementAndGet();
            }
            return set;
        });
    }

    /** Idempotent. */
    public void remove(ClientSocket socket) {
        byUser.computeIfPresent(socket.userId(), (user, sockets) -> {
            if (sockets.remove(socket)) {
                open.decrementAndGet();
            }
            return sockets.isEmpty() ? null : sockets;
        });
    }

    /** Pushes a live frame to every socket of {@code userId} on this replica; any thread, never blocks. */
    public void push(UUID userId, OutboundFrame frame) {
        Set<ClientSocket> sockets = byUser.get(userId);
        if (sockets != null) {
            for (ClientSocket socket : sockets) {
                socket.pushLive(frame);
            }
        }
    }

    /** Closes every socket of {@code userId} on this replica with {@code code} and {@code reason}. */
    public void closeAll(UUID userId, short code, String reason) {
        Set<ClientSocket> sockets = byUser.get(userId);
        if (sockets != null) {
            List.copyOf(sockets).forEach(socket -> socket.close(code, reason));
        }
    }

    /**
     * Closes the sockets of {@code userId} on this replica that rest on sign-in {@code familyId} (every socket of the
     * user when {@code familyId} is null) with {@code code} and {@code reason}.
     */
    public void closeSignIn(UUID userId, UUID familyId, short code, String reason) {
        Set<ClientSocket> sockets = byUser.get(userId);
        if (sockets != null) {
            List.copyOf(sockets).stream()
                    .filter(socket -> familyId == null || familyId.equals(socket.familyId()))
                    .forEach(socket -> socket.close(code, reason));
        }
    }

    /** A snapshot of every open socket of this process. */
    public List<ClientSocket> all() {
        List<ClientSocket> all = new ArrayList<>();
        byUser.values().forEach(all::addAll);
        return all;
    }

    public int openSockets() {
        return open.get();
    }

    @Override
    public Sender frame(JsonObject frame) {
        OutboundFrame encoded = OutboundFrame.of(frame);
        return userId -> push(userId, encoded);
    }

    @Override
    public boolean hasSockets(UUID userId) {
        return byUser.containsKey(userId);
    }
}
