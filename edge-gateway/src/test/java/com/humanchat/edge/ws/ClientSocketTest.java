package com.humanchat.edge.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.humanchat.edge.chat.ChatMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ClientSocketTest {

    private static final Vertx VERTX = Vertx.vertx();
    private static final UUID CONVERSATION = UUID.randomUUID();

    @AfterAll
    static void close() {
        VERTX.close();
    }

    /** A socket double: records writes and the close; its write queue is full while {@code full} is set. */
    private static final class FakeWebSocket {
        final List<String> written = new CopyOnWriteArrayList<>();
        final AtomicBoolean full = new AtomicBoolean();
        final AtomicReference<Short> closedWith = new AtomicReference<>();
        final AtomicReference<Handler<Void>> drain = new AtomicReference<>();

        @SuppressWarnings("unchecked")
        ServerWebSocket proxy() {
            return (ServerWebSocket) Proxy.newProxyInstance(
                    ServerWebSocket.class.getClassLoader(), new Class<?>[] {ServerWebSocket.class}, (p, m, args) -> {
                        switch (m.getName()) {
                            case "writeTextMessage" -> {
                                written.add((String) args[0]);
                                return Future.succeededFuture();
                            }
                            case "writeQueueFull" -> {
                                return full.get();
                            }
                            case "isClosed" -> {
                                return closedWith.get() != null;
                            }
                            case "drainHandler" -> {
                                drain.set((Handler<Void>) args[0]);
                                return p;
                            }
                            case "close" -> {
                                closedWith.set(args != null && args.length > 0 ? (Short) args[0] : (short) 1000);
                                return Future.succeededFuture();
                            }
                            case "hashCode" -> {
                                return System.identityHashCode(p);
                            }
                            case "equals" -> {
                                return p == args[0];
                            }
                            default -> {
                                return null;
                            }
                        }
                    });
        }
    }

    /** Runs {@code action} on the socket's event-loop context and waits for it. */
    private static void onContext(Context context, Runnable action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(v -> {
            try {
                action.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(5, TimeUnit.SECONDS);
    }

    private static OutboundFrame message(long seq) {
        return OutboundFrame.message(
                new JsonObject().put("type", "message.new").put("seq", seq), CONVERSATION, seq, Instant.now());
    }

    /** Message {@code seq} as a catch-up (sync) sends it. */
    private static OutboundFrame syncedMessage(long seq) {
        return OutboundFrame.syncItem(new JsonObject()
                .put("type", "message.new")
                .put(
                        "message",
                        new JsonObject()
                                .put("conversationId", CONVERSATION.toString())
                                .put("seq", seq)));
    }

    private static OutboundFrame frame(String type) {
        return OutboundFrame.of(new JsonObject().put("type", type));
    }

    private static ClientSocket socket(FakeWebSocket fake, Context context, int limit) {
        return new ClientSocket(
                fake.proxy(), context, UUID.randomUUID(), limit, new ChatMetrics(new SimpleMeterRegistry()));
    }

    @Test
    void aFramePushedToAConnectionThatJustClosedIsDroppedWithoutAnUnhandledException() throws Exception {
        ListAppender<ILoggingEvent> vertxLog = new ListAppender<>();
        Logger contextLogger = (Logger) LoggerFactory.getLogger("io.vertx.core.impl.ContextImpl");
        vertxLog.start();
        contextLogger.addAppender(vertxLog);
        AtomicReference<ClientSocket> accepted = new AtomicReference<>();
        AtomicReference<Context> acceptedOn = new AtomicReference<>();
        AtomicBoolean connectionClosed = new AtomicBoolean();
        HttpServer server = VERTX.createHttpServer()
                .webSocketHandler(ws -> {
                    // The endpoint's close handler is left out: this is the moment between the connection closing and
                    // the socket hearing of it, when the fan-out still pushes frames.
                    ws.closeHandler(v -> connectionClosed.set(true));
                    acceptedOn.set(Vertx.currentContext());
                    accepted.set(new ClientSocket(
                            ws,
                            Vertx.currentContext(),
                            UUID.randomUUID(),
                            100,
                            new ChatMetrics(new SimpleMeterRegistry())));
                })
                .listen(0, "127.0.0.1")
                .await(30, TimeUnit.SECONDS);
        WebSocketClient client = VERTX.createWebSocketClient();
        try {
            WebSocket clientSide =
                    client.connect(server.actualPort(), "127.0.0.1", "/ws").await(30, TimeUnit.SECONDS);
            await().until(() -> accepted.get() != null);
            clientSide.close().await(30, TimeUnit.SECONDS);
            await().untilTrue(connectionClosed);

            accepted.get().pushLive(message(1));
            onContext(acceptedOn.get(), () -> {}); // a barrier: the push above ran before it

            assertThat(accepted.get().isOpen()).isFalse();
            assertThat(vertxLog.list)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .noneMatch(line -> line.contains("Unhandled exception"));
        } finally {
            contextLogger.detachAppender(vertxLog);
            client.close().await(30, TimeUnit.SECONDS);
            server.close().await(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void closesWithTheGivenCodeAndWritesNothingAfterwards() throws Exception {
        FakeWebSocket fake = new FakeWebSocket();
        ClientSocket socket = socket(fake, VERTX.getOrCreateContext(), 100);

        socket.close(ClientSocket.SERVICE_RESTART, "service restart").await(5, TimeUnit.SECONDS);
        socket.pushLive(message(1));

        assertThat(fake.closedWith.get()).isEqualTo((short) 1012);
        assertThat(socket.isOpen()).isFalse();
        Thread.sleep(50);
        assertThat(fake.written).isEmpty();
    }

    @Test
    void writesLiveFramesInOrderAndEachMessageOnce() {
        FakeWebSocket fake = new FakeWebSocket();
        ClientSocket socket = socket(fake, VERTX.getOrCreateContext(), 100);
        for (long seq : new long[] {1, 2, 2, 3, 1, 4}) {
            socket.pushLive(message(seq));
        }
        await().until(() -> fake.written.size() == 4);
        assertThat(fake.written.stream().map(t -> new JsonObject(t).getLong("seq")))
                .containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void holdsLiveFramesUntilTheCatchUpIsWritten() throws Exception {
        FakeWebSocket fake = new FakeWebSocket();
        Context context = VERTX.getOrCreateContext();
        ClientSocket socket = socket(fake, context, 100);
        onContext(context, socket::holdLive);
        socket.pushLive(message(3));
        socket.pushLive(frame("unread"));
        socket.pushLive(message(4));
        onContext(context, () -> {
            socket.send(frame("hello"));
            socket.send(syncedMessage(2));
            socket.send(syncedMessage(3));
        });
        assertThat(fake.written).hasSize(3);
        onContext(context, socket::releaseLive);
        assertThat(fake.written.stream().map(t -> new JsonObject(t)))
                .extracting(j -> j.getString("type") + ":"
                        + j.getValue(
                                "seq",
                                j.getJsonObject("message", new JsonObject()).getValue("seq")))
                .containsExactly("hello:null", "message.new:2", "message.new:3", "unread:null", "message.new:4");
    }

    @Test
    void closesWith1013WhenMoreFramesWaitThanItsBound() {
        FakeWebSocket fake = new FakeWebSocket();
        fake.full.set(true);
        ClientSocket socket = socket(fake, VERTX.getOrCreateContext(), 16);
        for (int seq = 1; seq <= 17; seq++) {
            socket.pushLive(message(seq));
        }
        await().until(() -> fake.closedWith.get() != null);
        assertThat(fake.closedWith.get()).isEqualTo((short) 1013);
        assertThat(fake.written).isEmpty();
        assertThat(socket.isOpen()).isFalse();
    }

    @Test
    void resumesWritingWhenTheConnectionDrains() throws Exception {
        FakeWebSocket fake = new FakeWebSocket();
        fake.full.set(true);
        Context context = VERTX.getOrCreateContext();
        ClientSocket socket = socket(fake, context, 16);
        for (int seq = 1; seq <= 10; seq++) {
            socket.pushLive(message(seq));
        }
        onContext(context, () -> {});
        assertThat(fake.written).isEmpty();
        fake.full.set(false);
        onContext(context, () -> fake.drain.get().handle(null));
        assertThat(fake.written).hasSize(10);
        // the bound counts waiting frames only: once drained, more may come
        for (int seq = 11; seq <= 26; seq++) {
            socket.pushLive(message(seq));
        }
        await().until(() -> fake.written.size() == 26);
        assertThat(fake.closedWith.get()).isNull();
    }
}
