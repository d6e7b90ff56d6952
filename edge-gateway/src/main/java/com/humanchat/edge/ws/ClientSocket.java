package com.humanchat.edge.ws;

import com.humanchat.edge.chat.ChatMetrics;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.ServerWebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client connection. Frames may be pushed from any thread but are written only on the socket's own context,
 * in the order they were accepted. At most {@code queueLimit} frames wait (in the outbox, held back during a
 * catch-up, or not yet handed to the context); one more closes the socket with 1013 and the client resynchronises
 * over REST — memory per socket stays bounded. A socket never writes the same {@code (conversationId, seq)} twice.
 */
public final class ClientSocket {

    static final short TRY_AGAIN_LATER = 1013;
    /** RFC 6455 "service restart": the client should reconnect (to another replica) and resume. */
    public static final short SERVICE_RESTART = 1012;
    /** Close code for a socket whose account was suspended. */
    public static final short POLICY_VIOLATION = 1008;
    /**
     * Close code for a socket whose credentials ended: its access token expired without an {@code auth.refresh}, its
     * sign-in was signed out or revoked, or the account's roles changed (the 4xxx range is the application's; 401).
     */
    public static final short CREDENTIALS_ENDED = 4401;

    private static final int TRACKED_CONVERSATIONS = 256;

    private final ServerWebSocket ws;
    private final Context context;
    private final UUID userId;
    private final int queueLimit;
    private final ChatMetrics metrics;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicBoolean overflowed = new AtomicBoolean();
    private volatile boolean open = true;
    private volatile UUID familyId;

    // Confined to the socket's context.
    private final ArrayDeque<OutboundFrame> outbox = new ArrayDeque<>();
    private final SeqWatermarks written = new SeqWatermarks(TRACKED_CONVERSATIONS);
    private List<OutboundFrame> heldLive;
    private Promise<Void> drained;
    private long expiryTimer = -1;

    public ClientSocket(ServerWebSocket ws, Context context, UUID userId, int queueLimit, ChatMetrics metrics) {
        this.ws = ws;
        this.context = context;
        this.userId = userId;
        this.queueLimit = queueLimit;
        this.metrics = metrics;
        ws.drainHandler(v -> drain());
    }

    public UUID userId() {
        return userId;
    }

    public boolean isOpen() {
        return open;
    }

    /** The sign-in (refresh-token family) of the socket's current access token; null for a token without one. */
    public UUID familyId() {
        return familyId;
    }

    /**
     * The socket now rests on an access token of sign-in {@code familyId} that expires at {@code expiresAt}: at that
     * moment it is closed with {@link #CREDENTIALS_ENDED} unless this is called again with a later token. On the
     * socket's context.
     */
    void credentials(UUID familyId, Instant expiresAt) {
        this.familyId = familyId;
        if (expiryTimer != -1) {
            context.owner().cancelTimer(expiryTimer);
        }
        long delay = Math.max(1, Duration.between(Instant.now(), expiresAt).toMillis());
        expiryTimer = context.owner()
                .setTimer(
                        delay,
                        id -> close(CREDENTIALS_ENDED, "access token expired: refresh it and reconnect with since"));
    }

    /** A live event from the fan-out; any thread. Held back while the socket catches up. */
    public void pushLive(OutboundFrame frame) {
        if (!reserve()) {
            return;
        }
        context.runOnContext(v -> {
            if (heldLive != null) {
                heldLive.add(frame);
            } else {
                enqueue(frame);
            }
        });
    }

    /** A direct answer to this client (hello, pong, error) or a catch-up item; on the socket's context. */
    public void send(OutboundFrame frame) {
        if (reserve()) {
            enqueue(frame);
        }
    }

    /** From now on, live frames wait until {@link #releaseLive()}; on the socket's context, before registering. */
    void holdLive() {
        heldLive = new ArrayList<>();
    }

    /** Writes the held live frames after the catch-up (dropping messages the catch-up already wrote). */
    void releaseLive() {
        List<OutboundFrame> held = heldLive;
        heldLive = null;
        if (held != null) {
            held.forEach(this::enqueue);
        }
    }

    /** The first held-back seq per conversation: what the catch-up must reach. */
    Map<UUID, Long> firstHeldSeqs() {
        Map<UUID, Long> first = new HashMap<>();
        if (heldLive != null) {
            heldLive.stream()
                    .filter(OutboundFrame::isMessage)
                    .forEach(f -> first.putIfAbsent(f.conversationId(), f.seq()));
        }
        return first;
    }

    /** Completes once everything queued so far was handed to the connection; on the socket's context. */
    Future<Void> whenDrained() {
        if (outbox.isEmpty()) {
            return Future.succeededFuture();
        }
        if (drained == null) {
            drained = Promise.promise();
        }
        return drained.future();
    }

    /**
     * Closes the connection with {@code code} and {@code reason}, from any thread; frames not yet handed to the
     * connection are dropped (the client resumes with {@code since}). Completes once the close frame is written or
     * the connection is gone; never fails.
     */
    public Future<Void> close(short code, String reason) {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            if (!open) {
                done.complete();
                return;
            }
            closed();
            ws.close(code, reason).onComplete(r -> done.tryComplete());
        });
        return done.future();
    }

    /** Called when the connection closed, for whatever reason. */
    void closed() {
        open = false;
        if (expiryTimer != -1) {
            context.owner().cancelTimer(expiryTimer);
            expiryTimer = -1;
        }
        outbox.clear();
        heldLive = null;
        completeDrained();
    }

    private boolean reserve() {
        if (!open) {
            return false;
        }
        if (waiting.incrementAndGet() > queueLimit) {
            waiting.decrementAndGet();
            overflow();
            return false;
        }
        return true;
    }

    private void enqueue(OutboundFrame frame) {
        if (!open) {
            waiting.decrementAndGet();
            return;
        }
        if (frame.isMessage() && !written.advance(frame.conversationId(), frame.seq()) && !frame.upsert()) {
            waiting.decrementAndGet();
            return;
        }
        outbox.add(frame);
        drain();
    }

    private void drain() {
        if (open && ws.isClosed()) {
            // The connection went away and its close handler has not run yet: writing now would fail (writeQueueFull
            // throws "WebSocket is closed"). Drop the frames as a close does; the client resumes with since.
            closed();
            return;
        }
        while (open && !outbox.isEmpty() && !ws.writeQueueFull()) {
            OutboundFrame frame = outbox.poll();
            waiting.decrementAndGet();
            ws.writeTextMessage(frame.text());
            metrics.frameOut();
            if (frame.occurredAt() != null) {
                metrics.delivered(frame.occurredAt());
            }
        }
        if (outbox.isEmpty()) {
            completeDrained();
        }
    }

    private void completeDrained() {
        Promise<Void> promise = drained;
        drained = null;
        if (promise != null) {
            promise.complete();
        }
    }

    private void overflow() {
        if (overflowed.compareAndSet(false, true)) {
            metrics.slowSocketClosed();
            context.runOnContext(v -> {
                closed();
                ws.close(TRY_AGAIN_LATER, "send queue full: resynchronise over REST");
            });
        }
    }
}
