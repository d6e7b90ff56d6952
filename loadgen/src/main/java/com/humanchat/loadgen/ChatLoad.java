package com.humanchat.loadgen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.humanchat.loadgen.ApiClient.RegisteredUser;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chat mode: one socket per user, each user in the conversations a {@link ConversationPlan} gives it (by default
 * users paired 2i ↔ 2i+1 in one direct conversation each), messages at a fixed open-loop rate round-robin over the
 * conversations; one-way latency runs from each send's intended time to each recipient's {@code message.new}. With
 * {@code --reads} recipients mark what they received read (at most once per conversation per second), and
 * {@code --typing-share} of the sends are preceded by a {@code typing} frame, as a client does.
 *
 * <p>Setup and waiting happen on the main thread; sends, frames and timers run on the Vert.x event loops and
 * never block. The sends are issued by an {@link OpenLoopTicker}: a late tick sends a burst with the original
 * intended times rather than skipping or shifting them.
 */
final class ChatLoad {

    private static final long HELLO_TIMEOUT_MILLIS = 30_000;
    private static final long START_LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long PROGRESS_EVERY_SECONDS = 5;
    private static final long SCHEDULER_GRACE_MILLIS = 30_000;
    /** A recipient marks a conversation read at most once per second, like a client on screen. */
    private static final long READ_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** How often deferred reads are looked at: they go out at most this much after their second has passed. */
    private static final long READ_TICK_MILLIS = 100;

    private final ChatOptions options;
    private final ObjectMapper mapper = new ObjectMapper();
    private final String runId =
            HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    private final AtomicLong closes1013 = new AtomicLong();
    private final AtomicLong otherCloses = new AtomicLong();
    private final AtomicLong echoes = new AtomicLong();
    private final AtomicLong sendsOnFullWriteQueue = new AtomicLong();
    private final AtomicLong readsSent = new AtomicLong();
    private final AtomicLong typingSent = new AtomicLong();
    private final AtomicLong typingReceived = new AtomicLong();
    private final ReadThrottle<ReadKey> reads = new ReadThrottle<>(READ_INTERVAL_NANOS);

    /** Each conversation's {@code read} frame prefix by id; set before {@link #tracker}. */
    private volatile Map<String, String> readPrefixes = Map.of();

    /** Set just before the first send; frames that arrive earlier ({@code unread}, …) are not about our sends. */
    private volatile DeliveryTracker tracker;

    /** A recipient's conversation, as the read receipts know it. */
    private record ReadKey(LoadSocket socket, String conversationId) {}

    ChatLoad(ChatOptions options) {
        this.options = options;
    }

