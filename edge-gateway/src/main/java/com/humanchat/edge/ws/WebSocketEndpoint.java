package com.humanchat.edge.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.humanchat.edge.auth.AuthenticatedUser;
import com.humanchat.edge.auth.SuspendedUsers;
import com.humanchat.edge.auth.TokenService;
import com.humanchat.edge.chat.ChatJson;
import com.humanchat.edge.chat.ChatMetrics;
import com.humanchat.edge.chat.ChatReadModel;
import com.humanchat.edge.chat.ConversationService;
import com.humanchat.edge.chat.Membership;
import com.humanchat.edge.chat.MessageSender;
import com.humanchat.edge.config.EdgeConfig;
import com.humanchat.edge.http.JsonBody;
import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.ProblemResponses;
import com.humanchat.edge.http.Rejections;
import com.humanchat.edge.http.RequestParams;
import com.humanchat.edge.limits.FrameRateLimit;
import com.humanchat.edge.limits.LimitCounters;
import com.humanchat.edge.limits.SocketQuota;
import com.humanchat.edge.presence.PresenceService;
import com.humanchat.edge.presence.TypingRateLimit;
import com.humanchat.edge.sessions.RtcRelay;
import com.humanchat.edge.sync.SyncCursor;
import com.humanchat.edge.sync.SyncRoutes;
import com.humanchat.edge.sync.SyncService;
import com.humanchat.schemas.Json;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /ws?access_token=<JWT>[&since=<sync cursor>]}. The token is verified before the upgrade is accepted (a
 * bad one gets a 401 problem, not a socket), and the socket lives only as long as its credentials: closed with 4401
 * when the token expires without an {@code auth.refresh} frame bringing a fresh one. The first frame is {@code hello}; with {@code since}, what the client
 * missed follows before any live frame. A bad client frame gets an {@code error} frame and the socket stays open.
 */
