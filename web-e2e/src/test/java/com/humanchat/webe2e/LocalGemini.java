package com.humanchat.webe2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.humanchat.schemas.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;

/**
 * A local server speaking Gemini's {@code generateContent} REST shape for the standalone's Sam, the way Gemini 2.5
 * commonly answers: first a {@code search_hosts} function call with the question as the query, then, a moment later
 * (so that "Sam is typing" shows), a sentence of prose and the answer as JSON in a {@code ```json} fence, proposing
 * the first host found for 20 minutes tomorrow at 10:00 UTC.
 */
final class LocalGemini implements AutoCloseable {

    private static final long THINKING_MILLIS = 4_000;

    private final HttpServer server;

    LocalGemini() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = Json.mapper().readTree(exchange.getRequestBody());
            JsonNode contents = request.path("contents");
            JsonNode last = contents.get(contents.size() - 1).path("parts").path(0);
            ObjectNode part = Json.mapper().createObjectNode();
            if (last.has("functionResponse")) {
                Thread.sleep(THINKING_MILLIS);
                JsonNode found = last.path("functionResponse")
                        .path("response")
                        .path("result")
                        .path(0);
                part.put(
                        "text",
                        found.has("hostId") ? proposal(found.path("hostId").asText()) : "I found nobody yet.");
            } else {
                part.putObject("functionCall")
                        .put("name", "search_hosts")
                        .putObject("args")
                        .put("query", last.path("text").asText());
            }
            ObjectNode response = Json.mapper().createObjectNode();
            ObjectNode candidate = response.putArray("candidates").addObject();
            candidate
                    .putObject("content")
                    .put("role", "model")
                    .putArray("parts")
                    .add(part);
            candidate.put("finishReason", "STOP");
            response.putObject("usageMetadata").put("totalTokenCount", 100);
            byte[] body = response.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String proposal(String hostId) {
        String start = Instant.now()
                .plus(1, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.DAYS)
                .plus(10, ChronoUnit.HOURS)
                .toString();
        return "Here is what I found for you.\n\n```json\n{\"reply\": \"This host can help: here is a session"
                + " tomorrow.\", \"actions\": [{\"type\": \"show_hosts\", \"hostIds\": [\"" + hostId + "\"]},"
                + " {\"type\": \"propose_booking\", \"hostUserId\": \"" + hostId + "\", \"startTime\": \"" + start
                + "\", \"durationMinutes\": 20}]}\n```";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
