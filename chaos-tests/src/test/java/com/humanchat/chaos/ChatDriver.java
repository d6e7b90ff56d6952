package com.humanchat.chaos;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A purpose-built client population that records everything the chaos run is judged on: users in a ring of direct
 * conversations (user i talks with i−1 and i+1), one socket each on its home edge, open-loop REST sends at a fixed rate
 * with every answer recorded (201 with its {@code seq}, 202 pending, 503, timeouts, refused connections) and retried
 * with the same {@code clientMessageId}, every {@code message.new} each socket received, and read marks. A socket that
 * drops reconnects (home edge first, then the other) with the sync cursor it took at the start, so the edge replays
 * what it missed; deliveries are deduplicated by {@code (conversationId, seq)} as the design allows, and duplicates are
 * counted apart.
 */
final class ChatDriver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatDriver.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    /** Attempts per send; with the backoff below they span about a minute, longer than any fault of the schedule. */
    private static final int MAX_SEND_ATTEMPTS = 12;

    private static final Duration READ_MARK_INTERVAL = Duration.ofSeconds(5);
    private static final Duration PING_INTERVAL = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    private final ExecutorService tasks = Executors.newVirtualThreadPerTaskExecutor();
    private final Function<String, String> edgeUrls;
    private final List<String> edges;
    private final List<User> users = new ArrayList<>();
    private final List<Conversation> conversations = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean loadRunning = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final long startNanos = System.nanoTime();

    /** Everything sent, in order of intent. */
    final List<SendRecord> sends = new CopyOnWriteArrayList<>();
    /** Every read mark attempted. */
    final List<ReadMark> readMarks = new CopyOnWriteArrayList<>();
    /** Socket drops and resumes. */
    final List<Reconnect> reconnects = new CopyOnWriteArrayList<>();

    ChatDriver(List<String> edges, Function<String, String> edgeUrls) {
        this.edges = List.copyOf(edges);
        this.edgeUrls = edgeUrls;
    }

    /** Milliseconds since the driver was made: the time axis of every record. */
    long now() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    List<User> users() {
        return users;
    }

    List<Conversation> conversations() {
        return conversations;
    }

    // ---------------------------------------------------------------- setup

    /** Registers {@code count} users (home edges alternate), opens the ring of conversations, takes sync cursors. */
    void setUp(int count) throws Exception {
        Semaphore concurrency = new Semaphore(4);
        List<CompletableFuture<User>> registering = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            registering.add(CompletableFuture.supplyAsync(
                    () -> {
                        concurrency.acquireUninterruptibly();
                        try {
                            return register(index);
                        } finally {
                            concurrency.release();
                        }
                    },
                    tasks));
        }
        for (CompletableFuture<User> user : registering) {
            users.add(user.get(5, TimeUnit.MINUTES));
        }
        for (int i = 0; i < count; i++) {
            User a = users.get(i);
            User b = users.get((i + 1) % count);
            conversations.add(new Conversation(openConversation(a, b), a, b));
        }
        for (Conversation conversation : conversations) {
            conversation.a().conversations().add(conversation);
            conversation.b().conversations().add(conversation);
        }
        for (User user : users) {
            JsonObject snapshot = new JsonObject(call(user.homeEdge(), "GET", "/api/sync", user.token(), null)
                    .body());
            user.cursor = snapshot.getString("nextCursor");
        }
        for (User user : users) {
            connect(user, user.homeEdge(), false);
        }
    }

    private User register(int index) {
        for (int attempt = 1; ; attempt++) {
            String edge = edges.get(index % edges.size());
            try {
                HttpResponse<String> response = call(
                        edge,
                        "POST",
                        "/api/auth/register",
                        null,
                        new JsonObject()
                                .put("email", "chaos-" + index + "-" + UUID.randomUUID() + "@example.com")
                                .put("password", "a long enough password")
                                .put("displayName", "chaos " + index));
                if (response.statusCode() == 201) {
                    JsonObject body = new JsonObject(response.body());
                    return new User(
                            index,
                            UUID.fromString(body.getJsonObject("user").getString("id")),
                            body.getString("accessToken"),
                            edge);
                }
                if (attempt >= 5) {
                    throw new IllegalStateException("register: " + response.statusCode() + " " + response.body());
                }
            } catch (IOException e) {
                if (attempt >= 5) {
                    throw new IllegalStateException("register", e);
                }
            }
            pause(Duration.ofMillis(500L * attempt));
        }
    }

    /** The first creates wait for the Streams app to join its group: retried until answered, within 3 minutes. */
    private UUID openConversation(User a, User b) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (true) {
            try {
                HttpResponse<String> response = call(
                        a.homeEdge(),
                        "POST",
                        "/api/conversations",
                        a.token(),
                        new JsonObject().put("participantIds", new JsonArray().add(b.id().toString())));
                if (response.statusCode() == 201 || response.statusCode() == 200) {
                    return UUID.fromString(new JsonObject(response.body()).getString("conversationId"));
                }
            } catch (IOException e) {
                LOG.debug("create conversation: {}", e.toString());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "conversation of users " + a.index() + " and " + b.index() + " not created in 3 minutes");
            }
            pause(Duration.ofMillis(500));
        }
    }

    // ---------------------------------------------------------------- load

    /** Open-loop sends at {@code ratePerSecond} and periodic read marks, on their own threads, until {@link #stopLoad()}. */
    void startLoad(double ratePerSecond) {
        loadRunning.set(true);
        Thread.ofPlatform().name("chaos-sender").daemon().start(() -> sendLoop(ratePerSecond));
        Thread.ofPlatform().name("chaos-reader").daemon().start(this::readLoop);
        Thread.ofPlatform().name("chaos-pinger").daemon().start(this::pingLoop);
    }

    void stopLoad() {
        loadRunning.set(false);
    }

    /** Sends and read marks still being attempted. */
    int inFlight() {
        return inFlight.get();
    }

    private void sendLoop(double ratePerSecond) {
        long started = System.nanoTime();
        long issued = 0;
        while (loadRunning.get() && !closed.get()) {
            long due = (long) ((System.nanoTime() - started) / 1e9 * ratePerSecond);
            for (; issued < due; issued++) {
                Conversation conversation = conversations.get((int) (issued % conversations.size()));
                boolean fromA = (issued / conversations.size()) % 2 == 0;
                User sender = fromA ? conversation.a() : conversation.b();
                SendRecord send = new SendRecord(issued, conversation, sender, "chaos-" + issued, now());
                sends.add(send);
                inFlight.incrementAndGet();
                tasks.execute(() -> {
                    try {
                        send(send);
                    } finally {
                        inFlight.decrementAndGet();
                    }
                });
            }
            pause(Duration.ofMillis(5));
        }
    }

    private void send(SendRecord send) {
        String edge = send.sender().homeEdge();
        JsonObject body = new JsonObject()
                .put("clientMessageId", send.clientMessageId())
                .put(
                        "content",
                        "message " + send.index() + " from " + send.sender().index());
        for (int attempt = 1; attempt <= MAX_SEND_ATTEMPTS && !closed.get(); attempt++) {
            long at = now();
            try {
                HttpResponse<String> response = call(
                        edge,
                        "POST",
                        "/api/conversations/" + send.conversation().id() + "/messages",
                        send.sender().token(),
                        body);
                int status = response.statusCode();
                send.attempts.add(new Attempt(at, now(), edge, status, null));
                if (status == 201) {
                    send.seq.set(new JsonObject(response.body()).getLong("seq"));
                    send.answeredAt.set(now());
                    send.answer.set(201);
                    return;
                }
                if (status == 202) {
                    send.answeredAt.set(now());
                    send.answer.set(202);
                    return;
                }
                if (status != 503) {
                    send.answer.set(status); // unexpected: the verdict names it
                    send.unexpected.set(response.body());
                    return;
                }
                long retryAfter =
                        response.headers().firstValueAsLong("Retry-After").orElse(1);
                pause(Duration.ofMillis(Math.min(2000, Math.max(200, retryAfter * 1000))));
            } catch (HttpTimeoutException e) {
                send.attempts.add(new Attempt(at, now(), edge, 0, "timeout"));
                edge = otherEdge(edge);
            } catch (IOException e) {
                send.attempts.add(new Attempt(
                        at, now(), edge, 0, "connection: " + e.getClass().getSimpleName()));
                edge = otherEdge(edge);
                pause(Duration.ofMillis(Math.min(5000, 300L * attempt)));
            }
        }
    }

    /** Every {@link #READ_MARK_INTERVAL}, each user marks read what it has received in each of its conversations. */
    private void readLoop() {
        while (loadRunning.get() && !closed.get()) {
            pause(READ_MARK_INTERVAL);
            if (!loadRunning.get()) {
                return;
            }
            for (User user : users) {
                for (Conversation conversation : user.conversations()) {
                    long highest = user.highestReceived(conversation.id());
                    Long marked = user.markedRead.get(conversation.id());
                    if (highest > 0 && (marked == null || highest > marked)) {
                        user.markedRead.put(conversation.id(), highest);
                        ReadMark mark = new ReadMark(user, conversation, highest);
                        readMarks.add(mark);
                        inFlight.incrementAndGet();
                        tasks.execute(() -> {
                            try {
                                markRead(mark);
                            } finally {
                                inFlight.decrementAndGet();
                            }
                        });
                    }
                }
            }
        }
    }

    private void markRead(ReadMark mark) {
        String edge = mark.user().homeEdge();
        for (int attempt = 1; attempt <= MAX_SEND_ATTEMPTS && !closed.get(); attempt++) {
            try {
                HttpResponse<String> response = call(
                        edge,
                        "POST",
                        "/api/conversations/" + mark.conversation().id() + "/read",
                        mark.user().token(),
                        new JsonObject().put("seq", mark.seq()));
                if (response.statusCode() == 204) {
                    mark.acked.set(true);
                    return;
                }
                mark.failures.incrementAndGet();
                pause(Duration.ofMillis(Math.min(5000, 300L * attempt)));
            } catch (IOException e) {
                mark.failures.incrementAndGet();
                edge = otherEdge(edge);
                pause(Duration.ofMillis(Math.min(5000, 300L * attempt)));
            }
        }
    }

    private void pingLoop() {
        while (!closed.get()) {
            pause(PING_INTERVAL);
            for (User user : users) {
                WebSocket socket = user.socket;
                if (socket != null && !socket.isOutputClosed()) {
                    socket.sendText("{\"type\":\"ping\"}", true).exceptionally(e -> null);
                }
            }
        }
    }

    // ---------------------------------------------------------------- sockets

    private void connect(User user, String edge, boolean resume) {
        int connection = user.connections.incrementAndGet();
        String url = edgeUrls.apply(edge).replace("http://", "ws://") + "/ws?access_token=" + user.token() + "&since="
                + URLEncoder.encode(user.cursor, StandardCharsets.UTF_8);
        try {
            user.socket = http.newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(URI.create(url), new Listener(user, connection, edge))
                    .get(20, TimeUnit.SECONDS);
            user.socketEdge = edge;
        } catch (Exception e) {
            if (!resume) {
                throw new IllegalStateException("socket of user " + user.index() + " on " + edge, e);
            }
            throw new IllegalStateException(e);
        }
    }

    /**
     * Home edge first, then the other, until a socket opens or the driver closes. One reconnection per user at a time;
     * a drop of a connection that has already been replaced is ignored.
     */
    private void reconnect(User user, int droppedConnection, String droppedEdge) {
        if (closed.get()) {
            return;
        }
        long droppedAt = now();
        tasks.execute(() -> {
            user.reconnecting.lock();
            try {
                if (user.connections.get() != droppedConnection) {
                    return;
                }
                String edge = user.homeEdge();
                for (int attempt = 1; !closed.get(); attempt++) {
                    try {
                        connect(user, edge, true);
                        reconnects.add(new Reconnect(user, droppedEdge, droppedAt, edge, now(), attempt));
                        return;
                    } catch (RuntimeException e) {
                        edge = otherEdge(edge);
                        pause(Duration.ofMillis(Math.min(2000, 100L * attempt)));
                    }
                }
            } finally {
                user.reconnecting.unlock();
            }
        });
        LOG.debug("user {} lost connection {} on {}", user.index(), droppedConnection, droppedEdge);
    }

    private final class Listener implements WebSocket.Listener {
        private final User user;
        private final int connection;
        private final String edge;
        private final StringBuilder partial = new StringBuilder();
        private final Set<Long> seenOnThisSocket = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean ended = new AtomicBoolean();

        Listener(User user, int connection, String edge) {
            this.user = user;
            this.connection = connection;
            this.edge = edge;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                onFrame(new JsonObject(partial.toString()));
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        private void onFrame(JsonObject frame) {
            if ("error".equals(frame.getString("type")) && "sync_failed".equals(frame.getString("code"))) {
                user.syncFailedFrames.incrementAndGet();
                return;
            }
            if (!"message.new".equals(frame.getString("type"))) {
                return;
            }
            JsonObject message = frame.getJsonObject("message");
            UUID conversationId = UUID.fromString(message.getString("conversationId"));
            long seq = message.getLong("seq");
            Conversation conversation = user.conversation(conversationId);
            if (conversation == null) {
                user.foreignFrames.incrementAndGet();
                return;
            }
            long key = deliveryKey(conversation, seq);
            if (!seenOnThisSocket.add(key)) {
                user.sameSocketDuplicates.incrementAndGet();
                return;
            }
            if (user.received.putIfAbsent(key, connection) != null) {
                user.replayedAfterResume.incrementAndGet();
                return;
            }
            user.highestReceived.merge(conversationId, seq, Math::max);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            ended();
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            ended();
        }

        private void ended() {
            if (ended.compareAndSet(false, true)) {
                reconnect(user, connection, edge);
            }
        }
    }

    /** (conversation index in the ring, seq) packed: seq stays far below 2^40 here. */
    long deliveryKey(Conversation conversation, long seq) {
        return ((long) conversations.indexOf(conversation) << 40) | seq;
    }

    // ---------------------------------------------------------------- plumbing

    HttpResponse<String> call(String edge, String method, String path, String token, JsonObject body)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(edgeUrls.apply(edge) + path))
                .timeout(REQUEST_TIMEOUT)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body.encode()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private String otherEdge(String edge) {
        return edges.get((edges.indexOf(edge) + 1) % edges.size());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.set(true);
        loadRunning.set(false);
        for (User user : users) {
            WebSocket socket = user.socket;
            if (socket != null) {
                socket.abort();
            }
        }
        tasks.shutdownNow();
        http.close();
    }

    // ---------------------------------------------------------------- records

    /** A user of the run: one socket at a time, the deliveries it received, its read marks. */
    static final class User {
        private final int index;
        private final UUID id;
        private final String token;
        private final String homeEdge;
        private final List<Conversation> conversations = new CopyOnWriteArrayList<>();
        volatile String cursor;
        volatile WebSocket socket;
        volatile String socketEdge;
        final AtomicInteger connections = new AtomicInteger();
        final java.util.concurrent.locks.ReentrantLock reconnecting = new java.util.concurrent.locks.ReentrantLock();
        /** First delivery of each (conversation, seq) → the connection number that brought it. */
        final Map<Long, Integer> received = new ConcurrentHashMap<>();

        final Map<UUID, Long> highestReceived = new ConcurrentHashMap<>();
        final Map<UUID, Long> markedRead = new ConcurrentHashMap<>();
        final AtomicLong sameSocketDuplicates = new AtomicLong();
        final AtomicLong replayedAfterResume = new AtomicLong();
        final AtomicLong foreignFrames = new AtomicLong();
        /** {@code error {code: "sync_failed"}}: the edge's catch-up gave up and told the client to use /api/sync. */
        final AtomicLong syncFailedFrames = new AtomicLong();

        User(int index, UUID id, String token, String homeEdge) {
            this.index = index;
            this.id = id;
            this.token = token;
            this.homeEdge = homeEdge;
        }

        int index() {
            return index;
        }

        UUID id() {
            return id;
        }

        String token() {
            return token;
        }

        String homeEdge() {
            return homeEdge;
        }

        List<Conversation> conversations() {
            return conversations;
        }

        Conversation conversation(UUID conversationId) {
            for (Conversation conversation : conversations) {
                if (conversation.id().equals(conversationId)) {
                    return conversation;
                }
            }
            return null;
        }

        long highestReceived(UUID conversationId) {
            return highestReceived.getOrDefault(conversationId, 0L);
        }
    }

    record Conversation(UUID id, User a, User b) {
        Collection<User> members() {
            return List.of(a, b);
        }

        Optional<User> member(UUID userId) {
            return members().stream().filter(u -> u.id().equals(userId)).findFirst();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Conversation c && c.id.equals(id);
        }

        @Override
        public int hashCode() {
            return id.hashCode();
        }
    }

    /** One HTTP attempt of a send: status 0 means no answer (timeout, refused or reset connection). */
    record Attempt(long startedAt, long endedAt, String edge, int status, String error) {}

    /** A send and what became of it; {@link #answer} 201/202 means answered, 0 means given up after every attempt. */
    static final class SendRecord {
        private final long index;
        private final Conversation conversation;
        private final User sender;
        private final String clientMessageId;
        private final long intendedAt;
        final List<Attempt> attempts = new CopyOnWriteArrayList<>();
        final AtomicInteger answer = new AtomicInteger();
        final AtomicLong seq = new AtomicLong();
        final AtomicLong answeredAt = new AtomicLong();
        final java.util.concurrent.atomic.AtomicReference<String> unexpected =
                new java.util.concurrent.atomic.AtomicReference<>();

        SendRecord(long index, Conversation conversation, User sender, String clientMessageId, long intendedAt) {
            this.index = index;
            this.conversation = conversation;
            this.sender = sender;
            this.clientMessageId = clientMessageId;
            this.intendedAt = intendedAt;
        }

        long index() {
            return index;
        }

        Conversation conversation() {
            return conversation;
        }

        User sender() {
            return sender;
        }

        String clientMessageId() {
            return clientMessageId;
        }

        long intendedAt() {
            return intendedAt;
        }

        boolean answered() {
            return answer.get() == 201 || answer.get() == 202;
        }

        boolean failedOnce() {
            return attempts.stream().anyMatch(a -> a.status() != 201 && a.status() != 202);
        }
    }

    /** A read mark: {@link #acked} once the edge answered 204 (Kafka acknowledged the command). */
    record ReadMark(User user, Conversation conversation, long seq, AtomicBoolean acked, AtomicInteger failures) {
        ReadMark(User user, Conversation conversation, long seq) {
            this(user, conversation, seq, new AtomicBoolean(), new AtomicInteger());
        }
    }

    /** A socket that dropped (at {@code droppedAt} on {@code droppedEdge}) and opened again with {@code since}. */
    record Reconnect(User user, String droppedEdge, long droppedAt, String edge, long reconnectedAt, int attempts) {}
}
