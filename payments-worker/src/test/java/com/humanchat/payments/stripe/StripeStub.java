package com.humanchat.payments.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.humanchat.schemas.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
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
 * A local HTTP server speaking the Stripe REST shapes the platform uses: the worker's calls ({@code /v1/accounts},
 * {@code /v1/account_links}, {@code /v1/payment_intents}, its {@code /cancel}, {@code /v1/refunds}), what Stripe.js
 * calls from a browser (a PaymentIntent's {@code /confirm} with a test card, its retrieval by client secret; with CORS,
 * as Stripe's API answers any origin), an Account Link's hosted onboarding page (a GET that completes the account and
 * redirects to the link's {@code return_url}), and a 3-D Secure page for {@code requires_action}. Form-encoded
 * requests are parsed and recorded, answers are JSON as Stripe writes them, and an {@code Idempotency-Key} seen before
 * returns the same object (or Stripe's {@code idempotency_error} when the parameters differ), so a test can prove a
 * retried call creates nothing new. Once told where ({@link #sendWebhooksTo}), what changes an account or a
 * PaymentIntent is delivered as a signed event, the way Stripe sends {@code account.updated} and
 * {@code payment_intent.*}.
 */
public final class StripeStub implements AutoCloseable {

    /** One request as the stub received it. */
    public record Recorded(String path, String idempotencyKey, String authorization, Map<String, String> form) {}

    /** Stripe's test cards the stub knows. */
    public static final String CARD_SUCCEEDS = "4242424242424242";

    public static final String CARD_DECLINED = "4000000000000002";
    public static final String CARD_REQUIRES_AUTHENTICATION = "4000002500003155";

    /** Paths of the pages a browser visits, as Stripe's own hosts serve them. */
    private static final String ONBOARDING_PAGE = "/setup/e/";

    private static final String AUTHENTICATION_PAGE = "/3ds/";

    private record Answer(Map<String, String> form, int status, String body) {}

    private record Link(String account, String returnUrl) {}

    private final HttpServer server;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> byIdempotencyKey = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, AtomicInteger> created = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> accounts = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> intents = new ConcurrentHashMap<>();
    private final Map<String, Link> links = new ConcurrentHashMap<>();
    private final Map<String, String> authenticationReturns = new ConcurrentHashMap<>();
    private volatile StripeEventSender events = StripeEventSender.NONE;
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

    /** The value for {@code HUMANCHAT_STRIPE_API_BASE}, and where a browser reaches it. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on, changes are sent as events to {@code endpoint}, signed with {@code webhookSecret}. */
    public void sendWebhooksTo(URI endpoint, String webhookSecret) {
        this.events = new StripeEventSender(endpoint, webhookSecret);
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

    /** How many objects the stub created at {@code path}: a replayed idempotent request creates none. */
    public int created(String path) {
        return created.getOrDefault(path, new AtomicInteger()).get();
    }

    /** The PaymentIntent as the stub holds it now, e.g. to read its status. */
    public ObjectNode intent(String intentId) {
        ObjectNode intent = intents.get(intentId);
        return intent == null ? null : intent.deepCopy();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                serve(exchange);
            } catch (RuntimeException e) {
                // e.g. the webhook endpoint refused an event: the caller sees why instead of a dropped connection
                send(exchange, error(Map.of(), 500, "api_error", "Stripe stand-in: " + e.getMessage()));
            }
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        cors(exchange);
        String method = exchange.getRequestMethod();
        if ("OPTIONS".equals(method)) {
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        URI uri = exchange.getRequestURI();
        String path = uri.getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = form(body);
        form(uri.getRawQuery()).forEach(form::putIfAbsent);
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(new Recorded(path, key, authorization, form));
        if (down) {
            send(exchange, error(form, 503, "api_error", "Stripe is temporarily unavailable."));
        } else if ("GET".equals(method) && path.startsWith(ONBOARDING_PAGE)) {
            redirect(exchange, completeOnboarding(path.substring(ONBOARDING_PAGE.length())));
        } else if ("GET".equals(method) && path.startsWith(AUTHENTICATION_PAGE)) {
            redirect(exchange, authenticate(path.substring(AUTHENTICATION_PAGE.length())));
        } else if ("GET".equals(method)) {
            send(exchange, retrieve(path, form, authorization));
        } else if (!"POST".equals(method)) {
            send(exchange, error(form, 405, "invalid_request_error", "only GET and POST are served"));
        } else if (path.startsWith("/v1/payment_intents/") && path.endsWith("/confirm")) {
            String id = path.substring("/v1/payment_intents/".length(), path.length() - "/confirm".length());
            send(exchange, confirm(id, form, authorization));
        } else if (key == null) {
            send(exchange, create(path, form));
        } else {
            Answer earlier = byIdempotencyKey.computeIfAbsent(key, k -> create(path, form));
            send(
                    exchange,
                    earlier.form().equals(form)
                            ? earlier
                            : error(
                                    form,
                                    400,
                                    "idempotency_error",
                                    "Keys for idempotent requests can only be used with"
                                            + " the same parameters they were first used with."));
        }
    }

    /** Stripe's API answers browsers of any origin (Stripe.js calls it from the merchant's page). */
    private static void cors(HttpExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        exchange.getResponseHeaders().add("Access-Control-Allow-Origin", origin == null ? "*" : origin);
        exchange.getResponseHeaders().add("Vary", "Origin");
        exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        exchange.getResponseHeaders()
                .add(
                        "Access-Control-Allow-Headers",
                        "Authorization, Content-Type, Idempotency-Key, Stripe-Version, Stripe-Account");
        exchange.getResponseHeaders().add("Access-Control-Max-Age", "600");
    }

    private void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Request-Id", "req_" + ids.incrementAndGet());
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A page that is done sends the browser on to {@code location}, or says it is done when there is none. */
    private static void redirect(HttpExchange exchange, String location) throws IOException {
        if (location == null) {
            byte[] page = "<!doctype html><title>Stripe stand-in</title><p>Unknown or used link."
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(404, page.length);
            exchange.getResponseBody().write(page);
            return;
        }
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private Answer retrieve(String path, Map<String, String> query, String authorization) {
        if (path.startsWith("/v1/accounts/")) {
            ObjectNode account = accounts.get(path.substring("/v1/accounts/".length()));
            return account == null ? missing(query, "account") : new Answer(query, 200, account.toString());
        }
        if (path.startsWith("/v1/payment_intents/")) {
            ObjectNode intent = intents.get(path.substring("/v1/payment_intents/".length()));
            if (intent == null || !mayUse(intent, query, authorization)) {
                return missing(query, "payment_intent");
            }
            return new Answer(query, 200, intent.toString());
        }
        return error(query, 404, "invalid_request_error", "Unrecognized request URL (GET: " + path + ")");
    }

    /**
     * Stripe.js's {@code confirmPayment}: the card in {@code payment_method_data[card][number]} decides, as Stripe's
     * test cards do; a browser proves itself with the intent's {@code client_secret}, a server with its secret key.
     */
    private Answer confirm(String intentId, Map<String, String> form, String authorization) {
        ObjectNode intent = intents.get(intentId);
        if (intent == null || !mayUse(intent, form, authorization)) {
            return missing(form, "payment_intent");
        }
        synchronized (intent) {
            String status = intent.path("status").asText();
            if (!status.equals("requires_payment_method")
                    && !status.equals("requires_confirmation")
                    && !status.equals("requires_action")) {
                return error(
                        form,
                        400,
                        "invalid_request_error",
                        "You cannot confirm this PaymentIntent because it has a status of " + status + ".",
                        "payment_intent_unexpected_state");
            }
            String card = form.getOrDefault("payment_method_data[card][number]", "").replace(" ", "");
            intent.put("payment_method", "pm_" + ids.incrementAndGet());
            intent.remove("last_payment_error");
            intent.remove("next_action");
            switch (card) {
                case CARD_SUCCEEDS -> succeed(intent);
                case CARD_REQUIRES_AUTHENTICATION -> {
                    String returnUrl = form.get("return_url");
                    if (returnUrl == null) {
                        // as Stripe: a payment that may need a redirect needs somewhere to come back to
                        return error(
                                form,
                                400,
                                "invalid_request_error",
                                "A return_url must be specified to confirm a payment that may need authentication.");
                    }
                    intent.put("status", "requires_action");
                    authenticationReturns.put(intentId, returnUrl);
                    ObjectNode redirect = intent.putObject("next_action")
                            .put("type", "redirect_to_url")
                            .putObject("redirect_to_url");
                    redirect.put("url", baseUrl() + AUTHENTICATION_PAGE + intentId);
                    redirect.put("return_url", returnUrl);
                }
                default -> {
                    return declined(intent, form, card);
                }
            }
            return new Answer(form, 200, intent.toString());
        }
    }

    /** A declined card: 402 {@code card_error} with the intent back at {@code requires_payment_method}. */
    private Answer declined(ObjectNode intent, Map<String, String> form, String card) {
        boolean known = card.equals(CARD_DECLINED);
        String code = known ? "card_declined" : "incorrect_number";
        String message = known ? "Your card was declined." : "Your card number is incorrect.";
        intent.put("status", "requires_payment_method");
        ObjectNode lastError = intent.putObject("last_payment_error")
                .put("type", "card_error")
                .put("code", code)
                .put("message", message);
        if (known) {
            lastError.put("decline_code", "generic_decline");
        }
        events.send("payment_intent.payment_failed", intent);
        ObjectNode json = Json.mapper().createObjectNode();
        ObjectNode error = json.putObject("error");
        error.setAll(lastError);
        error.set("payment_intent", intent.deepCopy());
        return new Answer(form, 402, json.toString());
    }

    private void succeed(ObjectNode intent) {
        intent.put("status", "succeeded");
        events.send("payment_intent.succeeded", intent);
    }

    /** The 3-D Secure page: visiting it authenticates the payment, which then succeeds. */
    private String authenticate(String intentId) {
        ObjectNode intent = intents.get(intentId);
        String returnUrl = authenticationReturns.remove(intentId);
        if (intent == null || returnUrl == null) {
            return null;
        }
        synchronized (intent) {
            intent.remove("next_action");
            succeed(intent);
        }
        return returnUrl;
    }

    /** Stripe's hosted onboarding, completed in one visit: the account can take charges and receive payouts. */
    private String completeOnboarding(String linkPath) {
        Link link = links.get(linkPath);
        ObjectNode account = link == null ? null : accounts.get(link.account());
        if (account == null) {
            return null;
        }
        synchronized (account) {
            account.put("details_submitted", true)
                    .put("charges_enabled", true)
                    .put("payouts_enabled", true);
            account.putObject("requirements").putArray("currently_due");
            events.send("account.updated", account);
        }
        return link.returnUrl();
    }

    private static boolean mayUse(ObjectNode intent, Map<String, String> form, String authorization) {
        String secret = form.get("client_secret");
        return secret == null
                ? authorization != null && authorization.startsWith("Bearer sk_")
                : secret.equals(intent.path("client_secret").asText());
    }

    private Answer create(String path, Map<String, String> form) {
        int n = ids.incrementAndGet();
        ObjectNode json = Json.mapper().createObjectNode();
        switch (path) {
            case "/v1/accounts" -> {
                String id = "acct_" + n;
                json.put("id", id).put("object", "account").put("type", form.get("type"));
                json.put("details_submitted", false).put("charges_enabled", false).put("payouts_enabled", false);
                json.putObject("requirements")
                        .putArray("currently_due")
                        .add("business_profile.url")
                        .add("external_account")
                        .add("tos_acceptance.date");
                json.set("metadata", metadata(form));
                accounts.put(id, json);
            }
            case "/v1/account_links" -> {
                if (!form.containsKey("account") || !form.containsKey("return_url")) {
                    return error(form, 400, "invalid_request_error", "Missing required param: account.");
                }
                String linkPath = form.get("account") + "/" + n;
                links.put(linkPath, new Link(form.get("account"), form.get("return_url")));
                json.put("object", "account_link")
                        .put("url", baseUrl() + ONBOARDING_PAGE + linkPath)
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
                intents.put(id, json);
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
                ObjectNode intent = intents.get(id);
                if (intent != null) {
                    synchronized (intent) {
                        if (intent.path("status").asText().equals("succeeded")) {
                            return error(
                                    form,
                                    400,
                                    "invalid_request_error",
                                    "You cannot cancel this PaymentIntent because it has a status of succeeded.",
                                    "payment_intent_unexpected_state");
                        }
                        intent.put("status", "canceled");
                    }
                }
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

    private static Answer missing(Map<String, String> form, String what) {
        return error(form, 404, "invalid_request_error", "No such " + what + ".", "resource_missing");
    }

    private static Answer error(Map<String, String> form, int status, String type, String message) {
        return error(form, status, type, message, null);
    }

    private static Answer error(Map<String, String> form, int status, String type, String message, String code) {
        ObjectNode json = Json.mapper().createObjectNode();
        ObjectNode error = json.putObject("error").put("type", type).put("message", message);
        if (code != null) {
            error.put("code", code);
        }
        return new Answer(form, status, json.toString());
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
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

    @Override
    public void close() {
        server.stop(0);
    }
}
