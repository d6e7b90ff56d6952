package com.humanchat.payments.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.humanchat.migrations.PostgresUrl;
import com.humanchat.payments.config.PaymentsConfig;
import com.humanchat.payments.domain.PlatformFee;
import com.humanchat.schemas.Json;
import com.humanchat.schemas.sessions.RefundPolicy;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Stripe stand-in as a browser and the platform use it: onboarding through its hosted page, Stripe.js's confirm
 * with the test cards, CORS, and the events it sends, verified with stripe-java's own {@link Webhook} check.
 */
class StripeStubTest {

    private static final String SECRET = "whsec_stub_test";
    private static final String RETURN = "http://127.0.0.1:9/#/settings?stripe=return";

    private final HttpClient browser = HttpClient.newHttpClient();
    private final List<Event> received = new CopyOnWriteArrayList<>();
    private StripeStub stripe;
    private HttpServer endpoint;
    private StripeConnect connect;

    @BeforeEach
    void start() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/api/payments/webhooks", exchange -> {
            try (exchange) {
                String payload = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                try {
                    received.add(Webhook.constructEvent(
                            payload, exchange.getRequestHeaders().getFirst("Stripe-Signature"), SECRET));
                    exchange.sendResponseHeaders(200, -1);
                } catch (Exception refused) {
                    exchange.sendResponseHeaders(400, -1);
                }
            }
        });
        endpoint.start();
        stripe = StripeStub.start();
        stripe.sendWebhooksTo(
                URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/api/payments/webhooks"), SECRET);
        connect = new StripeConnect(new PaymentsConfig(
                "unused:9092",
                new PostgresUrl("unused", 5432, "unused", "unused", "unused"),
                "sk_test_stub",
                stripe.baseUrl(),
                new PlatformFee(1000),
                new RefundPolicy(Duration.ofHours(24)),
                RETURN,
                "http://127.0.0.1:9/#/settings?stripe=refresh",
                1,
                Duration.ofMinutes(5),
                "unused"));
    }

    @AfterEach
    void stop() {
        stripe.close();
        endpoint.stop(0);
    }

    @Test
    void visitingTheOnboardingLinkEnablesTheAccountRedirectsToTheReturnUrlAndSendsAccountUpdated() throws Exception {
        StripeConnect.CreatedAccount created = connect.createAccount(UUID.randomUUID());
        assertThat(created.requirementsDue()).contains("external_account");
        String account = created.id();
        JsonNode before = json(get(stripe.baseUrl() + "/v1/accounts/" + account, "Bearer sk_test_stub"));
        assertThat(before.path("charges_enabled").asBoolean()).isFalse();
        assertThat(before.path("requirements").path("currently_due")).isNotEmpty();

        String link = connect.onboardingLink(account);
        assertThat(stripe.requests("/v1/account_links").getLast().form())
                .containsEntry("return_url", RETURN)
                .containsEntry("refresh_url", "http://127.0.0.1:9/#/settings?stripe=refresh");
        HttpResponse<String> visit = get(link, null);

        assertThat(visit.statusCode()).isEqualTo(302);
        assertThat(visit.headers().firstValue("Location")).hasValue(RETURN);
        JsonNode after = json(get(stripe.baseUrl() + "/v1/accounts/" + account, "Bearer sk_test_stub"));
        assertThat(after.path("details_submitted").asBoolean()).isTrue();
        assertThat(after.path("charges_enabled").asBoolean()).isTrue();
        assertThat(after.path("payouts_enabled").asBoolean()).isTrue();
        assertThat(after.path("requirements").path("currently_due")).isEmpty();
        assertThat(received).singleElement().satisfies(event -> {
            assertThat(event.getType()).isEqualTo("account.updated");
            assertThat(Json.mapper()
                            .readTree(event.getDataObjectDeserializer().getRawJson())
                            .path("charges_enabled")
                            .asBoolean())
                    .isTrue();
        });
    }

    @Test
    void theSucceedingCardPaysTheIntentAndSendsPaymentIntentSucceededWithItsMetadata() throws Exception {
        StripeConnect.CreatedIntent intent = intent();

        HttpResponse<String> confirmed = confirm(intent, StripeStub.CARD_SUCCEEDS);

        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(json(confirmed).path("status").asText()).isEqualTo("succeeded");
        assertThat(received).singleElement().satisfies(event -> {
            assertThat(event.getType()).isEqualTo("payment_intent.succeeded");
            JsonNode object =
                    Json.mapper().readTree(event.getDataObjectDeserializer().getRawJson());
            assertThat(object.path("id").asText()).isEqualTo(intent.id());
            assertThat(object.path("metadata").path("payment_id").asText()).isNotBlank();
        });
        assertThat(confirm(intent, StripeStub.CARD_SUCCEEDS).statusCode())
                .as("an intent is paid once")
                .isEqualTo(400);
    }

    @Test
    void theDeclinedCardAnswers402CardErrorAndTheIntentCanBePaidWithAnotherCard() throws Exception {
        StripeConnect.CreatedIntent intent = intent();

        HttpResponse<String> declined = confirm(intent, StripeStub.CARD_DECLINED);

        assertThat(declined.statusCode()).isEqualTo(402);
        JsonNode error = json(declined).path("error");
        assertThat(error.path("type").asText()).isEqualTo("card_error");
        assertThat(error.path("code").asText()).isEqualTo("card_declined");
        assertThat(error.path("message").asText()).isEqualTo("Your card was declined.");
        assertThat(error.path("payment_intent").path("status").asText()).isEqualTo("requires_payment_method");
        assertThat(received).extracting(Event::getType).containsExactly("payment_intent.payment_failed");
        assertThat(confirm(intent, StripeStub.CARD_SUCCEEDS).statusCode()).isEqualTo(200);
    }

    @Test
    void theAuthenticationCardRequiresActionUntilItsPageIsVisited() throws Exception {
        StripeConnect.CreatedIntent intent = intent();
        assertThat(post(
                                "/v1/payment_intents/" + intent.id() + "/confirm",
                                Map.of(
                                        "client_secret",
                                        intent.clientSecret(),
                                        "payment_method_data[card][number]",
                                        StripeStub.CARD_REQUIRES_AUTHENTICATION))
                        .statusCode())
                .as("nowhere to come back to after authenticating")
                .isEqualTo(400);

        HttpResponse<String> confirmed = confirm(intent, StripeStub.CARD_REQUIRES_AUTHENTICATION);

        JsonNode answer = json(confirmed);
        assertThat(answer.path("status").asText()).isEqualTo("requires_action");
        assertThat(answer.path("next_action").path("type").asText()).isEqualTo("redirect_to_url");
        assertThat(received).isEmpty();
        HttpResponse<String> authenticated = get(
                answer.path("next_action").path("redirect_to_url").path("url").asText(), null);
        assertThat(authenticated.statusCode()).isEqualTo(302);
        assertThat(authenticated.headers().firstValue("Location")).hasValue("http://127.0.0.1:9/#/pay");
        assertThat(stripe.intent(intent.id()).path("status").asText()).isEqualTo("succeeded");
        assertThat(received).extracting(Event::getType).containsExactly("payment_intent.succeeded");
    }

    @Test
    void aBrowserPageMayCallItFromAnotherOriginButNotWithoutTheClientSecret() throws Exception {
        StripeConnect.CreatedIntent intent = intent();
        HttpResponse<String> preflight = browser.send(
                HttpRequest.newBuilder(URI.create(stripe.baseUrl() + "/v1/payment_intents/" + intent.id() + "/confirm"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "http://127.0.0.1:8080")
                        .header("Access-Control-Request-Method", "POST")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("http://127.0.0.1:8080");

        HttpResponse<String> wrongSecret = post(
                "/v1/payment_intents/" + intent.id() + "/confirm",
                Map.of(
                        "client_secret",
                        intent.id() + "_secret_wrong",
                        "payment_method_data[card][number]",
                        StripeStub.CARD_SUCCEEDS));
        assertThat(wrongSecret.statusCode()).isEqualTo(404);
        assertThat(received).isEmpty();
    }

    private StripeConnect.CreatedIntent intent() throws Exception {
        return connect.createIntent(new StripeConnect.IntentRequest(
                "intent:" + UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 5000, "usd", 500, "acct_x"));
    }

    /** As Stripe.js's {@code confirmPayment} posts it, with the publishable key's client secret. */
    private HttpResponse<String> confirm(StripeConnect.CreatedIntent intent, String card) throws Exception {
        return post(
                "/v1/payment_intents/" + intent.id() + "/confirm",
                Map.of(
                        "client_secret",
                        intent.clientSecret(),
                        "payment_method_data[type]",
                        "card",
                        "payment_method_data[card][number]",
                        card,
                        "return_url",
                        "http://127.0.0.1:9/#/pay"));
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(
                HttpRequest.newBuilder(URI.create(stripe.baseUrl() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", "http://127.0.0.1:8080")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> answer) throws IOException {
        return Json.mapper().readTree(answer.body());
    }
}
