package com.humanchat.edge.ws;

import com.humanchat.edge.auth.AuthenticatedUser;
import com.humanchat.edge.auth.SuspendedUsers;
import com.humanchat.edge.auth.TokenService;
import com.humanchat.edge.chat.ChatMetrics;
import com.humanchat.edge.chat.ChatReadModel;
import com.humanchat.edge.chat.ConversationService;
import com.humanchat.edge.chat.MessageSender;
import com.humanchat.edge.config.EdgeConfig;
import com.humanchat.edge.http.ProblemResponses;
import com.humanchat.edge.limits.SocketQuota;
import com.humanchat.edge.presence.PresenceService;
import com.humanchat.edge.sessions.RtcRelay;
import com.humanchat.edge.sync.SyncCursor;
import com.humanchat.edge.sync.SyncService;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /ws?access_token=<JWT>[&since=<sync cursor>]}: {@link SocketAdmission} decides before the upgrade, then
 * the socket is registered, told {@code hello} first and, with {@code since}, what it missed before any live frame;
 * {@link FrameProtocol} takes its frames. The socket lives only as long as its credentials: closed with 4401 when the
 * token expires without an {@code auth.refresh} frame bringing a fresh one.
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

    private final Vertx vertx;
    private final SocketRegistry sockets;
    private final SocketCatchUp catchUp;
    private final ChatMetrics metrics;
    private final int queueLimit;
    private final PresenceService presence;
    private final SocketAdmission admission;
    private final FrameProtocol protocol;

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
        this.presence = presence;
        this.sockets = sockets;
        this.metrics = metrics;
        this.queueLimit = config.wsSendQueueFrames();
        this.admission = new SocketAdmission(
                tokens,
                suspended,
                sockets,
                new SocketQuota(config.wsMaxSocketsPerUser()),
                config.wsMaxSockets(),
                metrics);
        this.protocol = new FrameProtocol(
                tokens,
                sender,
                conversations,
                presence,
                rtc,
                metrics,
                config.maxBodyBytes(),
                config.wsFramesPerSecond());
        int pageSize = Math.max(1, Math.min(MAX_CATCH_UP_PAGE, queueLimit / 2));
        Duration patience =
                config.sendWait().compareTo(MIN_CATCH_UP_PATIENCE) > 0 ? config.sendWait() : MIN_CATCH_UP_PATIENCE;
        this.catchUp = new SocketCatchUp(vertx, sync, readModel, dispatcher, pageSize, patience);
    }

    public void mount(Router root) {
        root.get("/ws")
                .failureHandler(ProblemResponses::handleFailure)
                .handler(ctx -> admission.upgrade(ctx, this::open));
    }

    private void open(ServerWebSocket ws, AuthenticatedUser user, SyncCursor since) {
        ClientSocket socket = new ClientSocket(ws, vertx.getOrCreateContext(), user.id(), queueLimit, metrics);
        socket.credentials(user.familyId(), user.expiresAt());
        protocol.attach(ws, socket);
        ws.exceptionHandler(e -> LOG.debug("socket of user {}: {}", user.id(), e.toString()));
        ws.closeHandler(v -> {
            admission.closed(user.id());
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
}
