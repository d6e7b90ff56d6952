package com.humanchat.edge.ws;

import com.humanchat.edge.auth.AuthenticatedUser;
import com.humanchat.edge.auth.SuspendedUsers;
import com.humanchat.edge.auth.TokenService;
import com.humanchat.edge.chat.ChatMetrics;
import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.limits.LimitCounters;
import com.humanchat.edge.limits.SocketQuota;
import com.humanchat.edge.sync.SyncCursor;
import com.humanchat.edge.sync.SyncRoutes;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may open a socket, decided before the upgrade so that a refusal is an HTTP problem, not a socket: a valid access
 * token (query {@code access_token} or {@code Authorization: Bearer}), a readable {@code since} cursor, an account that
 * is not suspended, room on this replica and within the user's socket quota (released when the socket closes).
 */
final class SocketAdmission {

    private static final Logger LOG = LoggerFactory.getLogger(SocketAdmission.class);

    /** A socket slot frees when the user closes one; a client should not retry sooner than this. */
    static final long SOCKET_QUOTA_RETRY_SECONDS = 5;

    /** What happens to an admitted socket. */
    interface Admitted {
        void open(ServerWebSocket ws, AuthenticatedUser user, SyncCursor since);
    }

    private final TokenService tokens;
    private final SuspendedUsers suspended;
    private final SocketRegistry sockets;
    private final SocketQuota socketQuota;
    private final int maxSockets;
    private final ChatMetrics metrics;

    SocketAdmission(
            TokenService tokens,
            SuspendedUsers suspended,
            SocketRegistry sockets,
            SocketQuota socketQuota,
            int maxSockets,
            ChatMetrics metrics) {
        this.tokens = tokens;
        this.suspended = suspended;
        this.sockets = sockets;
        this.socketQuota = socketQuota;
        this.maxSockets = maxSockets;
        this.metrics = metrics;
    }

    /** A socket of {@code userId} closed: its slot in the user's quota is free again. */
    void closed(UUID userId) {
        socketQuota.release(userId);
    }

    void upgrade(RoutingContext ctx, Admitted admitted) {
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
                    admitted.open(upgraded.result(), verified.result(), since);
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
}