    ChatSummary run() throws InterruptedException {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(options.eventLoops()));
        ApiClient api = new ApiClient(vertx, options.endpoint(), mapper, options.registerConcurrency());
        WebSocketClient webSockets = vertx.createWebSocketClient(LoadSocket.clientOptions(options.compress())
                .setMaxConnections(options.users())
                .setConnectTimeout(10_000));
        PingTicker pings = new PingTicker(vertx, options.pingIntervalSeconds());
        List<LoadSocket> sockets = List.of();
        try {
            ConversationPlan plan = options.plan();
            List<RegisteredUser> users = UserPool.register(api, runId, options.users(), options.registerConcurrency());
            List<String> conversations = UserPool.openConversations(api, users, plan, options.registerConcurrency());
            sockets = connect(vertx, webSockets, users);
            sockets.forEach(pings::add);
            pings.start();
            return drive(vertx, sockets, plan, conversations, CompressionFigures.of(options.compress(), sockets));
        } finally {
            pings.stop();
            sockets.forEach(LoadSocket::close);
            webSockets.close();
            api.close();
            vertx.close().await();
        }
    }

    private List<LoadSocket> connect(Vertx vertx, WebSocketClient client, List<RegisteredUser> users) {
        LoadSocket.Listener listener = new LoadSocket.Listener() {
            @Override
            public void onFrame(LoadSocket socket, ServerFrame frame, long receivedNanos) {
                onServerFrame(socket, frame, receivedNanos);
            }

            @Override
            public void onClose(LoadSocket socket, Short statusCode, String reason) {
                (statusCode != null && statusCode == 1013 ? closes1013 : otherCloses).incrementAndGet();
            }
        };
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
                    if (options.reads()) {
                        markRead(socket, message, receivedNanos);
                    }
                }
            }
            case ServerFrame.ErrorFrame error -> current.error(error.code(), error.clientMessageId());
            case ServerFrame.Hello hello -> {}
            case ServerFrame.Pong pong -> {}
            case ServerFrame.Typing typing -> typingReceived.incrementAndGet();
            case ServerFrame.Presence presence -> {}
            case ServerFrame.Other other -> {}
        }
    }

    /** Reads up to the delivered seq now, or leaves it to {@link #sendDueReads} within a second of the last read. */
    private void markRead(LoadSocket socket, ServerFrame.MessageNew message, long receivedNanos) {
        if (message.seq() < 0 || !readPrefixes.containsKey(message.conversationId())) {
            return;
        }
        ReadKey key = new ReadKey(socket, message.conversationId());
        reads.delivered(key, message.seq(), receivedNanos).ifPresent(seq -> sendRead(key, seq));
    }

    private void sendDueReads() {
        reads.due(System.nanoTime()).forEach(read -> sendRead(read.key(), read.seq()));
    }

    private void sendRead(ReadKey key, long seq) {
        if (!key.socket().isClosed()) {
            key.socket().send(readPrefixes.get(key.conversationId()) + seq + "}");
            readsSent.incrementAndGet();
        }
    }

    private ChatSummary drive(
            Vertx vertx,
            List<LoadSocket> sockets,
            ConversationPlan plan,
            List<String> conversations,
            CompressionFigures compression)
            throws InterruptedException {
        long total = OpenLoopSchedule.sendsFor(options.rate(), options.warmupSeconds() + options.durationSeconds());
        OpenLoopSchedule schedule = new OpenLoopSchedule(System.nanoTime() + START_LEAD_NANOS, options.rate(), total);
        long measureFrom = schedule.startNanos() + TimeUnit.SECONDS.toNanos(options.warmupSeconds());
        DeliveryTracker deliveries =
                new DeliveryTracker(measureFrom, TimeUnit.SECONDS.toNanos(options.timeoutSeconds()));
        Map<String, String> readFrames = new HashMap<>();
        conversations.forEach(id -> readFrames.put(id, ClientFrames.readPrefix(id)));
        readPrefixes = readFrames;
        tracker = deliveries;
        long readTimer = options.reads() ? vertx.setPeriodic(READ_TICK_MILLIS, id -> sendDueReads()) : -1;

        ClientMessageIds ids = new ClientMessageIds(ThreadLocalRandom.current().nextLong());
        List<String> framePrefixes =
                conversations.stream().map(ClientFrames::messageSendPrefix).toList();
        List<String> typingFrames = conversations.stream()
                .map(id -> ClientFrames.typingPrefix(id) + "true}")
                .toList();
        double typingShare = options.typingShare();
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
            int conversation = plan.conversationOf(k);
            int senderIndex = plan.senderOf(k);
            LoadSocket sender = sockets.get(senderIndex);
            int recipients = openRecipients(plan.conversations().get(conversation), senderIndex, sockets);
            if (sender.isClosed() || recipients == 0) {
                deliveries.skipped(intendedNanos);
                return;
            }
            String clientMessageId = ids.of(k);
            deliveries.sent(clientMessageId, recipients, intendedNanos, now);
            if (sender.writeQueueFull()) {
                sendsOnFullWriteQueue.incrementAndGet();
            }
            if (typingShare > 0 && ThreadLocalRandom.current().nextDouble() < typingShare) {
                sender.send(typingFrames.get(conversation));
                typingSent.incrementAndGet();
            }
            sender.send(framePrefixes.get(conversation) + clientMessageId + "\",\"content\":\"" + content(k, padding)
                            + "\"}")
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
            long elapsed = TimeUnit.NANOSECONDS.toSeconds(now - schedule.startNanos());
            if (elapsed > 0 && elapsed % PROGRESS_EVERY_SECONDS == 0) {
                Report.phase(String.format(
                        Locale.ROOT,
                        "t=%ds %s issued=%d in-flight=%d 1013-closes=%d",
                        elapsed,
                        now < measureFrom ? "warm-up" : ticker.issued() < total ? "measuring" : "draining",
                        ticker.issued(),
                        inFlight,
                        closes1013.get()));
            }
        });
        if (!ticker.awaitAllIssued(SCHEDULER_GRACE_MILLIS)) {
            Report.warn("the scheduler had issued only " + ticker.issued() + " of " + total
                    + " sends when the run should have ended; reporting what was sent");
        }

        Report.phase("all sends issued; draining for up to " + options.drainSeconds() + " s");
        long drainEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.drainSeconds());
        while (System.nanoTime() < drainEnd && deliveries.inFlight() > 0) {
            Thread.sleep(50);
        }
        vertx.cancelTimer(monitor);
        vertx.cancelTimer(readTimer);
        return summarize(deliveries.stats(), measureFrom, plan, compression);
    }

    /**
     * The members other than the sender whose sockets are still open: they are the deliveries to expect, so a socket
     * the server closed (after a 1013, say) does not turn into losses between open sockets.
     */
    private static int openRecipients(
            ConversationPlan.Conversation conversation, int sender, List<LoadSocket> sockets) {
        int open = 0;
        for (int member : conversation.members()) {
            if (member != sender && !sockets.get(member).isClosed()) {
                open++;
            }
        }
        return open;
    }

    /** ASCII only, so it needs no escaping: the send index, padded to the configured size. */
    private static String content(long k, String padding) {
        String head = "loadgen " + k + " ";
        return head.length() >= padding.length() ? head : head + padding.substring(head.length());
    }

    private ChatSummary summarize(
            DeliveryTracker.DeliveryStats stats,
            long measureFrom,
            ConversationPlan plan,
            CompressionFigures compression) {
        int window = options.durationSeconds();
        return new ChatSummary(
                "chat",
                runId,
                options.endpoint().toString(),
                options.users(),
                options.conversationsPerUser(),
                plan.directCount(),
                plan.groupCount(),
                plan.groupSize(),
                options.reads(),
                options.typingShare(),
                compression,
                options.rate(),
                options.warmupSeconds(),
                options.durationSeconds(),
                options.drainSeconds(),
                stats.attempted(),
                MeasuredRate.of(stats.attempted(), window, measureFrom, stats.lastMeasuredIssueNanos()),
                stats.expectedDeliveries(),
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
                readsSent.get(),
                typingSent.get(),
                typingReceived.get(),
                stats.errorsByCode(),
                closes1013.get(),
                otherCloses.get(),
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
