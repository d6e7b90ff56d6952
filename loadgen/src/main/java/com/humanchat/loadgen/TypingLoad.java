package com.humanchat.loadgen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.humanchat.loadgen.ApiClient.RegisteredUser;
import com.humanchat.loadgen.SignalTracker.Kind;
import com.humanchat.loadgen.SignalTracker.SignalStats;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Typing mode: the sender of pair p (user 2p, socket on {@code --url}) sends typing and presence frames at a fixed
 * open-loop rate, and the receiver (user 2p+1, socket on {@code --url2} or {@code --url}) times each matching frame
 * from the send's intended time; a {@link SignalTracker} does the matching.
 *
 * <p>Receivers connect first, so the {@code presence online} each sees when its sender connects has crossed the
 * edge's pub/sub like the measured frames; the run waits for all of them (up to {@code --ready-timeout}). Each event
 * goes to pair {@code k mod pairs} and is a presence change with probability {@code --presence-share}, else a typing
 * frame; each kind alternates its value per pair ({@code isTyping} true/false, {@code away}/{@code online}).
 */
final class TypingLoad {

    private static final long HELLO_TIMEOUT_MILLIS = 30_000;
    private static final long START_LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final String ONLINE = "online";
    private static final String AWAY = "away";
    private static final String PRESENCE_AWAY = "{\"type\":\"presence\",\"status\":\"away\"}";
    private static final String PRESENCE_ONLINE = "{\"type\":\"presence\",\"status\":\"online\"}";

    private final TypingOptions options;
    private final ObjectMapper mapper = new ObjectMapper();
    private final String runId = UserPool.newRunId();

    private final SocketCloses closes = new SocketCloses();
    private final AtomicLong foreignFrames = new AtomicLong();
    private final AtomicLong sendsOnFullWriteQueue = new AtomicLong();
    private final Map<String, Long> errorsByCode = new TreeMap<>();
    private final AtomicIntegerArray sawSenderOnline;
    private final AtomicInteger receiversReady = new AtomicInteger();

    /** Who is who; set before any socket opens. */
    private volatile Roster roster;

    /** Set just before the first send; frames that arrive earlier belong to the setup. */
    private volatile SignalTracker tracker;

    /** Pair p: its sender's and receiver's user ids and their conversation; receivers' ids map back to p. */
    private record Roster(
            List<String> senders, List<String> receivers, List<String> conversations, Map<String, Integer> pairOf) {}

    TypingLoad(TypingOptions options) {
        this.options = options;
        this.sawSenderOnline = new AtomicIntegerArray(options.pairs());
    }

