package com.humanchat.payments.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.humanchat.schemas.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server speaking the Stripe REST shapes the worker uses ({@code /v1/accounts}, {@code /v1/account_links},
 * {@code /v1/payment_intents}, its {@code /cancel}, {@code /v1/refunds}): form-encoded requests are parsed and recorded, answers are JSON as
 * Stripe writes them, and an {@code Idempotency-Key} seen before returns the same object (or Stripe's
 * {@code idempotency_error} when the parameters differ), so a test can prove a retried call creates nothing new.
 */
public final class StripeStub implements AutoCloseable {

    /** One request as the stub received it. */
    public record Recorded(String path, String idempotencyKey, String authorization, Map<String, String> form) {}

    private record Answer(Map<String, String> form, int status, String body) {}

    private final HttpServer server;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> byIdempotencyKey = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, AtomicInteger> created = new ConcurrentHashMap<>();
    private volatile boolean down;

    private StripeStub(HttpServer server) {
        this.server = server;
    }

    public static StripeStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            StripeStub stub = new StripeStub(server);
            server.createContext("/", stub::handle);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException("the Stripe stub did not start", e);
        }
    }

    /** The value for {@code HUMANCHAT_STRIPE_API_BASE}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Starts or ends an outage: while it lasts every request is answered {@code 503} with Stripe's {@code api_error}
     * body, and nothing is created or remembered under its idempotency key.
     */
    public void outage(boolean down) {
        this.down = down;
    }

    /** Every request so far to {@code path} (e.g. {@code /v1/payment_intents}), in order. */
    public List<Recorded> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> form = form(body);
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            requests.add(new Recorded(path, key, exchange.getRequestHeaders().getFirst("Authorization"), form));
            Answer answer;
            if (down) {
                answer = error(form, 503, "api_error", "Stripe is temporarily unavailable.");
            } else if (!"POST".equals(exchange.getRequestMethod())) {
                answer = error(form, 405, "invalid_request_error", "only POST is stubbed");
            } else if (key == null) {
                answer = create(path, form);
            } else {
                Answer earlier = byIdempotencyKey.computeIfAbsent(key, k -> create(path, form));
                answer = earlier.form().equals(form)
                        ? earlier
                        : error(
                                form,
                                400,
                                "idempotency_error",
                                "Keys for idempotent requests can only be used with"
                                        + " the same parameters they were first used with.");
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Request-Id", "req_" + ids.incrementAndGet());
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private Answer create(String path, Map<String, String> form) {
        int n = ids.incrementAndGet();
        ObjectNode json = Json.mapper().createObjectNode();
        switch (path) {
            case "/v1/accounts" -> {
                json.put("id", "acct_" + n).put("object", "account").put("type", form.get("type"));
                json.put("charges_enabled", false).put("payouts_enabled", false);
                json.set("metadata", metadata(form));
            }
            case "/v1/account_links" -> {
                if (!form.containsKey("account") || !form.containsKey("return_url")) {
                    return error(form, 400, "invalid_request_error", "Missing required param: account.");
                }
                json.put("object", "account_link")
                        .put("url", "https://connect.stripe.test/setup/e/" + form.get("account") + "/" + n)
                        .put("created", 1_700_000_000L)
                        .put("expires_at", 1_700_000_300L);
            }
            case "/v1/payment_intents" -> {
                if (!form.containsKey("amount") || !form.containsKey("currency")) {
                    return error(form, 400, "invalid_request_error", "Missing required param: amount.");
                }
                String id = "pi_" + n;
                json.put("id", id)
                        .put("object", "payment_intent")
                        .put("amount", Long.parseLong(form.get("amount")))
                        .put("currency", form.get("currency"))
                        .put(
                                "client_secret",
                                id + "_secret_" + UUID.randomUUID().toString().replace("-", ""))
                        .put("status", "requires_payment_method")
                        .put("livemode", false);
                if (form.containsKey("application_fee_amount")) {
                    json.put("application_fee_amount", Long.parseLong(form.get("application_fee_amount")));
                }
                json.putObject("transfer_data").put("destination", form.get("transfer_data[destination]"));
                json.set("metadata", metadata(form));
            }
            case "/v1/refunds" -> {
                json.put("id", "re_" + n)
                        .put("object", "refund")
                        .put("amount", Long.parseLong(form.getOrDefault("amount", "0")))
                        .put("payment_intent", form.get("payment_intent"))
                        .put("status", "succeeded");
                json.set("metadata", metadata(form));
            }
            default -> {
                if (!path.startsWith("/v1/payment_intents/") || !path.endsWith("/cancel")) {
                    return error(form, 404, "invalid_request_error", "Unrecognized request URL (POST: " + path + ")");
                }
                String id = path.substring("/v1/payment_intents/".length(), path.length() - "/cancel".length());
                json.put("id", id).put("object", "payment_intent").put("status", "canceled");
            }
        }
        created.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        return new Answer(form, 200, json.toString());
    }

    private static ObjectNode metadata(Map<String, String> form) {
        ObjectNode metadata = Json.mapper().createObjectNode();
        form.forEach((name, value) -> {
            if (name.startsWith("metadata[")) {
                metadata.put(name.substring("metadata[".length(), name.length() - 1), value);
            }
        });
        return metadata;
    }

    private static Answer error(Map<String, String> form, int status, String type, String message) {
        ObjectNode json = Json.mapper().createObjectNode();
        json.putObject("error").put("type", type).put("message", message);
        return new Answer(form, status, json.toString());
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(name, value);
        }
        return form;
    }

    /** How many objects the stub created at {@code path}: a replayed idempotent request creates none. */
    public int created(String path) {
        return created.getOrDefault(path, new AtomicInteger()).get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
