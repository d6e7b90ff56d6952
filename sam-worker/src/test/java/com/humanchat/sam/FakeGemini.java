package com.humanchat.sam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.humanchat.schemas.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local server speaking Gemini's {@code POST /v1beta/models/{model}:generateContent} REST shape, scripted per test:
 * text answers, function calls, recorded bodies ({@link AnswerShapes}), and errors with {@code Retry-After}; like the
 * real API it refuses tools combined with a JSON response mime type. It counts the calls it is in the middle of
 * answering at once, so a test can assert the worker's bound from the outside.
 */
final class FakeGemini implements AutoCloseable {

    /** What to answer to one request (its JSON body): an HTTP status, a JSON body, headers and a delay. */
    record Reply(int status, String body, Map<String, String> headers, long delayMillis) {

        static Reply text(String text) {
            return new Reply(200, response(part -> part.put("text", text)), Map.of(), 0);
        }

        /** A recorded response body, answered as it is. */
        static Reply recorded(String body) {
            return new Reply(200, body, Map.of(), 0);
        }

        static Reply functionCall(String name, Map<String, Object> args) {
            return new Reply(
                    200,
                    response(part -> part.putObject("functionCall")
                            .put("name", name)
                            .set("args", Json.mapper().valueToTree(args))),
                    Map.of(),
                    0);
        }

        static Reply error(int status, String retryAfterSeconds) {
            String body = "{\"error\":{\"code\":" + status + ",\"message\":\"slow down\",\"status\":\""
                    + (status == 429 ? "RESOURCE_EXHAUSTED" : "UNAVAILABLE") + "\"}}";
            return new Reply(
                    status, body, retryAfterSeconds == null ? Map.of() : Map.of("Retry-After", retryAfterSeconds), 0);
        }

        Reply after(long millis) {
            return new Reply(status, body, headers, millis);
        }

        private static String response(java.util.function.Consumer<ObjectNode> part) {
            ObjectNode root = Json.mapper().createObjectNode();
            ObjectNode candidate = root.putArray("candidates").addObject();
            ObjectNode content = candidate.putObject("content").put("role", "model");
            part.accept(content.putArray("parts").addObject());
            candidate.put("finishReason", "STOP");
            root.putObject("usageMetadata")
                    .put("promptTokenCount", 40)
                    .put("candidatesTokenCount", 2)
                    .put("totalTokenCount", 42);
            return root.toString();
        }
    }

    private final HttpServer server;
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final ConcurrentLinkedQueue<JsonNode> requests = new ConcurrentLinkedQueue<>();
    private volatile Function<JsonNode, Reply> script;

    FakeGemini(Function<JsonNode, Reply> script) throws IOException {
        this.script = script;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void script(Function<JsonNode, Reply> next) {
        this.script = next;
    }

    int maxConcurrent() {
        return maxConcurrent.get();
    }

    int calls() {
        return calls.get();
    }

    List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /** The text of the last user turn of a generateContent request (the question, or a function response). */
    static String question(JsonNode request) {
        ArrayNode contents = (ArrayNode) request.path("contents");
        return contents.get(contents.size() - 1)
                .path("parts")
                .path(0)
                .path("text")
                .asText();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = concurrent.incrementAndGet();
        maxConcurrent.accumulateAndGet(now, Math::max);
        calls.incrementAndGet();
        boolean counted = true;
        try {
            boolean keyed = exchange.getRequestHeaders().getFirst("x-goog-api-key") != null;
            boolean shaped = exchange.getRequestMethod().equals("POST")
                    && exchange.getRequestURI().getPath().matches("/v1beta/models/[^/]+:generateContent");
            JsonNode request = Json.mapper().readTree(exchange.getRequestBody());
            requests.add(request);
            boolean jsonWithTools = request.has("tools")
                    && "application/json"
                            .equals(request.path("generationConfig")
                                    .path("responseMimeType")
                                    .asText());
            Reply reply;
            if (!keyed || !shaped) {
                reply = new Reply(
                        404, "{\"error\":{\"code\":404,\"message\":\"not a generateContent call\"}}", Map.of(), 0);
            } else if (jsonWithTools) {
                // What Gemini 2.5 answers to tools combined with a JSON response mime type.
                reply = new Reply(
                        400,
                        "{\"error\":{\"code\":400,\"message\":\"Function calling with a response mime type:"
                                + " 'application/json' is unsupported\",\"status\":\"INVALID_ARGUMENT\"}}",
                        Map.of(),
                        0);
            } else {
                reply = script.apply(request);
            }
            if (reply.delayMillis() > 0) {
                Thread.sleep(reply.delayMillis());
            }
            // Done thinking: the client may send its next call as soon as it reads this answer.
            concurrent.decrementAndGet();
            counted = false;
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            reply.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (counted) {
                concurrent.decrementAndGet();
            }
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
