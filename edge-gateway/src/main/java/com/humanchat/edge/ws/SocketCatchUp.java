package com.humanchat.edge.ws;

import com.humanchat.edge.chat.ChatJson;
import com.humanchat.edge.chat.ChatReadModel;
import com.humanchat.edge.sync.SyncCursor;
import com.humanchat.edge.sync.SyncService;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a socket that reconnected with {@code ?since=} up to date before any live frame: live frames are held
 * back while the sync pages are written, then released (messages already written are dropped).
 *
 * <p>A message the fan-out pushed just before the socket registered reaches it only through the projection, so the
 * catch-up first waits (bounded) until the projection holds every message this replica pushed before registering:
 * for a conversation with held-back live messages, up to the first of them; otherwise up to the highest pushed.
 */
final class SocketCatchUp {

    private static final Logger LOG = LoggerFactory.getLogger(SocketCatchUp.class);
    private static final Duration POLL = Duration.ofMillis(20);

    private final Vertx vertx;
    private final SyncService sync;
    private final ChatReadModel readModel;
    private final FanOutDispatcher dispatcher;
    private final int pageSize;
    private final Duration patience;

    SocketCatchUp(
            Vertx vertx,
            SyncService sync,
            ChatReadModel readModel,
            FanOutDispatcher dispatcher,
            int pageSize,
            Duration patience) {
        this.vertx = vertx;
        this.sync = sync;
        this.readModel = readModel;
        this.dispatcher = dispatcher;
        this.pageSize = pageSize;
        this.patience = patience;
    }

    /**
     * On the socket's context, after {@link ClientSocket#holdLive()} and registration. If the projection is still
     * behind what this replica pushed when the patience runs out, the pages it has are written and an
     * {@code error {code: "sync_failed"}} frame tells the client to fetch the rest over {@code /api/sync}: the live
     * frames released next would otherwise jump over those messages without a word.
     */
    void run(ClientSocket socket, UUID userId, SyncCursor since) {
        long deadline = System.nanoTime() + patience.toNanos();
        awaitProjection(socket, userId, deadline)
                .compose(caughtUp -> pages(socket, userId, since, deadline).map(caughtUp))
                .onComplete(done -> {
                    if (socket.isOpen() && (done.failed() || !done.result())) {
                        if (done.failed()) {
                            LOG.warn("catch-up of user {} failed", userId, done.cause());
                        } else {
                            LOG.warn(
                                    "catch-up of user {}: the projection was still behind what this replica pushed"
                                            + " after {} ms; told the client to fetch the rest over /api/sync",
                                    userId,
                                    patience.toMillis());
                        }
                        socket.send(OutboundFrame.of(ChatJson.errorFrame(
                                "sync_failed", "could not replay what you missed; fetch it over /api/sync", null)));
                    }
                    socket.releaseLive();
                });
    }

    /** True once the projection holds what this replica pushed before the socket registered; false past the deadline. */
    private Future<Boolean> awaitProjection(ClientSocket socket, UUID userId, long deadline) {
        return readModel.lastSeqs(userId).compose(projected -> {
            if (!socket.isOpen() || !behind(socket, projected)) {
                return Future.succeededFuture(true);
            }
            if (System.nanoTime() - deadline > 0) {
                return Future.succeededFuture(false);
            }
            Promise<Void> later = Promise.promise();
            vertx.setTimer(POLL.toMillis(), t -> later.complete());
            return later.future().compose(v -> awaitProjection(socket, userId, deadline));
        });
    }

    private boolean behind(ClientSocket socket, Map<UUID, Long> projected) {
        Map<UUID, Long> firstHeld = socket.firstHeldSeqs();
        for (Map.Entry<UUID, Long> conversation : projected.entrySet()) {
            Long held = firstHeld.get(conversation.getKey());
            long target = held != null ? held - 1 : dispatcher.highestPushed(conversation.getKey());
            if (conversation.getValue() < target) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes pages until one is not full. A full page that could not move the cursor (every row in it belongs to a
     * transaction newer than the oldest running one) is asked again shortly, within the patience.
     */
    private Future<Void> pages(ClientSocket socket, UUID userId, SyncCursor cursor, long deadline) {
        return sync.changes(userId, cursor, pageSize).compose(page -> {
            if (!socket.isOpen()) {
                return Future.succeededFuture();
            }
            page.items().forEach(item -> socket.send(OutboundFrame.syncItem(item)));
            if (!page.limited()) {
                return Future.succeededFuture();
            }
            if (page.next().compareTo(cursor) > 0) {
                return socket.whenDrained().compose(v -> pages(socket, userId, page.next(), deadline));
            }
            if (System.nanoTime() - deadline > 0) {
                return Future.succeededFuture();
            }
            Promise<Void> later = Promise.promise();
            vertx.setTimer(POLL.toMillis(), t -> later.complete());
            return socket.whenDrained()
                    .compose(v -> later.future())
                    .compose(v -> pages(socket, userId, cursor, deadline));
        });
    }
}
