package com.humanchat.edge.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.humanchat.edge.auth.TokenService;
import com.humanchat.edge.chat.ChatJson;
import com.humanchat.edge.chat.ChatMetrics;
import com.humanchat.edge.chat.ConversationService;
import com.humanchat.edge.chat.Membership;
import com.humanchat.edge.chat.MessageDraft;
import com.humanchat.edge.chat.MessageSender;
import com.humanchat.edge.http.JsonBody;
import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.ProblemResponses;
import com.humanchat.edge.http.Rejections;
import com.humanchat.edge.http.RequestParams;
import com.humanchat.edge.limits.FrameRateLimit;
import com.humanchat.edge.limits.LimitCounters;
import com.humanchat.edge.presence.PresenceService;
import com.humanchat.edge.presence.TypingRateLimit;
import com.humanchat.edge.sessions.RtcRelay;
import com.humanchat.schemas.Json;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;

/**
 * The client frames of an open socket (AsyncAPI {@code asyncapi-ws.yaml}): each is checked against its schema and
 * handed to the service it is for; a bad frame gets an {@code error} frame and the socket stays open. Per socket, at
 * most {@code framesPerSecond} frames and {@value #TYPING_FRAMES_PER_WINDOW} typing frames per
 * {@value #TYPING_WINDOW_MILLIS} ms.
 */
final class FrameProtocol {

    static final int TYPING_FRAMES_PER_WINDOW = 5;
    static final long TYPING_WINDOW_MILLIS = 2_000;

    private final TokenService tokens;
    private final MessageSender sender;
    private final ConversationService conversations;
    private final PresenceService presence;
    private final RtcRelay rtc;
    private final ChatMetrics metrics;
    private final int maxFrameBytes;
    private final int framesPerSecond;

    FrameProtocol(
            TokenService tokens,
            MessageSender sender,
            ConversationService conversations,
            PresenceService presence,
            RtcRelay rtc,
            ChatMetrics metrics,
            int maxFrameBytes,
            int framesPerSecond) {
        this.tokens = tokens;
        this.sender = sender;
        this.conversations = conversations;
        this.presence = presence;
        this.rtc = rtc;
        this.metrics = metrics;
        this.maxFrameBytes = maxFrameBytes;
        this.framesPerSecond = framesPerSecond;
    }

    /** Takes the socket's incoming messages from now on. */
    void attach(ServerWebSocket ws, ClientSocket socket) {
        UUID userId = socket.userId();
        TypingRateLimit typingLimit = new TypingRateLimit(TYPING_FRAMES_PER_WINDOW, TYPING_WINDOW_MILLIS);
        FrameRateLimit frameLimit = new FrameRateLimit(framesPerSecond);
        ws.frameHandler(new MessageAssembler(maxFrameBytes, new MessageAssembler.Sink() {
            @Override
            public void text(String message) {
                if (withinFrameLimit(socket, frameLimit)) {
                    onText(socket, userId, typingLimit, message);
                }
            }

            @Override
            public void binary() {
                if (withinFrameLimit(socket, frameLimit)) {
                    metrics.frameIn();
                    socket.send(error("unsupported", "send JSON text frames", null));
                }
            }

            @Override
            public void tooLarge() {
                if (withinFrameLimit(socket, frameLimit)) {
                    metrics.frameIn();
                    socket.send(error("too_large", "frames are limited to " + maxFrameBytes + " bytes", null));
                }
            }
        }));
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
        sender.send(userId, conversationId, MessageDraft.of(new JsonObject(frame.toString())))
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
