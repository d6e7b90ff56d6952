package com.humanchat.loadgen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.humanchat.loadgen.ApiClient.RegisteredUser;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chat mode: users paired 2i ↔ 2i+1, one direct conversation and one socket each, 1:1 messages at a fixed
 * open-loop rate; one-way latency runs from each send's intended time to the recipient's {@code message.new}.
 *
 * <p>Setup and waiting happen on the main thread; sends, frames and timers run on the Vert.x event loops and
 * never block. The sends are issued by an {@link OpenLoopTicker}: a late tick sends a burst with the original
 * intended times rather than skipping or shifting them.
 */
final class ChatLoad {

    private static final long HELLO_TIMEOUT_MILLIS = 30_000;
    private static final long START_LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final ChatOptions options;
    private final ObjectMapper mapper = new ObjectMapper();
    private final String runId = UserPool.newRunId();

    private final SocketCloses closes = new SocketCloses();
    private final AtomicLong echoes = new AtomicLong();
    private final AtomicLong sendsOnFullWriteQueue = new AtomicLong();

    /** Set just before the first send; frames that arrive earlier ({@code unread}, …) are not about our sends. */
    private volatile DeliveryTracker tracker;

    ChatLoad(ChatOptions options) {
        this.options = options;
    }

    ChatSummary run() throws InterruptedException {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(options.eventLoops()));
        ApiClient api = new ApiClient(vertx, options.endpoint(), mapper, options.registerConcurrency());
        WebSocketClient webSockets = vertx.createWebSocketClient(
                new WebSocketClientOptions().setMaxConnections(options.users()).setConnectTimeout(10_000));
        PingTicker pings = new PingTicker(vertx, options.pingIntervalSeconds());
        List<LoadSocket> sockets = List.of();
        try {
            List<RegisteredUser> users = UserPool.register(api, runId, options.users(), options.registerConcurrency());
            List<String> conversations = UserPool.openDirectConversations(api, users, options.registerConcurrency());
            sockets = connect(vertx, webSockets, users);
            sockets.forEach(pings::add);
            pings.start();
            return drive(vertx, sockets, conversations);
        } finally {
            pings.stop();
            sockets.forEach(LoadSocket::close);
            webSockets.close();
            api.close();
            vertx.close().await();
        }
    }

    private List<LoadSocket> connect(Vertx vertx, WebSocketClient client, List<RegisteredUser> users) {
        LoadSocket.Listener listener = closes.listener(this::onServerFrame);
        return SocketPool.connect(
                vertx,
                client,
                options.endpoint(),
                users,
                mapper,
                listener,
                options.connectConcurrency(),
                HELLO_TIMEOUT_MILLIS,
                "sockets");
    }

    private void onServerFrame(LoadSocket socket, ServerFrame frame, long receivedNanos) {
        DeliveryTracker current = tracker;
        if (current == null) {
            return;
        }
        switch (frame) {
            case ServerFrame.Ack ack -> current.acked(ack.clientMessageId(), receivedNanos);
            case ServerFrame.MessageNew message -> {
                if (socket.userId() != null && socket.userId().equals(message.senderId())) {
                    echoes.incrementAndGet();
                } else {
                    current.delivered(
                            message.conversationId(),
                            socket.userId(),
                            message.seq(),
                            message.clientMessageId(),
                            receivedNanos);
                }
            }
            case ServerFrame.ErrorFrame error -> current.error(error.code(), error.clientMessageId());
            case ServerFrame.Hello hello -> {}
            case ServerFrame.Pong pong -> {}
            case ServerFrame.Typing typing -> {}
            case ServerFrame.Presence presence -> {}
            case ServerFrame.Other other -> {}
        }
    }

    private ChatSummary drive(Vertx vertx, List<LoadSocket> sockets, List<String> conversations)
            throws InterruptedException {
        long total = OpenLoopSchedule.sendsFor(options.rate(), options.warmupSeconds() + options.durationSeconds());
        OpenLoopSchedule schedule = new OpenLoopSchedule(System.nanoTime() + START_LEAD_NANOS, options.rate(), total);
        long measureFrom = schedule.startNanos() + TimeUnit.SECONDS.toNanos(options.warmupSeconds());
        DeliveryTracker deliveries =
                new DeliveryTracker(measureFrom, TimeUnit.SECONDS.toNanos(options.timeoutSeconds()));
        tracker = deliveries;

        PairRotation rotation = new PairRotation(options.pairs());
        ClientMessageIds ids = new ClientMessageIds(ThreadLocalRandom.current().nextLong());
        List<String> framePrefixes = ConversationFrames.prefixes("message.send", conversations, "clientMessageId");
        String padding = "x".repeat(options.messageBytes());

        Report.phase(String.format(
                Locale.ROOT,
                "sending %d messages at %.1f/s: %d s warm-up, then %d s measured",
                total,
                options.rate(),
                options.warmupSeconds(),
                options.durationSeconds()));
        OpenLoopTicker ticker = new OpenLoopTicker(vertx, schedule);
        ticker.start((k, intendedNanos, now) -> {
            LoadSocket sender = sockets.get(rotation.senderOf(k));
            if (sender.isClosed() || sockets.get(rotation.recipientOf(k)).isClosed()) {
                deliveries.skipped(intendedNanos);
                return;
            }
            String clientMessageId = ids.of(k);
            deliveries.sent(clientMessageId, intendedNanos, now);
            if (sender.writeQueueFull()) {
                sendsOnFullWriteQueue.incrementAndGet();
            }
            sender.send(framePrefixes.get(rotation.pairOf(k)) + "\"" + clientMessageId + "\",\"content\":\""
                            + content(k, padding) + "\"}")
                    .onFailure(failure -> deliveries.writeFailed(clientMessageId));
        });
        long bound = options.inFlightBound();
        long[] nextWarning = {bound};
        long monitor = vertx.setPeriodic(1_000, id -> {
            long now = System.nanoTime();
            int expired = deliveries.expire(now);
            int inFlight = deliveries.inFlight();
            if (inFlight > nextWarning[0]) {
                Report.warn("in flight " + inFlight + " exceeds rate x timeout = " + bound
                        + ": the platform is falling behind (" + expired + " timed out this second)");
                nextWarning[0] *= 2;
            }
            String progress = ticker.progress(now, measureFrom);
            if (progress != null) {
                Report.phase(progress + " in-flight=" + inFlight + " 1013-closes=" + closes.with1013());
            }
        });
        ticker.awaitIssuedAndDrain("sends", options.drainSeconds(), deliveries::inFlight);
        vertx.cancelTimer(monitor);
        return summarize(deliveries.stats(), measureFrom);
    }

    /** ASCII only, so it needs no escaping: the send index, padded to the configured size. */
    private static String content(long k, String padding) {
        String head = "loadgen " + k + " ";
        return head.length() >= padding.length() ? head : head + padding.substring(head.length());
    }

    private ChatSummary summarize(DeliveryTracker.DeliveryStats stats, long measureFrom) {
        int window = options.durationSeconds();
        return new ChatSummary(
                "chat",
                runId,
                options.endpoint().toString(),
                options.users(),
                options.pairs(),
                options.rate(),
                options.warmupSeconds(),
                options.durationSeconds(),
                options.drainSeconds(),
                stats.attempted(),
                MeasuredRate.of(stats.attempted(), window, measureFrom, stats.lastMeasuredIssueNanos()),
                stats.delivered(),
                MeasuredRate.of(stats.delivered(), window, measureFrom, stats.lastMeasuredDeliveryNanos()),
                stats.acked(),
                stats.lost(),
                stats.unacked(),
                stats.rejected(),
                stats.writeFailures(),
                stats.skippedClosedSocket(),
                stats.duplicates(),
                stats.outOfOrder(),
                stats.conversationsOutOfOrder(),
                stats.unmatchedDeliveries(),
                stats.unmatchedAcks(),
                stats.duplicateAcks(),
                stats.deliveriesWithoutSeq(),
                echoes.get(),
                stats.errorsByCode(),
                closes.with1013(),
                closes.other(),
                stats.warmupSends(),
                stats.warmupLost(),
                stats.timedOut(),
                stats.peakInFlight(),
                options.inFlightBound(),
                sendsOnFullWriteQueue.get(),
                stats.deliveryLatency(),
                stats.ackLatency(),
                stats.schedulerLag());
    }

    String runId() {
        return runId;
    }
}
