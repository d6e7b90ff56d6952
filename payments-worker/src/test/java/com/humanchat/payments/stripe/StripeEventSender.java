package com.humanchat.payments.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers the stub's events to a webhook endpoint as Stripe does: a JSON event envelope, signed with the endpoint's
 * secret in {@code Stripe-Signature}, retried until answered 2xx (a few times here: a test's endpoint is either up or
 * the test fails on what it did not receive). Sent before the API call that caused it answers, so a browser that sees
 * {@code succeeded} finds the platform told.
 */
final class StripeEventSender {

    /** No endpoint configured: events are not sent. */
    static final StripeEventSender NONE = new StripeEventSender(null, null);

    private static final int ATTEMPTS = 5;
    private static final AtomicLong IDS = new AtomicLong();

    private final URI endpoint;
    private final String secret;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    StripeEventSender(URI endpoint, String secret) {
        this.endpoint = endpoint;
        this.secret = secret;
    }

    /** Sends {@code type} about a copy of {@code object} as it is now. */
    void send(String type, ObjectNode object) {
        if (endpoint == null) {
            return;
        }
        long now = Instant.now().getEpochSecond();
        String payload = StripeWebhooks.event("evt_stub_" + IDS.incrementAndGet(), type, now, object.deepCopy());
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Stripe-Signature", StripeWebhooks.signature(payload, secret, now))
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build();
        String last = "not sent";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() / 100 == 2) {
                    return;
                }
                last = answer.statusCode() + " " + answer.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending " + type, e);
            }
            sleep(attempt * 200L);
        }
        throw new IllegalStateException("the webhook endpoint " + endpoint + " refused " + type + ": " + last);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
