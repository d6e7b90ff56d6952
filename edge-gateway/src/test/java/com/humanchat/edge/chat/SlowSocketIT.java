package com.humanchat.edge.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.humanchat.edge.Edge;
import com.humanchat.edge.chat.PlatformHarness.TestUser;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client that stops reading while 6,000 messages are pushed at it is closed with 1013 and costs the edge a bounded
 * amount of memory.
 *
 * <p>The heap bound: each message carries {@value #CONTENT_CHARS} ASCII characters, so its {@code message.new} frame
 * is a string of more than {@value #CONTENT_CHARS} bytes; 6,000 of them queued for the reader would be more than 24
 * MB (more still with the {@code unread} frames and per-frame objects). What may legitimately stay on the heap is the
 * socket's queue of at most {@code HUMANCHAT_WS_SEND_QUEUE_FRAMES} (1,024, about 4 MB, released at the close) plus
 * the noise of everything else in this test JVM (broker, Streams, projector, the reader's edge: caches and producer
 * buffer pools; about 4 MB measured alone, up to 12 MB on a machine loaded by other builds). Fewer, larger messages
 * make the same backlog in less time than 10,000 of 2,000 characters did. The writers' extra edge is stopped before the heap is measured again: it is
 * not under test, and after 20 MB of traffic its pooled producer batches and fetch buffers can add megabytes (a
 * loaded run that still counted it measured 15 MB). {@value #HEAP_GROWTH_LIMIT_MB} MB is well below the backlog and above that noise.
 */
class SlowSocketIT {

    private static final Logger LOG = LoggerFactory.getLogger(SlowSocketIT.class);
    private static final PlatformHarness PLATFORM = PlatformHarness.get();
    private static final int MESSAGES = 6_000;
    private static final int CONTENT_CHARS = 4_000;
    private static final int SENDER_SOCKETS = 2;
    private static final int WINDOW = 4_000;
    private static final long HEAP_GROWTH_LIMIT_MB = 16;

    @Test
    void closesAReaderThatStopsReadingWith1013WithoutHoldingItsBacklog() throws Exception {
        TestUser reader = PLATFORM.register("reader");
        TestUser writer = PLATFORM.register("writer");
        UUID conversation = PLATFORM.directConversation(writer, reader);
        Edge readerEdge = PLATFORM.edge();
        double slowBefore = slowClosed(readerEdge);
        long heapBefore = usedHeapAfterGc();

        // The writer's edge lets a socket send as fast as it likes: the per-socket frame limit is not under test here.
        Edge writerEdge = PLATFORM.startExtraEdge(
                "edge-writer-" + UUID.randomUUID(), Map.of("HUMANCHAT_RATE_LIMIT_WS_FRAMES_PER_SECOND", "100000"));
        try (Socket raw = openRawWebSocket(readerEdge.port(), reader.token())) {
            // given a reader that never reads again, and a writer with several sockets that drop what they receive
            WebSocketClient client = PLATFORM.clientVertx()
                    .createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(1 << 20));
            AtomicInteger acks = new AtomicInteger();
            List<WebSocket> writers = new ArrayList<>();
            for (int i = 0; i < SENDER_SOCKETS; i++) {
                boolean counting = i == 0;
                writers.add(client.webSocket()
                        .textMessageHandler(text -> {
                            if (counting && text.contains("\"message.ack\"")) {
                                acks.incrementAndGet();
                            }
                        })
                        .connect(new WebSocketConnectOptions()
                                .setHost("127.0.0.1")
                                .setPort(writerEdge.port())
                                .setURI("/ws?access_token="
                                        + URLEncoder.encode(writer.token(), StandardCharsets.UTF_8)))
                        .await(10, TimeUnit.SECONDS));
            }

            // when 6,000 messages are sent into their conversation (at most WINDOW unacknowledged at a time)
            String content = "x".repeat(CONTENT_CHARS);
            long sendStarted = System.nanoTime();
            for (int i = 0; i < MESSAGES; i++) {
                int sent = i;
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(5))
                        .until(() -> sent - acks.get() < WINDOW);
                writers.get(i % SENDER_SOCKETS)
                        .writeTextMessage(new JsonObject()
                                .put("type", "message.send")
                                .put("conversationId", conversation.toString())
                                .put("clientMessageId", "m-" + i)
                                .put("content", content)
                                .encode());
            }
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> acks.get() >= MESSAGES);
            long sendMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sendStarted);

            // then the edge gave up on the reader
            await().atMost(Duration.ofSeconds(10)).until(() -> slowClosed(readerEdge) > slowBefore);
            for (WebSocket ws : writers) {
                ws.close().await(5, TimeUnit.SECONDS);
            }
            client.close().await(5, TimeUnit.SECONDS);
            // The writers' edge is not under test: stopped, its pooled batches and fetch buffers do not count.
            writerEdge.closeAndWait(30);

            // and it holds no backlog for it
            long growthMb = (usedHeapAfterGc() - heapBefore) / (1024 * 1024);
            LOG.info("{} messages sent and acknowledged in {} ms; heap growth {} MB", MESSAGES, sendMillis, growthMb);
            assertThat(growthMb)
                    .as("heap growth in MB after %d messages in %d ms", MESSAGES, sendMillis)
                    .isLessThan(HEAP_GROWTH_LIMIT_MB);

            // and the reader, reading again, finds the close 1013 with its reason after what the network held
            raw.setSoTimeout(15_000);
            CloseFrame close = readUntilClose(raw.getInputStream());
            LOG.info("the reader found {}", close == null ? "the connection closed" : close);
            if (close != null) {
                assertThat(close.code()).isEqualTo(1013);
                assertThat(close.reason()).isNotBlank();
            }
        } finally {
            writerEdge.closeAndWait(30);
            awaitProjectorCaughtUp(conversation, writer);
        }
    }

    private record CloseFrame(int code, String reason) {}

    /** A WebSocket handshake done by hand on a socket with a small receive buffer; returns once the 101 is read. */
    private static Socket openRawWebSocket(int port, String token) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        String key = Base64.getEncoder()
                        .encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII))
                        .substring(0, 22)
                + "==";
        OutputStream out = socket.getOutputStream();
        out.write(("GET /ws?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + " HTTP/1.1\r\n"
                        + "Host: 127.0.0.1:" + port + "\r\n"
                        + "Upgrade: websocket\r\n"
                        + "Connection: Upgrade\r\n"
                        + "Sec-WebSocket-Key: " + key + "\r\n"
                        + "Sec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("no handshake answer: " + head);
            }
            head.append((char) b);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 101");
        return socket;
    }

    /** Reads server frames until a close frame (returned) or the end of the stream (null). */
    private static CloseFrame readUntilClose(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
        try {
            while (true) {
                int first = in.readUnsignedByte();
                int second = in.readUnsignedByte();
                long length = second & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] payload = new byte[Math.toIntExact(length)];
                in.readFully(payload);
                if ((first & 0x0F) == 0x8) {
                    int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : -1;
                    String reason = payload.length > 2
                            ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8)
                            : "";
                    return new CloseFrame(code, reason);
                }
            }
        } catch (EOFException | java.net.SocketException e) {
            return null; // the connection is closed
        }
    }

    /**
     * Best effort: lets the projector write the 6,000 messages before the next test class runs, so that their load
     * does not leak into it.
     */
    private static void awaitProjectorCaughtUp(UUID conversation, TestUser writer) {
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        var page = PLATFORM.get(
                                "/api/conversations/" + conversation + "/messages?limit=1", writer.token());
                        var items = page.status() == 200 ? page.json().getJsonArray("items") : null;
                        return items != null
                                && !items.isEmpty()
                                && items.getJsonObject(0).getLong("seq") >= MESSAGES;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            LOG.warn("the projector had not caught up with the {} messages after 60 s", MESSAGES);
        }
    }

    private static double slowClosed(Edge edge) {
        Counter counter = edge.registry().find("humanchat.ws.closed.slow").counter();
        return counter == null ? 0 : counter.count();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            ManagementFactory.getMemoryMXBean().gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
