package com.humanchat.loadgen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.humanchat.loadgen.ApiClient.RegisteredUser;
import com.sun.management.UnixOperatingSystemMXBean;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Idle mode: many authenticated sockets that only ping, spread over source addresses (one WebSocket client bound
 * to each) to pass one address's ephemeral ports; measures the connect+hello rate and the edge's heap per socket.
 */
final class IdleLoad {

    private static final long HELLO_TIMEOUT_MILLIS = 60_000;
    private static final int MAX_FAILURE_SAMPLES = 5;

    private final IdleOptions options;
    private final ObjectMapper mapper = new ObjectMapper();
    private final String runId = UserPool.newRunId();

    private final AtomicLong pongs = new AtomicLong();
    private final SocketCloses closes = new SocketCloses();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong lastHelloNanos = new AtomicLong(Long.MIN_VALUE);
    private final List<String> failureSamples = new ArrayList<>();
    private final Histogram connectLatencyMicros = LatencySummary.newHistogram();

    IdleLoad(IdleOptions options) {
        this.options = options;
    }

    IdleSummary run() throws InterruptedException {
        warnIfFileDescriptorsShort();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(options.eventLoops()));
        ApiClient api = new ApiClient(vertx, options.endpoint(), mapper, options.registerConcurrency());
        List<WebSocketClient> clients = webSocketClients(vertx);
        PingTicker pings = new PingTicker(vertx, options.pingIntervalSeconds());
        List<LoadSocket> sockets = List.of();
        try {
            List<RegisteredUser> users = UserPool.register(api, runId, options.users(), options.registerConcurrency());
            HeapProbe heap = new HeapProbe(
                    new ApiClient(vertx, options.opsEndpoint(), mapper, 1),
                    options.edgePid(),
                    options.heapSamples(),
                    TimeUnit.SECONDS.toMillis(options.samplePauseSeconds()));
            Report.phase("sampling the edge's heap before opening sockets");
            OptionalLong before = heap.minimumHeapBytes();

            pings.start();
            long started = System.nanoTime();
            sockets = connect(vertx, clients, users, pings, started);
            long established = sockets.size();
            double connectSeconds = established == 0 ? 0 : Math.max(1e-9, (lastHelloNanos.get() - started) / 1e9);
            Report.phase(String.format(
                    Locale.ROOT,
                    "%d sockets open (%d failed) in %.2f s; settling %d s before sampling the heap",
                    established,
                    failed.get(),
                    connectSeconds,
                    options.settleSeconds()));
            Thread.sleep(TimeUnit.SECONDS.toMillis(options.settleSeconds()));
            OptionalLong after = before.isPresent() ? heap.minimumHeapBytes() : OptionalLong.empty();

            if (options.holdSeconds() > 0) {
                Report.phase("holding the sockets open for " + options.holdSeconds() + " s");
                Thread.sleep(TimeUnit.SECONDS.toMillis(options.holdSeconds()));
            }
            Long perSocket = before.isPresent() && after.isPresent() && established > 0
                    ? Math.round((after.getAsLong() - before.getAsLong()) / (double) established)
                    : null;
            List<String> samples;
            synchronized (failureSamples) {
                samples = List.copyOf(failureSamples);
            }
            synchronized (connectLatencyMicros) {
                return new IdleSummary(
                        "idle",
                        runId,
                        options.endpoint().toString(),
                        options.sockets(),
                        options.users(),
                        options.sourceAddresses(),
                        established,
                        failed.get(),
                        samples,
                        Math.round(connectSeconds * 100) / 100.0,
                        established == 0 ? 0 : Math.round(established / connectSeconds * 10) / 10.0,
                        LatencySummary.of(connectLatencyMicros),
                        before.isPresent() ? before.getAsLong() : null,
                        after.isPresent() ? after.getAsLong() : null,
                        perSocket,
                        heap.gcForced(),
                        pings.pingsSent(),
                        pongs.get(),
                        closes.with1013(),
                        closes.other(),
                        options.holdSeconds());
            }
        } finally {
            pings.stop();
            sockets.forEach(LoadSocket::close);
            clients.forEach(WebSocketClient::close);
            api.close();
            vertx.close().await();
        }
    }

    /** One client per source address, each allowed as many connections as the run needs. */
    private List<WebSocketClient> webSocketClients(Vertx vertx) {
        List<String> addresses = options.sourceAddresses().isEmpty() ? List.of("") : options.sourceAddresses();
        List<WebSocketClient> clients = new ArrayList<>();
        for (String address : addresses) {
            WebSocketClientOptions clientOptions = new WebSocketClientOptions()
                    .setMaxConnections(options.sockets())
                    .setConnectTimeout(30_000);
            if (!address.isEmpty()) {
                clientOptions.setLocalAddress(address);
            }
            clients.add(vertx.createWebSocketClient(clientOptions));
        }
        return clients;
    }

    private List<LoadSocket> connect(
            Vertx vertx, List<WebSocketClient> clients, List<RegisteredUser> users, PingTicker pings, long started) {
        int count = options.sockets();
        Report.phase("opening " + count + " idle sockets over " + clients.size() + " source address(es), "
                + options.connectConcurrency() + " at a time");
        LoadSocket.Listener listener = closes.listener((socket, frame, receivedNanos) -> {
            if (frame instanceof ServerFrame.Pong) {
                pongs.incrementAndGet();
            }
        });
        List<LoadSocket> opened = BoundedConcurrency.run(
                        count,
                        options.connectConcurrency(),
                        j -> openOne(vertx, clients.get(j % clients.size()), users.get(j % users.size()), listener)
                                .map(socket -> {
                                    if (socket != null) {
                                        pings.add(socket);
                                    }
                                    return socket;
                                }),
                        done -> Report.progress("sockets tried", done, count))
                .await();
        return opened.stream().filter(Objects::nonNull).toList();
    }

    /** Never fails: a socket that cannot open is counted and yields null. */
    private Future<LoadSocket> openOne(
            Vertx vertx, WebSocketClient client, RegisteredUser user, LoadSocket.Listener listener) {
        long begun = System.nanoTime();
        return LoadSocket.connect(
                        vertx, client, options.endpoint(), user.accessToken(), mapper, listener, HELLO_TIMEOUT_MILLIS)
                .map(socket -> {
                    long now = System.nanoTime();
                    lastHelloNanos.accumulateAndGet(now, Math::max);
                    synchronized (connectLatencyMicros) {
                        LatencySummary.record(connectLatencyMicros, now - begun);
                    }
                    return socket;
                })
                .otherwise(failure -> {
                    failed.incrementAndGet();
                    synchronized (failureSamples) {
                        if (failureSamples.size() < MAX_FAILURE_SAMPLES) {
                            failureSamples.add(String.valueOf(failure));
                        }
                    }
                    return null;
                });
    }

    private void warnIfFileDescriptorsShort() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
            long max = unix.getMaxFileDescriptorCount();
            if (max < options.sockets() + 1_000L) {
                Report.warn("this process may open only " + max + " files, fewer than --sockets " + options.sockets()
                        + " needs: raise it (ulimit -n), and the edge's too if it runs on this machine");
            }
        }
    }

    String runId() {
        return runId;
    }
}
