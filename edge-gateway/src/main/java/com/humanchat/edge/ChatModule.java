package com.humanchat.edge;

import com.humanchat.edge.attachments.AttachmentRoutes;
import com.humanchat.edge.attachments.AttachmentService;
import com.humanchat.edge.attachments.AttachmentStores;
import com.humanchat.edge.attachments.DiskFileRoutes;
import com.humanchat.edge.attachments.DiskObjectStore;
import com.humanchat.edge.attachments.ObjectStore;
import com.humanchat.edge.auth.AccountStanding;
import com.humanchat.edge.auth.AuthenticatedUser;
import com.humanchat.edge.auth.BearerAuthHandler;
import com.humanchat.edge.auth.SuspendedUsers;
import com.humanchat.edge.auth.TokenService;
import com.humanchat.edge.availability.AvailabilityReadModel;
import com.humanchat.edge.availability.AvailabilityRoutes;
import com.humanchat.edge.availability.AvailabilityService;
import com.humanchat.edge.chat.ChatMetrics;
import com.humanchat.edge.chat.ChatReadModel;
import com.humanchat.edge.chat.ConversationRoutes;
import com.humanchat.edge.chat.ConversationService;
import com.humanchat.edge.chat.Membership;
import com.humanchat.edge.chat.MessageActions;
import com.humanchat.edge.chat.MessageRoutes;
import com.humanchat.edge.chat.MessageSender;
import com.humanchat.edge.chat.PendingReplies;
import com.humanchat.edge.config.EdgeConfig;
import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.kafka.CommandAnswers;
import com.humanchat.edge.kafka.CommandPublisher;
import com.humanchat.edge.kafka.FanOutConsumer;
import com.humanchat.edge.payments.Earnings;
import com.humanchat.edge.payments.PaymentRoutes;
import com.humanchat.edge.payments.PaymentService;
import com.humanchat.edge.payments.StripeWebhookVerifier;
import com.humanchat.edge.presence.PresenceService;
import com.humanchat.edge.reads.PaymentReadModel;
import com.humanchat.edge.reads.RequestReadModel;
import com.humanchat.edge.requests.RequestRoutes;
import com.humanchat.edge.requests.RequestService;
import com.humanchat.edge.safety.BlockReads;
import com.humanchat.edge.safety.BlockedUsers;
import com.humanchat.edge.sam.SamRoutes;
import com.humanchat.edge.sam.SamService;
import com.humanchat.edge.search.MessageSearch;
import com.humanchat.edge.search.SearchRoutes;
import com.humanchat.edge.sessions.BookingTermsRoutes;
import com.humanchat.edge.sessions.HostReviewRoutes;
import com.humanchat.edge.sessions.RescheduleRoutes;
import com.humanchat.edge.sessions.RescheduleService;
import com.humanchat.edge.sessions.ReviewReadModel;
import com.humanchat.edge.sessions.RtcRelay;
import com.humanchat.edge.sessions.SessionReadModel;
import com.humanchat.edge.sessions.SessionRoutes;
import com.humanchat.edge.sessions.SessionService;
import com.humanchat.edge.sync.SyncRoutes;
import com.humanchat.edge.sync.SyncService;
import com.humanchat.edge.ws.ClientSocket;
import com.humanchat.edge.ws.FanOutDispatcher;
import com.humanchat.edge.ws.NotificationPush;
import com.humanchat.edge.ws.SocketRegistry;
import com.humanchat.edge.ws.WebSocketEndpoint;
import com.humanchat.readmodels.hosts.HostReadModel;
import com.humanchat.schemas.payments.PaymentEvent;
import com.humanchat.schemas.requests.RequestEvent;
import com.humanchat.schemas.sessions.SessionEvent;
import com.humanchat.schemas.sessions.SessionStatus;
import com.humanchat.schemas.sessions.SessionStatusChanged;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.redis.client.Redis;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conversations, messages, sync and the WebSocket of one edge process. One instance per process, shared by every
 * {@code EdgeServer} verticle instance: each mounts the routes on its own routers, while the fan-out consumer, the
 * socket registry and the pending replies are shared (all thread-safe; a socket is written only on its own context).
 */
public final class ChatModule implements AutoCloseable {

    private static final long START_WAIT_SECONDS = 10;
    private static final long DRAIN_POLL_MILLIS = 20;
    private static final long SOCKET_CLOSE_WAIT_SECONDS = 2;
    static final String RESTART_REASON = "service restart: reconnect and resume";
    private static final Logger LOG = LoggerFactory.getLogger(ChatModule.class);