public final class WebSocketEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketEndpoint.class);
    /*
     * A resuming socket waits this long (or HUMANCHAT_SEND_WAIT_MS if longer) for a lagging projection. A few seconds
     * is not enough: when a replica dies all its sockets resume at once on the others while the projector may be
     * seconds behind (chaos-tests saw a 3 s wait give up, and 41 deliveries never reached the resumed sockets).
     */
    private static final Duration MIN_CATCH_UP_PATIENCE = Duration.ofSeconds(30);
    private static final int MAX_CATCH_UP_PAGE = 200;
    static final int TYPING_FRAMES_PER_WINDOW = 5;
    static final long TYPING_WINDOW_MILLIS = 2_000;
    /** A socket slot frees when the user closes one; a client should not retry sooner than this. */
    static final long SOCKET_QUOTA_RETRY_SECONDS = 5;

    private final Vertx vertx;
    private final TokenService tokens;
    private final SocketRegistry sockets;
    private final MessageSender sender;
    private final ConversationService conversations;
    private final SocketCatchUp catchUp;
    private final ChatMetrics metrics;
    private final int queueLimit;
    private final int maxFrameBytes;
    private final PresenceService presence;
    private final RtcRelay rtc;
    private final SuspendedUsers suspended;
    private final SocketQuota socketQuota;
    private final int maxSockets;
    private final int framesPerSecond;

    public WebSocketEndpoint(
            Vertx vertx,
            EdgeConfig config,
            TokenService tokens,
            SocketRegistry sockets,
            MessageSender sender,
            ConversationService conversations,
            SyncService sync,
            ChatReadModel readModel,
            FanOutDispatcher dispatcher,
            ChatMetrics metrics,
            PresenceService presence,
            RtcRelay rtc,
            SuspendedUsers suspended) {
        this.vertx = vertx;
        this.suspended = suspended;
        this.presence = presence;
        this.rtc = rtc;
        this.tokens = tokens;
        this.sockets = sockets;
        this.sender = sender;
        this.conversations = conversations;
        this.metrics = metrics;
        this.queueLimit = config.wsSendQueueFrames();
        this.maxFrameBytes = config.maxBodyBytes();
        this.socketQuota = new SocketQuota(config.wsMaxSocketsPerUser());
        this.maxSockets = config.wsMaxSockets();
        this.framesPerSecond = config.wsFramesPerSecond();
        int pageSize = Math.max(1, Math.min(MAX_CATCH_UP_PAGE, queueLimit / 2));
        Duration patience =
                config.sendWait().compareTo(MIN_CATCH_UP_PATIENCE) > 0 ? config.sendWait() : MIN_CATCH_UP_PATIENCE;
        this.catchUp = new SocketCatchUp(vertx, sync, readModel, dispatcher, pageSize, patience);
    }

    public void mount(Router root) {
        root.get("/ws").failureHandler(ProblemResponses::handleFailure).handler(this::upgrade);
    }

    private void upgrade(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String token = request.getParam("access_token");
        if (token == null) {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                token = header.substring(7).trim();
            }
        }
        tokens.verify(token).onComplete(verified -> {
            if (verified.failed()) {
                ctx.fail(verified.cause());
                return;
            }
            SyncCursor since;
            try {
                since = SyncRoutes.since(request.getParam("since"));
            } catch (ProblemException e) {
                ctx.fail(e);
                return;
            }
            if (!request.canUpgradeToWebSocket()) {
                ctx.fail(ProblemException.badRequest("GET /ws expects a WebSocket upgrade"));
                return;
            }
            UUID userId = verified.result().id();
            if (suspended.contains(userId)) {
                ctx.fail(ProblemException.forbidden("this account is suspended"));
                return;
            }
            if (sockets.openSockets() >= maxSockets) {
                metrics.limits().refused(LimitCounters.Limit.REPLICA_SOCKETS);
                ctx.fail(ProblemException.unavailable(
                        "this edge replica holds its maximum of " + maxSockets + " sockets; connect again shortly",
                        SOCKET_QUOTA_RETRY_SECONDS));
                return;
            }
            if (!socketQuota.tryReserve(userId)) {
                metrics.limits().refused(LimitCounters.Limit.WS_SOCKETS);
                ctx.fail(ProblemException.tooManyRequests(
                        "at most " + socketQuota.maxPerUser() + " open sockets per user", SOCKET_QUOTA_RETRY_SECONDS));
                return;
            }
            request.toWebSocket().onComplete(upgraded -> {
                if (upgraded.succeeded()) {
                    open(upgraded.result(), verified.result(), since);
                } else {
                    socketQuota.release(userId);
                    LOG.debug("WebSocket upgrade failed", upgraded.cause());
                    if (!ctx.response().ended() && !ctx.response().headWritten()) {
                        ctx.fail(ProblemException.badRequest("WebSocket upgrade failed"));
                    }
                }
            });
        });
    }

    private void open(ServerWebSocket ws, AuthenticatedUser user, SyncCursor since) {
        ClientSocket socket = new ClientSocket(ws, vertx.getOrCreateContext(), user.id(), queueLimit, metrics);
        socket.credentials(user.familyId(), user.expiresAt());
        TypingRateLimit typingLimit = new TypingRateLimit(TYPING_FRAMES_PER_WINDOW, TYPING_WINDOW_MILLIS);
        FrameRateLimit frameLimit = new FrameRateLimit(framesPerSecond);
        ws.textMessageHandler(text -> {
            if (withinFrameLimit(socket, frameLimit)) {
                onText(socket, user.id(), typingLimit, text);
            }
        });
        ws.binaryMessageHandler(bytes -> {
            if (withinFrameLimit(socket, frameLimit)) {
                metrics.frameIn();
                socket.send(error("unsupported", "send JSON text frames", null));
            }
        });
        ws.exceptionHandler(e -> {
            if (e instanceof IllegalStateException
                    && String.valueOf(e.getMessage()).contains("max message size")) {
                // Vert.x dropped a message over HttpServerOptions.maxWebSocketMessageSize; the socket stays open.
                metrics.frameIn();
                socket.send(error("too_large", "frames are limited to " + maxFrameBytes + " bytes", null));
            } else {
                LOG.debug("socket of user {}: {}", user.id(), e.toString());
            }
        });
        ws.closeHandler(v -> {
            socketQuota.release(user.id());
            socket.closed();
            sockets.remove(socket);
            presence.socketClosed(user.id());
        });
        if (since != null) {
            socket.holdLive();
        }
        sockets.add(socket);
        presence.socketOpened(socket.userId(), frame -> socket.pushLive(OutboundFrame.of(frame)));
        socket.send(OutboundFrame.of(
                new JsonObject().put("type", "hello").put("userId", user.id().toString())));
        if (since != null) {
            catchUp.run(socket, user.id(), since);
        }
    }

    /** Over the per-socket frame budget a frame is dropped; the first dropped frame of a burst gets an error. */
    private boolean withinFrameLimit(ClientSocket socket, FrameRateLimit frameLimit) {
        FrameRateLimit.Decision decision = frameLimit.onFrame();
        if (decision == FrameRateLimit.Decision.ACCEPT) {
            return true;
        }
        metrics.frameIn();
        metrics.limits().refused(LimitCounters.Limit.WS_FRAMES);
        if (decision == FrameRateLimit.Decision.REJECT_AND_NOTIFY) {
            socket.send(error(
                    "rate_limited", "at most " + framesPerSecond + " frames per second; frames were dropped", null));
        }
        return false;
    }

    private void onText(ClientSocket socket, UUID userId, TypingRateLimit typingLimit, String text) {
        metrics.frameIn();
        if (text.length() > maxFrameBytes) {
            socket.send(error("too_large", "frames are limited to " + maxFrameBytes + " bytes", null));
            return;
        }
        JsonNode frame;
        try {
            frame = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            socket.send(error("malformed", "not JSON: " + e.getOriginalMessage(), null));
            return;
        }
        if (frame == null || !frame.isObject() || !frame.path("type").isTextual()) {
            socket.send(error("invalid", "a frame is a JSON object with a string \"type\"", null));
            return;
        }
        String type = frame.get("type").asText();
        switch (type) {
            case "ping" -> socket.send(OutboundFrame.of(new JsonObject().put("type", "pong")));
            case "message.send" -> onSend(socket, userId, frame);
            case "read" -> onRead(socket, userId, frame);
            case "typing" -> onTyping(socket, userId, typingLimit, frame);
            case "presence" -> onPresence(socket, userId, frame);
            case "rtc.signal" -> onRtcSignal(socket, userId, frame);
            case "auth.refresh" -> onAuthRefresh(socket, userId, frame);
            default ->
                socket.send(error("unknown_type", "unknown frame type '" + RequestParams.abbreviate(type) + "'", null));
        }
    }

    private void onSend(ClientSocket socket, UUID userId, JsonNode frame) {
        JsonNode clientMessageIdNode = frame.get("clientMessageId");
        String clientMessageId =
                clientMessageIdNode != null && clientMessageIdNode.isTextual() ? clientMessageIdNode.asText() : null;
        if (!valid(socket, "ws-message-send", frame, clientMessageId)) {
            return;
        }
        UUID conversationId = UUID.fromString(frame.get("conversationId").asText());
        // Success needs no answer here: the fan-out pushes message.ack to every socket of the sender.
        sender.send(
                        userId,
                        conversationId,
                        clientMessageId,
                        frame.get("content").asText())
                .onFailure(e -> socket.send(failure(e, clientMessageId)));
    }

    private void onRead(ClientSocket socket, UUID userId, JsonNode frame) {
        if (!valid(socket, "ws-read", frame, null)) {
            return;
        }
        UUID conversationId = UUID.fromString(frame.get("conversationId").asText());
        conversations
                .markRead(userId, conversationId, frame.get("seq").asLong())
                .onFailure(e -> socket.send(failure(e, null)));
    }

    private void onTyping(ClientSocket socket, UUID userId, TypingRateLimit typingLimit, JsonNode frame) {
        if (!valid(socket, "ws-typing", frame, null)) {
            return;
        }
        if (!typingLimit.tryAcquire(System.currentTimeMillis())) {
            metrics.limits().refused(LimitCounters.Limit.TYPING);
            socket.send(error(
                    "rate_limited",
                    "at most " + TYPING_FRAMES_PER_WINDOW + " typing frames per " + TYPING_WINDOW_MILLIS + " ms",
                    null));
            return;
        }
        UUID conversationId = UUID.fromString(frame.get("conversationId").asText());
        // Redis or PostgreSQL trouble: typing is dropped silently.
        presence.typing(userId, conversationId, frame.get("isTyping").asBoolean())
                .onSuccess(status -> {
                    if (status != Membership.Status.MEMBER) {
                        socket.send(failure(Rejections.unknownConversation(), null));
                    }
                });
    }

    private void onPresence(ClientSocket socket, UUID userId, JsonNode frame) {
        if (valid(socket, "ws-presence", frame, null)) {
            presence.setStatus(userId, frame.get("status").asText());
        }
    }

    private void onRtcSignal(ClientSocket socket, UUID userId, JsonNode frame) {
        if (valid(socket, "ws-rtc-signal", frame, null)) {
            rtc.relay(userId, UUID.fromString(frame.get("sessionId").asText()), frame.get("payload"))
                    .onFailure(e -> socket.send(failure(e, null)));
        }
    }

    /**
     * A fresh access token of the same account extends the socket's life to that token's expiry; anything else is an
     * {@code invalid_token} error and the old deadline stays.
     */
    private void onAuthRefresh(ClientSocket socket, UUID userId, JsonNode frame) {
        if (!valid(socket, "ws-auth-refresh", frame, null)) {
            return;
        }
        tokens.verify(frame.get("accessToken").asText()).onComplete(verified -> {
            if (!socket.isOpen()) {
                return;
            }
            if (verified.failed() || !verified.result().id().equals(userId)) {
                socket.send(error("invalid_token", "not a valid access token of this account", null));
                return;
            }
            socket.credentials(verified.result().familyId(), verified.result().expiresAt());
            socket.send(OutboundFrame.of(new JsonObject()
                    .put("type", "auth.refreshed")
                    .put("expiresAt", verified.result().expiresAt().toString())));
        });
    }

    private static boolean valid(ClientSocket socket, String schema, JsonNode frame, String clientMessageId) {
        List<String> violations = JsonBody.violations(schema, frame);
        if (violations.isEmpty()) {
            return true;
        }
        socket.send(error("invalid", String.join("; ", violations), clientMessageId));
        return false;
    }

    private static OutboundFrame failure(Throwable error, String clientMessageId) {
        ProblemException problem = ProblemResponses.toProblem(error, 500);
        return error(Rejections.code(problem), problem.getMessage(), clientMessageId);
    }

    private static OutboundFrame error(String code, String message, String clientMessageId) {
        return OutboundFrame.of(ChatJson.errorFrame(code, message, clientMessageId));
    }
}
