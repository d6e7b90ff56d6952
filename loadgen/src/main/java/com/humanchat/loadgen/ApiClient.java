package com.humanchat.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The few HTTP endpoints of DESIGN.md §4 the load needs, as futures; 429/502/503/504 and connection failures are
 * retried after {@code Retry-After} (or a short backoff), anything else non-2xx fails with the problem body.
 */
final class ApiClient implements AutoCloseable {

    /** A registered (or logged-in) user: the id the server gave it and an access token for {@code /ws}. */
    record RegisteredUser(String id, String email, String accessToken) {}

    /** A non-2xx answer that is not worth retrying. */
    static final class ApiException extends RuntimeException {
        private final int status;

        ApiException(String what, int status, String body) {
            super(what + " answered " + status + ": " + abbreviate(body));
            this.status = status;
        }

        int status() {
            return status;
        }

        private static String abbreviate(String body) {
            String oneLine = body.replaceAll("\\s+", " ").strip();
            return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
        }
    }

    /** What to do when sign-ups are throttled: every user of a run registers from this one address. */
    static final String AUTH_RATE_LIMIT_HINT = "the platform rate-limits registrations per IP (429): start it with"
            + " HUMANCHAT_RATE_LIMIT_IP_AUTH_PER_MINUTE=1000000, as every load user registers from this one address";

    private static final int MAX_ATTEMPTS = 8;
    private static final long REQUEST_IDLE_TIMEOUT_MS = 60_000;

    private final Vertx vertx;
    private final Endpoint endpoint;
    private final ObjectMapper mapper;
    private final HttpClientAgent client;
    private final AtomicBoolean authThrottleWarned = new AtomicBoolean();

    ApiClient(Vertx vertx, Endpoint endpoint, ObjectMapper mapper, int maxConnections) {
        this.vertx = vertx;
        this.endpoint = endpoint;
        this.mapper = mapper;
        this.client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setSsl(endpoint.ssl())
                        .setDefaultHost(endpoint.host())
                        .setDefaultPort(endpoint.port())
                        .setConnectTimeout(10_000),
                new PoolOptions().setHttp1MaxSize(maxConnections));
    }

    /** {@code POST /api/auth/register}; an email that already exists (a retried request that did land) logs in. */
    Future<RegisteredUser> register(String email, String password, String displayName) {
        ObjectNode body = mapper.createObjectNode()
                .put("email", email)
                .put("password", password)
                .put("displayName", displayName);
        return send(HttpMethod.POST, "/api/auth/register", null, body, 1)
                .map(answer -> toUser(email, answer))
                .recover(failure -> failure instanceof ApiException api && api.status() == 409
                        ? login(email, password)
                        : Future.failedFuture(failure));
    }

    /** {@code POST /api/auth/login}. */
    Future<RegisteredUser> login(String email, String password) {
        ObjectNode body = mapper.createObjectNode().put("email", email).put("password", password);
        return send(HttpMethod.POST, "/api/auth/login", null, body, 1).map(answer -> toUser(email, answer));
    }

    /** {@code POST /api/conversations} with the other members and the type: the new conversation's id. */
    Future<String> openConversation(String accessToken, List<String> otherUserIds, boolean group) {
        ObjectNode body = mapper.createObjectNode();
        otherUserIds.forEach(body.putArray("participantIds")::add);
        body.put("type", group ? "group" : "direct");
        return send(HttpMethod.POST, "/api/conversations", accessToken, body, 1).map(answer -> {
            JsonNode json = parse(answer);
            JsonNode id = json.hasNonNull("conversationId") ? json.get("conversationId") : json.get("id");
            if (id == null || id.isNull()) {
                throw new IllegalStateException("POST /api/conversations answered without conversationId: " + json);
            }
            return id.asText();
        });
    }

    /** {@code GET /metrics} as Prometheus text (answered only when this client points at an ops port). */
    Future<String> metrics() {
        return send(HttpMethod.GET, "/metrics", null, null, 1).map(Answer::text);
    }

    private RegisteredUser toUser(String email, Answer answer) {
        JsonNode json = parse(answer);
        String id = json.path("user").path("id").asText(null);
        String token = json.path("accessToken").asText(null);
        if (id == null || token == null) {
            throw new IllegalStateException("auth answer without user.id or accessToken: " + answer.text());
        }
        return new RegisteredUser(id, email, token);
    }

    private Future<Answer> send(HttpMethod method, String uri, String bearer, JsonNode body, int attempt) {
        RequestOptions options = new RequestOptions()
                .setMethod(method)
                .setURI(uri)
                .setIdleTimeout(REQUEST_IDLE_TIMEOUT_MS)
                .putHeader("accept", "application/json, text/plain, */*");
        if (bearer != null) {
            options.putHeader("authorization", "Bearer " + bearer);
        }
        Buffer payload = body == null ? Buffer.buffer() : Buffer.buffer(json(body));
        if (body != null) {
            options.putHeader("content-type", "application/json");
        }
        String what = method + " " + uri;
        return client.request(options)
                .compose(request -> request.send(payload))
                .compose(response -> response.body()
                        .map(bytes -> new Answer(response.statusCode(), response.getHeader("retry-after"), bytes)))
                .transform(result -> {
                    if (result.failed()) {
                        return attempt < MAX_ATTEMPTS
                                ? later(backoffMillis(attempt, null))
                                        .compose(v -> send(method, uri, bearer, body, attempt + 1))
                                : Future.failedFuture(result.cause());
                    }
                    Answer answer = result.result();
                    if (answer.status() >= 200 && answer.status() < 300) {
                        return Future.succeededFuture(answer);
                    }
                    boolean retryable = answer.status() == 429 || answer.status() >= 502 && answer.status() <= 504;
                    if (answer.status() == 429
                            && uri.startsWith("/api/auth/")
                            && authThrottleWarned.compareAndSet(false, true)) {
                        Report.warn(AUTH_RATE_LIMIT_HINT + "; retrying after Retry-After");
                    }
                    if (retryable && attempt < MAX_ATTEMPTS) {
                        return later(backoffMillis(attempt, answer.retryAfter()))
                                .compose(v -> send(method, uri, bearer, body, attempt + 1));
                    }
                    return Future.failedFuture(new ApiException(what, answer.status(), answer.text()));
                });
    }

    /** {@code Retry-After} seconds when the server gives them, else 100 ms doubling per attempt, capped at 5 s. */
    static long backoffMillis(int attempt, String retryAfter) {
        if (retryAfter != null) {
            try {
                return Math.min(Math.max(0, Long.parseLong(retryAfter.strip())) * 1000, 30_000);
            } catch (NumberFormatException ignored) {
                // An HTTP-date: fall back to the exponential backoff.
            }
        }
        return Math.min(100L << Math.min(attempt - 1, 10), 5_000);
    }

    private Future<Void> later(long millis) {
        Promise<Void> promise = Promise.promise();
        if (millis <= 0) {
            promise.complete();
        } else {
            vertx.setTimer(millis, id -> promise.complete());
        }
        return promise.future();
    }

    private JsonNode parse(Answer answer) {
        try {
            return mapper.readTree(answer.body().getBytes());
        } catch (IOException e) {
            throw new IllegalStateException("expected JSON, got: " + answer.text(), e);
        }
    }

    private byte[] json(JsonNode body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private record Answer(int status, String retryAfter, Buffer body) {
        String text() {
            return body.toString(StandardCharsets.UTF_8);
        }
    }
}