    private final Vertx vertx;
    private final EdgeConfig config;
    private final FanOutConsumer fanOut;
    private final PendingReplies replies;
    private final SocketRegistry sockets;
    private final ConversationRoutes conversationRoutes;
    private final MessageRoutes messageRoutes;
    private final SearchRoutes searchRoutes;
    private final SyncRoutes syncRoutes;
    private final SessionRoutes sessionRoutes;
    private final HostReviewRoutes hostReviewRoutes;
    private final BookingTermsRoutes bookingTermsRoutes;
    private final AvailabilityRoutes availabilityRoutes;
    private final RequestRoutes requestRoutes;
    private final RequestService requests;
    private final Pool pg;
    private final SuspendedUsers suspended;
    private final BlockedUsers blocked;
    private final PaymentRoutes paymentRoutes;
    private final Earnings earnings;
    private final SamRoutes samRoutes;
    private final WebSocketEndpoint webSocket;
    private final PresenceService presence;
    private final MessageSender sender;
    private final NotificationPush notificationPush;
    private final AttachmentService attachments;
    private final AttachmentRoutes attachmentRoutes;
    private final DiskFileRoutes diskFileRoutes;
    private volatile boolean draining;

    /**
     * Wires the chat side of the edge; {@code redis} is the process's client for presence and typing (not closed here),
     * {@code listen} where the notification push listens for the notifier's changes.
     */
    public ChatModule(
            Vertx vertx,
            EdgeConfig config,
            Pool pg,
            CommandPublisher publisher,
            TokenService tokens,
            MeterRegistry registry,
            Redis redis,
            SuspendedUsers suspended,
            AccountStanding standing,
            RequestService.ManagerRelation invitations,
            BlockedUsers blocked,
            PgConnectOptions listen) {
        this.vertx = vertx;
        this.config = config;
        this.pg = pg;
        this.suspended = suspended;
        this.blocked = blocked;
        ChatMetrics metrics = new ChatMetrics(registry);
        ChatReadModel readModel = new ChatReadModel(pg);
        Membership membership = new Membership(readModel);
        this.replies = new PendingReplies(vertx);
        this.sockets = new SocketRegistry();
        metrics.socketGauge(sockets::openSockets);
        ObjectStore store = AttachmentStores.open(config.attachments(), config.jwtSecret());
        this.attachments = new AttachmentService(pg, membership, config.attachments(), store, Clock.systemUTC(), vertx);
        this.sender = new MessageSender(publisher, replies, config.sendWait(), metrics, attachments);
        ConversationService conversations =
                new ConversationService(vertx, readModel, membership, publisher, replies, config.sendWait());
        SyncService sync = new SyncService(pg);
        this.presence = new PresenceService(
                vertx,
                redis,
                config.redisUrl(),
                config.replicaId(),
                config.presenceTtl(),
                sockets,
                membership,
                readModel,
                blocked,
                registry);
        CommandAnswers<SessionEvent> sessionAnswers = new CommandAnswers<>(
                vertx,
                SessionEvent::commandId,
                event -> event instanceof SessionStatusChanged changed && changed.toStatus() == SessionStatus.ACCEPTED);
        CommandAnswers<RequestEvent> requestAnswers = new CommandAnswers<>(vertx, RequestEvent::commandId, e -> false);
        CommandAnswers<PaymentEvent> paymentAnswers = new CommandAnswers<>(vertx, PaymentEvent::commandId, e -> false);
        FanOutDispatcher dispatcher = new FanOutDispatcher(
                sockets,
                replies,
                membership,
                sessionAnswers,
                requestAnswers,
                paymentAnswers,
                presence::conversationCreated,
                suspended,
                blocked);
        this.fanOut = new FanOutConsumer(config.kafkaBootstrap(), config.replicaId(), dispatcher, registry);
        this.attachmentRoutes = new AttachmentRoutes(attachments);
        this.diskFileRoutes = store instanceof DiskObjectStore disk ? new DiskFileRoutes(vertx, disk) : null;
        this.conversationRoutes = new ConversationRoutes(conversations, sender);
        this.messageRoutes = new MessageRoutes(new MessageActions(publisher, replies, config.sendWait()), readModel);
        this.searchRoutes = new SearchRoutes(new MessageSearch(pg));
        this.syncRoutes = new SyncRoutes(sync);
        HostReadModel hosts = new HostReadModel(pg);
        RequestReadModel requestReads = new RequestReadModel(pg);
        PaymentReadModel ledger = new PaymentReadModel(pg);
        SessionReadModel sessionReads = new SessionReadModel(pg);
        SessionService sessions = new SessionService(
                vertx,
                sessionReads,
                new ReviewReadModel(pg),
                hosts,
                requestReads,
                ledger,
                membership,
                presence::statusOf,
                publisher,
                sessionAnswers,
                config.sendWait(),
                config.refundPolicy(),
                Clock.systemUTC());
        this.bookingTermsRoutes = new BookingTermsRoutes(pg);
        this.earnings = new Earnings(pg);
        AvailabilityService availability = new AvailabilityService(
                vertx, new AvailabilityReadModel(pg), hosts, publisher, config.sendWait(), Clock.systemUTC());
        this.availabilityRoutes = new AvailabilityRoutes(availability, Clock.systemUTC());
        this.sessionRoutes = new SessionRoutes(
                sessions,
                availability,
                config.iceServers(),
                new RescheduleRoutes(new RescheduleService(
                        vertx,
                        pg,
                        publisher,
                        sessionAnswers,
                        config.sendWait(),
                        config.mail().publicUrl(),
                        availability)));
        this.hostReviewRoutes = new HostReviewRoutes(sessions);
        this.requests = new RequestService(
                vertx, requestReads, hosts, publisher, requestAnswers, config.sendWait(), standing, invitations);
        this.requestRoutes = new RequestRoutes(requests);
        this.paymentRoutes = new PaymentRoutes(
                new PaymentService(
                        ledger,
                        hosts,
                        sessionReads,
                        readModel,
                        publisher,
                        paymentAnswers,
                        config.sendWait(),
                        new BlockReads(pg)),
                config.stripeWebhookSecret() == null
                        ? null
                        : new StripeWebhookVerifier(config.stripeWebhookSecret(), Clock.systemUTC()),
                standing);
        this.samRoutes = new SamRoutes(new SamService(conversations, sender, publisher));
        this.webSocket = new WebSocketEndpoint(
                vertx,
                config,
                tokens,
                sockets,
                sender,
                conversations,
                sync,
                readModel,
                dispatcher,
                metrics,
                presence,
                new RtcRelay(sessions, publisher),
                suspended);
        suspended.onSuspended(user -> sockets.closeAll(user, ClientSocket.POLICY_VIOLATION, "account suspended"));
        this.notificationPush = new NotificationPush(vertx, pg, listen, sockets);
    }