    TypingSummary run() throws InterruptedException {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(options.eventLoops()));
        ApiClient api = new ApiClient(vertx, options.endpoint(), mapper, options.registerConcurrency());
        WebSocketClient webSockets = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(2 * options.pairs())
                .setConnectTimeout(10_000));
        PingTicker pings = new PingTicker(vertx, options.pingIntervalSeconds());
        List<LoadSocket> senders = List.of();
        List<LoadSocket> receivers = List.of();
        try {
            List<RegisteredUser> users =
                    UserPool.register(api, runId, 2 * options.pairs(), options.registerConcurrency());
            roster = roster(users, UserPool.openDirectConversations(api, users, options.registerConcurrency()));
            LoadSocket.Listener listener = closes.listener(this::onServerFrame);
            receivers = connect(vertx, webSockets, options.receivers(), users, 1, listener, "receiver sockets");
            long sendersFrom = System.nanoTime();
            senders = connect(vertx, webSockets, options.endpoint(), users, 0, listener, "sender sockets");
            senders.forEach(pings::add);
            receivers.forEach(pings::add);
            pings.start();
            double readySeconds = awaitReceiversReady(sendersFrom);
            return drive(vertx, senders, receivers, readySeconds);
        } finally {
            pings.stop();
            senders.forEach(LoadSocket::close);
            receivers.forEach(LoadSocket::close);
            webSockets.close();
            api.close();
            vertx.close().await();
        }
    }

    private static Roster roster(List<RegisteredUser> users, List<String> conversations) {
        List<String> senders = new ArrayList<>();
        List<String> receivers = new ArrayList<>();
        Map<String, Integer> pairOf = new HashMap<>();
        for (int p = 0; p < conversations.size(); p++) {
            senders.add(users.get(2 * p).id());
            receivers.add(users.get(2 * p + 1).id());
            pairOf.put(users.get(2 * p + 1).id(), p);
        }
        return new Roster(List.copyOf(senders), List.copyOf(receivers), List.copyOf(conversations), Map.copyOf(pairOf));
    }

    /** The sockets of users {@code 2p + parity}, element p for pair p. */
    private List<LoadSocket> connect(
            Vertx vertx,
            WebSocketClient client,
            Endpoint endpoint,
            List<RegisteredUser> users,
            int parity,
            LoadSocket.Listener listener,
            String label) {
        List<RegisteredUser> side = new ArrayList<>(options.pairs());
        for (int p = 0; p < options.pairs(); p++) {
            side.add(users.get(2 * p + parity));
        }
        return SocketPool.connect(
                vertx,
                client,
                endpoint,
                side,
                mapper,
                listener,
                options.connectConcurrency(),
                HELLO_TIMEOUT_MILLIS,
                label + " on " + endpoint);
    }

    /** Waits until every receiver saw its sender online (or the ready timeout); returns the seconds it took. */
    private double awaitReceiversReady(long sendersFrom) throws InterruptedException {
        int pairs = options.pairs();
        Report.phase(
                "waiting up to " + options.readyTimeoutSeconds() + " s for each receiver to see its sender online");
        long deadline = sendersFrom + TimeUnit.SECONDS.toNanos(options.readyTimeoutSeconds());
        while (receiversReady.get() < pairs && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double seconds = Math.round((System.nanoTime() - sendersFrom) / 1e7) / 100.0;
        int ready = receiversReady.get();
        if (ready < pairs) {
            Report.warn((pairs - ready) + " of " + pairs + " receivers had not seen their sender's presence online "
                    + seconds + " s after the senders began connecting; measuring anyway");
        } else {
            Report.phase("every receiver saw its sender online within " + seconds + " s of the senders connecting");
        }
        return seconds;
    }

    private void onServerFrame(LoadSocket socket, ServerFrame frame, long receivedNanos) {
        if (frame instanceof ServerFrame.ErrorFrame error) {
            synchronized (errorsByCode) {
                errorsByCode.merge(error.code(), 1L, Long::sum);
            }
            return;
        }
        Roster pairs = roster;
        Integer pair = socket.userId() == null ? null : pairs.pairOf().get(socket.userId());
        if (pair == null) {
            return; // a sender's socket: it only hears its receiver come online
        }
        String sender = pairs.senders().get(pair);
        SignalTracker current = tracker;
        switch (frame) {
            case ServerFrame.Typing typing -> {
                if (!sender.equals(typing.userId())
                        || !pairs.conversations().get(pair).equals(typing.conversationId())) {
                    foreignFrames.incrementAndGet();
                } else if (current != null) {
                    current.received(pair, Kind.TYPING, typing.isTyping(), receivedNanos);
                }
            }
            case ServerFrame.Presence presence -> {
                if (!sender.equals(presence.userId())) {
                    foreignFrames.incrementAndGet();
                } else if (current != null) {
                    current.received(pair, Kind.PRESENCE, presenceValue(presence.status()), receivedNanos);
                } else if (ONLINE.equals(presence.status()) && sawSenderOnline.compareAndSet(pair, 0, 1)) {
                    receiversReady.incrementAndGet();
                }
            }
            default -> {}
        }
    }

    /** {@code away} is the tracker's {@code true}, {@code online} its {@code false}; any other status is neither. */
    private static Boolean presenceValue(String status) {
        return AWAY.equals(status) ? Boolean.TRUE : ONLINE.equals(status) ? Boolean.FALSE : null;
    }

    private TypingSummary drive(Vertx vertx, List<LoadSocket> senders, List<LoadSocket> receivers, double readySeconds)
            throws InterruptedException {
        long total = OpenLoopSchedule.sendsFor(options.rate(), options.warmupSeconds() + options.durationSeconds());
        OpenLoopSchedule schedule = new OpenLoopSchedule(System.nanoTime() + START_LEAD_NANOS, options.rate(), total);
        long measureFrom = schedule.startNanos() + TimeUnit.SECONDS.toNanos(options.warmupSeconds());
        SignalTracker signals =
                new SignalTracker(options.pairs(), measureFrom, TimeUnit.SECONDS.toNanos(options.timeoutSeconds()));
        tracker = signals;

        PairRotation rotation = new PairRotation(options.pairs());
        List<String> typingPrefixes = ConversationFrames.prefixes("typing", roster.conversations(), "isTyping");
        double presenceShare = options.presenceShare();

        Report.phase(String.format(
                Locale.ROOT,
                "sending %d events at %.1f/s (%.0f%% presence): %d s warm-up, then %d s measured",
                total,
                options.rate(),
                presenceShare * 100,
                options.warmupSeconds(),
                options.durationSeconds()));
        OpenLoopTicker ticker = new OpenLoopTicker(vertx, schedule);
        ticker.start((k, intendedNanos, now) -> {
            int pair = rotation.pairOf(k);
            Kind kind = ThreadLocalRandom.current().nextDouble() < presenceShare ? Kind.PRESENCE : Kind.TYPING;
            LoadSocket sender = senders.get(pair);
            if (sender.isClosed() || receivers.get(pair).isClosed()) {
                signals.skipped(intendedNanos);
                return;
            }
            SignalTracker.Pending pending = signals.sent(pair, kind, intendedNanos, now);
            if (sender.writeQueueFull()) {
                sendsOnFullWriteQueue.incrementAndGet();
            }
            String frame = kind == Kind.TYPING
                    ? typingPrefixes.get(pair) + pending.value() + "}"
                    : pending.value() ? PRESENCE_AWAY : PRESENCE_ONLINE;
            sender.send(frame).onFailure(failure -> signals.writeFailed(pair, kind, pending));
        });
        long monitor = vertx.setPeriodic(1_000, id -> {
            long now = System.nanoTime();
            signals.expire(now);
            String progress = ticker.progress(now, measureFrom);
            if (progress != null) {
                Report.phase(
                        progress + " pending=" + signals.pending() + " closes=" + (closes.with1013() + closes.other()));
            }
        });
        ticker.awaitIssuedAndDrain("events", options.drainSeconds(), signals::pending);
        vertx.cancelTimer(monitor);
        return summarize(signals.stats(), measureFrom, readySeconds);
    }

    private TypingSummary summarize(SignalStats stats, long measureFrom, double readySeconds) {
        int window = options.durationSeconds();
        long sent = stats.typing().sent() + stats.presence().sent();
        long received = stats.typing().received() + stats.presence().received();
        Map<String, Long> errors;
        synchronized (errorsByCode) {
            errors = Collections.unmodifiableMap(new TreeMap<>(errorsByCode));
        }
        return new TypingSummary(
                "typing",
                runId,
                options.endpoint().toString(),
                options.receivers().toString(),
                options.pairs(),
                options.rate(),
                options.presenceShare(),
                options.warmupSeconds(),
                options.durationSeconds(),
                options.drainSeconds(),
                receiversReady.get(),
                readySeconds,
                sent,
                MeasuredRate.of(sent, window, measureFrom, stats.lastMeasuredSendNanos()),
                received,
                MeasuredRate.of(received, window, measureFrom, stats.lastMeasuredReceiveNanos()),
                stats.typing().dropped() + stats.presence().dropped(),
                stats.typing().writeFailures() + stats.presence().writeFailures(),
                stats.skippedClosedSocket(),
                sendsOnFullWriteQueue.get(),
                stats.typing(),
                stats.presence(),
                foreignFrames.get(),
                errors,
                closes.with1013(),
                closes.other(),
                stats.warmupSent(),
                stats.warmupReceived(),
                stats.peakPending(),
                stats.schedulerLag());
    }

    String runId() {
        return runId;
    }
}