    /**
     * Starts presence (which never waits for Redis) and the fan-out consumer. Completes once the consumer is
     * assigned every partition of {@code chat.events} and {@code chat.unread} at their end — so that no answer to a
     * command produced afterwards can be missed — or after {@value #START_WAIT_SECONDS} s if Kafka is not reachable
     * yet: the edge still starts, and
     * {@link #isFanOutHealthy()} (readiness) stays false until the assignment succeeds. Fails only if the consumer
     * cannot run at all.
     */
    public Future<Void> start() {
        presence.start();
        notificationPush.start();
        CompletableFuture<Void> assigned = fanOut.start()
                .thenApply(v -> (Void) null)
                .completeOnTimeout(null, START_WAIT_SECONDS, TimeUnit.SECONDS);
        // Loaded once the fan-out reads users.events and users.safety, so that no suspension or block falls between.
        return Future.fromCompletionStage(assigned, vertx.getOrCreateContext())
                .compose(v -> suspended.load(pg).recover(e -> {
                    LOG.warn("suspended accounts not loaded ({}); they are refused again once known", e.toString());
                    return Future.succeededFuture();
                }))
                .compose(v -> blocked.load(pg).recover(e -> {
                    LOG.warn(
                            "blocks not loaded ({}); presence is filtered by the blocks seen from now on",
                            e.toString());
                    return Future.succeededFuture();
                }));
    }

    /**
     * Mounts {@code /me/booking-terms}, {@code /me/availability}, {@code /me/earnings} and {@code /me/read-receipts} on the {@code /api} router, behind {@code auth}: before
     * {@code /me/*} (the profile), which would otherwise take the paths.
     */
    public void mountBookingTerms(Vertx vertx, Router api, BearerAuthHandler auth) {
        messageRoutes.mountReadReceipts(api, auth);
        api.route("/me/booking-terms*").subRouter(bookingTermsRoutes.router(vertx, auth));
        api.route("/me/availability*").subRouter(availabilityRoutes.router(vertx, auth));
        api.get("/me/earnings")
                .handler(auth)
                .respond(ctx -> earnings.of(AuthenticatedUser.of(ctx).id()));
    }

    /**
     * Mounts {@code /attachments…} and {@code /me/avatar} on the {@code /api} router, behind {@code auth} (before
     * {@code /me/*}), and the disk store's signed {@code /files/…} URLs on the root router, outside the API's body limit.
     */
    public void mountAttachments(Router root, Router api, BearerAuthHandler auth) {
        attachmentRoutes.mount(api, auth);
        if (diskFileRoutes != null) {
            diskFileRoutes.mount(root);
        }
    }

    /** Managed requests (also read by the admin overview). */
    public RequestService requests() {
        return requests;
    }

    /**
     * Mounts {@code /conversations…}, {@code /sync}, {@code /sessions…}, {@code /hosts/:id/reviews},
     * {@code /hosts/:id/slots}, {@code /requests…}
     * and {@code /sam} on the {@code /api}
     * router, behind {@code auth}.
     */
    public void mountApi(Vertx vertx, Router api, BearerAuthHandler auth) {
        conversationRoutes.mount(api, auth);
        messageRoutes.mount(api, auth);
        searchRoutes.mount(api, auth);
        syncRoutes.mount(api, auth);
        api.route("/sessions*").subRouter(sessionRoutes.router(vertx, auth));
        hostReviewRoutes.mount(api, auth);
        availabilityRoutes.mountSlots(api, auth);
        api.route("/requests*").subRouter(requestRoutes.router(vertx, auth));
        api.route("/payments*").subRouter(paymentRoutes.router(vertx, auth));
        samRoutes.mount(api, auth);
    }

    /** Mounts {@code GET /ws} on the root router; while draining, an upgrade is refused with 503. */
    public void mountWebSocket(Router root) {
        root.get("/ws").handler(ctx -> {
            if (draining) {
                ctx.fail(ProblemException.unavailable("this edge is restarting; connect again", 1));
            } else {
                ctx.next();
            }
        });
        webSocket.mount(root);
    }

    /** Presence of users (Redis), for the public profile. */
    public PresenceService presence() {
        return presence;
    }

    /**
     * Graceful stop, alongside the HTTP servers' shutdown: new upgrades and new sends are refused with 503 at once; sends
     * already under way get up to {@code grace} to be answered by the topology, then those still waiting answer 202
     * pending as soon as Kafka acknowledged their command (bounded by the producer's delivery timeout); then every
     * socket is closed with 1012 (service restart) so that its client reconnects elsewhere and resumes with
     * {@code since}. Never fails.
     */
    public Future<Void> drain(Duration grace) {
        draining = true;
        sender.refuseNewSends();
        long deadline = System.nanoTime() + grace.toNanos();
        long hardDeadline = deadline + config.kafkaDeliveryTimeout().toNanos() + TimeUnit.SECONDS.toNanos(1);
        Promise<Void> sendsDone = Promise.promise();
        boolean[] expired = {false};
        vertx.setPeriodic(DRAIN_POLL_MILLIS, id -> {
            long now = System.nanoTime();
            if (sender.inFlight() == 0 || now - hardDeadline > 0) {
                vertx.cancelTimer(id);
                sendsDone.tryComplete();
            } else if (!expired[0] && now - deadline > 0) {
                expired[0] = true;
                replies.expireAll();
            }
        });
        return sendsDone.future().compose(v -> {
            List<Future<Void>> closing = sockets.all().stream()
                    .map(socket -> socket.close(ClientSocket.SERVICE_RESTART, RESTART_REASON))
                    .toList();
            LOG.info("draining: {} socket(s) told to reconnect (1012)", closing.size());
            return Future.join(closing)
                    .timeout(SOCKET_CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)
                    .otherwiseEmpty()
                    .mapEmpty();
        });
    }

    /** True while the fan-out consumer is assigned and polling. */
    public boolean isFanOutHealthy() {
        return fanOut.isHealthy();
    }

    /** Records the fan-out has not read yet (also exported as {@code humanchat.fanout.lag}). */
    public long fanOutLag() {
        return fanOut.lag();
    }

    /** Open WebSocket connections of this process. */
    public int openSockets() {
        return sockets.openSockets();
    }

    /** Callers still waiting for the topology's answer (for tests and leak checks). */
    public int pendingReplies() {
        return replies.size();
    }

    @Override
    public void close() {
        attachments.close();
        presence.close();
        notificationPush.close();
        fanOut.close();
    }
}
