package com.humanchat.edge.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.humanchat.edge.Edge;
import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.chat.PlatformHarness;
import com.humanchat.edge.chat.PlatformHarness.TestUser;
import com.humanchat.edge.chat.TestSocket;
import com.humanchat.payments.PaymentsWorker;
import com.humanchat.payments.config.PaymentsConfig;
import com.humanchat.payments.stripe.StripeStub;
import com.humanchat.payments.stripe.StripeWebhooks;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.payments.PaymentWebhook;
import com.humanchat.schemas.payments.StripeEventReceived;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Payments end to end: the chat platform harness, an edge holding the Stripe webhook secret, the payments worker in
 * this JVM and a local Stripe server reached through the real SDK. Webhooks carry real HMAC-SHA256 signatures.
 */
class PaymentsIT {

    private static final PlatformHarness PLATFORM = PlatformHarness.get();
    private static final String WEBHOOK_SECRET = "whsec_payments_it_" + UUID.randomUUID();
    private static final long PRICE = 5000;
    private static final String PUBLIC_URL = "https://chat.example.test";

    private static StripeStub stripe;
    private static PaymentsWorker worker;
    private static Edge payEdge;
    private static KafkaConsumer<String, byte[]> webhooks;

    @BeforeAll
    static void start() {
        stripe = StripeStub.start();
        Map<String, String> env = new HashMap<>(PLATFORM.environment());
        env.put("HUMANCHAT_STRIPE_API_KEY", "sk_test_payments_it");
        env.put("HUMANCHAT_STRIPE_API_BASE", stripe.baseUrl());
        env.put("HUMANCHAT_REFUND_FULL_BEFORE_HOURS", "24");
        env.put("HUMANCHAT_PUBLIC_URL", PUBLIC_URL);
        worker = PaymentsWorker.start(PaymentsConfig.fromEnv(env), new SimpleMeterRegistry(), Clock.systemUTC());
        payEdge = PLATFORM.startExtraEdge("edge-payments", Map.of("HUMANCHAT_STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET));
        // what the Stripe stand-in's pages and confirmations change reaches this edge as Stripe's signed events
        stripe.sendWebhooksTo(PLATFORM.uri(payEdge, "/api/payments/webhooks"), WEBHOOK_SECRET);
        webhooks = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, env.get("HUMANCHAT_KAFKA_BOOTSTRAP")),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = webhooks.partitionsFor(Topics.PAYMENTS_WEBHOOKS.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        webhooks.assign(partitions);
        webhooks.seekToEnd(partitions);
        partitions.forEach(webhooks::position);
    }

    @AfterAll
    static void stop() throws Exception {
        payEdge.closeAndWait(30);
        worker.close();
        webhooks.close();
        stripe.close();
    }

    @Test
    void withoutStripeKeysEveryPaymentEndpointAnswers503AndFreeSessionsStillWork() {
        TestUser guest = PLATFORM.register("unconfigured guest");
        TestUser host = PLATFORM.register("unconfigured host", "host");

        for (Answer answer : List.of(
                PLATFORM.post(
                        "/api/payments/intents",
                        guest.token(),
                        new JsonObject().put("sessionId", UUID.randomUUID().toString())),
                PLATFORM.post("/api/payments/connect/onboard", host.token(), new JsonObject()),
                PLATFORM.get("/api/payments/" + UUID.randomUUID(), guest.token()),
                PLATFORM.post("/api/payments/webhooks", null, new JsonObject().put("id", "evt_x")))) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
            assertThat(answer.json().getString("detail")).isEqualTo("payments not configured");
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        Answer free = PLATFORM.post("/api/sessions", guest.token(), booking(host, null, "free", 0));
        assertThat(free.status()).as(free.toString()).isEqualTo(201);
        Answer accepted = PLATFORM.patch(
                "/api/sessions/" + free.json().getString("sessionId"),
                host.token(),
                new JsonObject().put("status", "accepted"));
        assertThat(accepted.json().getString("status")).isEqualTo("confirmed");
    }

    @Test
    void forgedStaleOrUnsignedWebhooksAreRefusedAndNothingIsPublished() {
        String forgedId = "evt_forged_" + UUID.randomUUID();
        String staleId = "evt_stale_" + UUID.randomUUID();
        String unsignedId = "evt_unsigned_" + UUID.randomUUID();
        String goodId = "evt_good_" + UUID.randomUUID();
        JsonNode account = StripeWebhooks.account("acct_nobody", true, true);
        long now = Instant.now().getEpochSecond();

        String forged = StripeWebhooks.event(forgedId, "account.updated", now, account);
        assertThat(webhook(forged, StripeWebhooks.signature(forged, "whsec_not_ours", now))
                        .status())
                .isEqualTo(400);
        String tampered = StripeWebhooks.event(forgedId, "account.updated", now, account);
        String signature = StripeWebhooks.signature(tampered, WEBHOOK_SECRET, now);
        assertThat(webhook(tampered.replace("true", "false"), signature).status())
                .isEqualTo(400);
        String stale = StripeWebhooks.event(staleId, "account.updated", now - 301, account);
        Answer staleAnswer = webhook(stale, StripeWebhooks.signature(stale, WEBHOOK_SECRET, now - 301));
        assertThat(staleAnswer.status()).isEqualTo(400);
        assertThat(staleAnswer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        String unsigned = StripeWebhooks.event(unsignedId, "account.updated", now, account);
        assertThat(webhook(unsigned, null).status()).isEqualTo(400);
        String good = StripeWebhooks.event(goodId, "account.updated", now, account);
        assertThat(webhook(good, StripeWebhooks.signature(good, WEBHOOK_SECRET, now))
                        .status())
                .isEqualTo(200);

        List<String> published = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).pollInSameThread().untilAsserted(() -> {
            for (ConsumerRecord<String, byte[]> record : webhooks.poll(Duration.ofMillis(100))) {
                PaymentWebhook event = Topics.PAYMENTS_WEBHOOKS
                        .valueSerde()
                        .deserializer()
                        .deserialize(record.topic(), record.value());
                published.add(((StripeEventReceived) event).stripeEventId());
            }
            assertThat(published).contains(goodId);
        });
        assertThat(published).doesNotContain(forgedId, staleId, unsignedId);
    }

    @Test
    void aPaidSessionIsBookedAcceptedPaidConfirmedOnBothSocketsThenCancelledAndRefunded() {
        TestUser host = PLATFORM.register("Paid host", "host");
        TestUser guest = PLATFORM.register("paying guest");
        TestUser stranger = PLATFORM.register("stranger");
        UUID conversation = PLATFORM.directConversation(guest, host);
        assertThat(PLATFORM.patch(
                                "/api/me/profile",
                                host.token(),
                                new JsonObject().put("priceCents", PRICE).put("currency", "usd"))
                        .status())
                .isEqualTo(200);
        try (TestSocket guestSocket = PLATFORM.connect(payEdge, guest, null);
                TestSocket hostSocket = PLATFORM.connect(payEdge, host, null)) {
            hello(guestSocket, hostSocket);

            // onboarding: hosts with a verified address only, the account is created once
            assertThat(post("/api/payments/connect/onboard", guest, new JsonObject())
                            .status())
                    .isEqualTo(403);
            assertThat(post("/api/payments/connect/onboard", host, new JsonObject())
                            .json()
                            .getString("type"))
                    .endsWith("/email-unverified");
            PLATFORM.verify(host);
            Answer link = post("/api/payments/connect/onboard", host, new JsonObject());
            assertThat(link.status()).as(link.toString()).isEqualTo(200);
            assertThat(post("/api/payments/connect/onboard", host, new JsonObject())
                            .status())
                    .isEqualTo(200);
            String account = link.json().getString("url").replaceAll(".*/(acct_\\d+)/.*", "$1");
            assertThat(stripe.requests("/v1/accounts").stream()
                            .filter(r -> ("account:" + host.id()).equals(r.idempotencyKey())))
                    .isNotEmpty();
            assertThat(link.json().getString("url")).contains(account);

            // a paid session cannot be accepted until the host can be paid
            Answer booked = post("/api/sessions", guest, booking(host, conversation, "paid", PRICE));
            assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
            String sessionId = booked.json().getString("sessionId");
            Answer early = transition(host, sessionId, "accepted");
            assertThat(early.status()).as(early.toString()).isEqualTo(409);
            assertThat(early.json().getString("type")).endsWith("/payouts-not-ready");
            assertThat(early.json().getString("detail"))
                    .isEqualTo("Connect Stripe in Settings \u2192 Get paid before accepting paid sessions");

            signed("evt_acct_" + UUID.randomUUID(), "account.updated", StripeWebhooks.account(account, true, true));
            hostSocket.awaitFrame("payment.account-updated", new JsonObject().put("chargesEnabled", true));

            Answer accepted = transition(host, sessionId, "accepted");
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
            assertThat(accepted.json().getString("status")).isEqualTo("awaiting_payment");

            // nobody else pays for it, the host does not, no price is taken from the client
            assertThat(intent(stranger, sessionId).status()).isEqualTo(404);
            assertThat(intent(host, sessionId).status()).isEqualTo(403);
            Answer priced = post(
                    "/api/payments/intents",
                    guest,
                    new JsonObject().put("sessionId", sessionId).put("amountCents", 1));
            assertThat(priced.status()).as(priced.toString()).isEqualTo(422);

            Answer created = intent(guest, sessionId);
            assertThat(created.status()).as(created.toString()).isEqualTo(202);
            String paymentId = created.json().getString("paymentId");
            JsonObject toGuest = awaitPayment(guestSocket, paymentId, "pending");
            JsonObject toHost = awaitPayment(hostSocket, paymentId, "pending");
            String clientSecret = toGuest.getString("clientSecret");
            assertThat(clientSecret).contains("_secret_");
            assertThat(toHost.containsKey("clientSecret")).isFalse();
            assertThat(toGuest.getLong("amountCents")).isEqualTo(PRICE);
            assertThat(toGuest.getLong("feeCents")).isEqualTo(500);
            assertThat(intent(guest, sessionId).status())
                    .as("twice for one session")
                    .isEqualTo(409);
            assertThat(stripe.requests("/v1/payment_intents").stream()
                            .filter(r -> sessionId.equals(r.form().get("metadata[session_id]"))))
                    .singleElement()
                    .satisfies(r -> assertThat(r.form())
                            .containsEntry("amount", "5000")
                            .containsEntry("application_fee_amount", "500")
                            .containsEntry("transfer_data[destination]", account));

            // reads: payer and payee only; the payer can fetch the client secret again, nobody else ever sees it
            Answer payerRead = get("/api/payments/" + paymentId, guest);
            assertThat(payerRead.status()).isEqualTo(200);
            assertThat(payerRead.json().getString("clientSecret")).isEqualTo(clientSecret);
            JsonObject payeeRead = get("/api/payments/" + paymentId, host).json();
            assertThat(payeeRead.getString("status")).isEqualTo("pending");
            assertThat(payeeRead.containsKey("clientSecret")).isFalse();
            assertThat(get("/api/payments/" + paymentId, stranger).status()).isEqualTo(404);

            // sync carries payments: the payer's snapshot with the secret, the payee's without, a stranger's not at all
            JsonObject guestSnapshot = get("/api/sync", guest).json();
            JsonObject payerSynced = syncedPayment(guestSnapshot, paymentId);
            assertThat(payerSynced).as("payer's snapshot").isNotNull();
            assertThat(payerSynced.getString("clientSecret")).isEqualTo(clientSecret);
            JsonObject payeeSynced = syncedPayment(get("/api/sync", host).json(), paymentId);
            assertThat(payeeSynced).as("payee's snapshot").isNotNull();
            assertThat(payeeSynced.containsKey("clientSecret")).isFalse();
            assertThat(syncedPayment(get("/api/sync", stranger).json(), paymentId))
                    .as("stranger's snapshot")
                    .isNull();

            // Stripe says it succeeded, three times: the session is confirmed once, on both sockets
            String intentId = clientSecret.substring(0, clientSecret.indexOf("_secret_"));
            String succeeded = "evt_pi_ok_" + UUID.randomUUID();
            for (int i = 0; i < 3; i++) {
                signed(
                        succeeded,
                        "payment_intent.succeeded",
                        StripeWebhooks.paymentIntent(intentId, paymentId, "succeeded"));
            }
            awaitSession(guestSocket, sessionId, "confirmed");
            awaitSession(hostSocket, sessionId, "confirmed");
            awaitPayment(guestSocket, paymentId, "succeeded");

            // before confirming, each side reads what the cancellation would refund, by the worker's own rule
            Answer preview = get("/api/sessions/" + sessionId + "/cancellation", guest);
            assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
            assertThat(preview.json().getString("message"))
                    .isEqualTo("you will be refunded 50.00 USD (cancelled at least 24 h before the start)");
            assertThat(preview.json().getJsonObject("refund").getLong("amountCents"))
                    .isEqualTo(PRICE);

            // cancelled two days ahead: refunded in full, recorded and pushed, and the thread says so
            assertThat(transition(guest, sessionId, "cancelled").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(guestSocket.messages(conversation))
                    .extracting(m -> m.getString("content"))
                    .contains("Refunded 50.00 USD: cancelled at least 24 h before the start"));
            JsonObject refunded = awaitPayment(guestSocket, paymentId, "refunded");
            assertThat(refunded.getLong("refundedCents")).isEqualTo(PRICE);
            awaitPayment(hostSocket, paymentId, "refunded");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                            get("/api/payments/" + paymentId, guest).json().getString("status"))
                    .isEqualTo("refunded"));
            // what changed since the snapshot: the payment, refunded, with no secret left to use
            JsonObject delta = get("/api/sync?since=" + guestSnapshot.getString("nextCursor"), guest)
                    .json();
            JsonObject refundSynced = syncedPayment(delta, paymentId);
            assertThat(refundSynced).as("payer's delta").isNotNull();
            assertThat(refundSynced.getString("status")).isEqualTo("refunded");
            assertThat(refundSynced.getLong("refundedCents")).isEqualTo(PRICE);
            assertThat(refundSynced.containsKey("clientSecret")).isFalse();
            assertThat(stripe.requests("/v1/refunds").stream()
                            .filter(r -> paymentId.equals(r.form().get("metadata[payment_id]"))))
                    .singleElement()
                    .satisfies(r -> assertThat(r.form()).containsEntry("amount", "5000"));
            assertThat(guestSocket.frames("session.updated").stream().filter(f -> "confirmed"
                            .equals(f.getJsonObject("session").getString("status"))))
                    .hasSize(1);

            // once the host charges nothing, a free session has nothing to pay
            assertThat(PLATFORM.patch("/api/me/profile", host.token(), new JsonObject().put("priceCents", 0))
                            .status())
                    .isEqualTo(200);
            Answer free = post("/api/sessions", guest, booking(host, null, "free", 0));
            String freeId = free.json().getString("sessionId");
            assertThat(transition(host, freeId, "accepted").json().getString("status"))
                    .isEqualTo("confirmed");
            assertThat(intent(guest, freeId).status()).isEqualTo(422);

            // tips only to a host whose booking terms welcome them; once paid, both sides read who tipped how much
            JsonObject tip = new JsonObject()
                    .put("hostUserId", host.id().toString())
                    .put("amountCents", 300)
                    .put("currency", "usd");
            Answer unwelcome = post("/api/payments/donations", guest, tip);
            assertThat(unwelcome.status()).as(unwelcome.toString()).isEqualTo(422);
            assertThat(unwelcome.json().getString("detail")).isEqualTo("Paid host does not accept tips");
            assertThat(PLATFORM.put(
                                    "/api/me/booking-terms",
                                    host.token(),
                                    new JsonObject()
                                            .putNull("requestHoldMinutes")
                                            .put("donationsWelcome", true))
                            .status())
                    .isEqualTo(200);
            // no conversation named: the tip is told in the pair's direct conversation
            Answer donation = post("/api/payments/donations", guest, tip);
            assertThat(donation.status()).as(donation.toString()).isEqualTo(202);
            String donationId = donation.json().getString("paymentId");
            String donationSecret =
                    awaitPayment(guestSocket, donationId, "pending").getString("clientSecret");
            signed(
                    "evt_tip_" + UUID.randomUUID(),
                    "payment_intent.succeeded",
                    StripeWebhooks.paymentIntent(
                            donationSecret.substring(0, donationSecret.indexOf("_secret_")), donationId, "succeeded"));
            for (TestSocket side : List.of(hostSocket, guestSocket)) {
                JsonObject told = side.await(f -> "message.new".equals(f.getString("type"))
                                && "paying guest tipped $3.00"
                                        .equals(f.getJsonObject("message").getString("content")))
                        .getJsonObject("message");
                assertThat(told.getString("type")).isEqualTo("system");
                assertThat(told.getString("conversationId")).isEqualTo(conversation.toString());
            }
        }
    }

    @Test
    void aHostOnboardsOnStripesPageAndAGuestPaysWithADeclinedCardThenAGoodOneAndBothReadTheReceipt() throws Exception {
        TestUser host = PLATFORM.register("Onboarding host", "host");
        TestUser guest = PLATFORM.register("Card guest");
        TestUser stranger = PLATFORM.register("Curious stranger");
        PLATFORM.verify(host);
        PLATFORM.patch(
                "/api/me/profile",
                host.token(),
                new JsonObject().put("priceCents", PRICE).put("currency", "usd"));

        // before onboarding: nothing connected; after asking for the link: connected, Stripe's needs in words
        assertThat(get("/api/payments/connect/status", host).json())
                .isEqualTo(new JsonObject()
                        .put("connected", false)
                        .put("detailsSubmitted", false)
                        .put("chargesEnabled", false)
                        .put("payoutsEnabled", false)
                        .put("requirements", new JsonArray()));
        String link = post("/api/payments/connect/onboard", host, new JsonObject())
                .json()
                .getString("url");
        JsonObject begun = get("/api/payments/connect/status", host).json();
        assertThat(begun.getBoolean("connected")).isTrue();
        assertThat(begun.getBoolean("detailsSubmitted")).isFalse();
        assertThat(begun.getJsonArray("requirements").getList()).contains("Bank account for payouts");
        assertThat(stripe.requests("/v1/account_links").getLast().form())
                .containsEntry("return_url", PUBLIC_URL + "/#/settings?stripe=return")
                .containsEntry("refresh_url", PUBLIC_URL + "/#/settings?stripe=refresh");

        // the host fills in Stripe's form: Stripe sends them back to the settings and tells the platform
        HttpResponse<Void> visit = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(visit.statusCode()).isEqualTo(302);
        assertThat(visit.headers().firstValue("Location")).hasValue(PUBLIC_URL + "/#/settings?stripe=return");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                        get("/api/payments/connect/status", host).json())
                .isEqualTo(new JsonObject()
                        .put("connected", true)
                        .put("detailsSubmitted", true)
                        .put("chargesEnabled", true)
                        .put("payoutsEnabled", true)
                        .put("requirements", new JsonArray())));

        String sessionId = post("/api/sessions", guest, booking(host, null, "paid", PRICE))
                .json()
                .getString("sessionId");
        assertThat(transition(host, sessionId, "accepted").status()).isEqualTo(200);
        String paymentId = intent(guest, sessionId).json().getString("paymentId");

        // the guest finds the session's intent and its secret; the host sees the payment, never the secret
        JsonObject listed = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> get("/api/payments?sessionId=" + sessionId, guest).json(),
                        page -> !page.getJsonArray("items").isEmpty());
        JsonObject pending = listed.getJsonArray("items").getJsonObject(0);
        assertThat(pending.getString("paymentId")).isEqualTo(paymentId);
        assertThat(pending.getString("payerName")).isEqualTo("Card guest");
        assertThat(pending.getString("payeeName")).isEqualTo("Onboarding host");
        String clientSecret = pending.getString("clientSecret");
        assertThat(clientSecret).contains("_secret_");
        assertThat(listed.getValue("nextCursor")).isNull();
        JsonObject hostsView = get("/api/payments?sessionId=" + sessionId, host)
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        assertThat(hostsView.containsKey("clientSecret")).isFalse();
        assertThat(get("/api/payments?sessionId=" + sessionId, stranger).json().getJsonArray("items"))
                .isEmpty();
        assertThat(get("/api/payments/" + paymentId, stranger).status()).isEqualTo(404);

        // a declined card: the payment failed, and the guest may still pay it with another card
        String intentId = clientSecret.substring(0, clientSecret.indexOf("_secret_"));
        assertThat(confirm(intentId, clientSecret, StripeStub.CARD_DECLINED).statusCode())
                .isEqualTo(402);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                        get("/api/payments/" + paymentId, guest).json().getString("status"))
                .isEqualTo("failed"));
        assertThat(get("/api/payments/" + paymentId, guest).json().getString("clientSecret"))
                .isEqualTo(clientSecret);

        // a good card: paid, the session confirmed, the secret gone for good, the receipt on both sides
        assertThat(confirm(intentId, clientSecret, StripeStub.CARD_SUCCEEDS).statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                        get("/api/sessions/" + sessionId, guest).json().getString("status"))
                .isEqualTo("confirmed"));
        JsonObject paid = get("/api/payments/" + paymentId, guest).json();
        assertThat(paid.getString("status")).isEqualTo("succeeded");
        assertThat(paid.containsKey("clientSecret")).isFalse();
        assertThat(paid.getJsonObject("receipt"))
                .isEqualTo(new JsonObject()
                        .put("feeCents", 500)
                        .put("refundedCents", 0)
                        .put("netCents", 4500));

        // the host's earnings come from the ledger; the guest, never paid, has none
        JsonObject earnings = get("/api/me/earnings", host).json();
        assertThat(earnings.getString("currency")).isEqualTo("usd");
        assertThat(earnings.getLong("grossCents")).isEqualTo(PRICE);
        assertThat(earnings.getLong("feeCents")).isEqualTo(500);
        assertThat(earnings.getLong("netCents")).isEqualTo(4500);
        assertThat(earnings.getJsonArray("items")).singleElement().satisfies(item -> {
            JsonObject row = (JsonObject) item;
            assertThat(row.getString("paymentId")).isEqualTo(paymentId);
            assertThat(row.getString("kind")).isEqualTo("session");
            assertThat(row.getString("sessionId")).isEqualTo(sessionId);
            assertThat(row.getString("payerName")).isEqualTo("Card guest");
            assertThat(row.getString("paidAt")).isNotBlank();
        });
        JsonObject none = get("/api/me/earnings", guest).json();
        assertThat(none.getLong("grossCents")).isZero();
        assertThat(none.getLong("netCents")).isZero();
        assertThat(none.getJsonArray("items")).isEmpty();
    }

    /** Stripe.js's {@code confirmPayment} as the browser sends it: the card and the intent's client secret. */
    private static HttpResponse<String> confirm(String intentId, String clientSecret, String card) throws Exception {
        String form = "client_secret=" + clientSecret + "&payment_method_data%5Btype%5D=card"
                + "&payment_method_data%5Bcard%5D%5Bnumber%5D=" + card;
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(stripe.baseUrl() + "/v1/payment_intents/" + intentId + "/confirm"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** The payment of the last {@code payment.updated} item of a sync page with that id, or null. */
    private static JsonObject syncedPayment(JsonObject page, String paymentId) {
        JsonObject found = null;
        for (Object item : page.getJsonArray("items")) {
            JsonObject frame = (JsonObject) item;
            if ("payment.updated".equals(frame.getString("type"))
                    && paymentId.equals(frame.getJsonObject("payment").getString("paymentId"))) {
                found = frame.getJsonObject("payment");
            }
        }
        return found;
    }

    private static JsonObject booking(TestUser host, UUID conversation, String mode, long cents) {
        JsonObject body = new JsonObject()
                .put("hostUserId", host.id().toString())
                .put("durationMinutes", 30)
                .put(
                        "startTime",
                        Instant.now()
                                .plus(2, ChronoUnit.DAYS)
                                .truncatedTo(ChronoUnit.HOURS)
                                .toString())
                .put("agreedPrice", new JsonObject().put("amountCents", cents).put("currency", "usd"))
                .put("paymentMode", mode);
        if (conversation != null) {
            body.put("conversationId", conversation.toString());
        }
        return body;
    }

    private static void signed(String id, String type, JsonNode object) {
        long now = Instant.now().getEpochSecond();
        String payload = StripeWebhooks.event(id, type, now, object);
        Answer answer = webhook(payload, StripeWebhooks.signature(payload, WEBHOOK_SECRET, now));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    private static Answer webhook(String payload, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(PLATFORM.uri(payEdge, "/api/payments/webhooks"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return PLATFORM.send(request);
    }

    private static Answer intent(TestUser who, String sessionId) {
        return post("/api/payments/intents", who, new JsonObject().put("sessionId", sessionId));
    }

    private static Answer transition(TestUser who, String sessionId, String status) {
        return com.humanchat.edge.TestHttp.patch(
                PLATFORM.uri(payEdge, "/api/sessions/" + sessionId),
                who.token(),
                new JsonObject().put("status", status).encode());
    }

    private static Answer post(String path, TestUser who, JsonObject body) {
        return PLATFORM.post(payEdge, path, who.token(), body.encode());
    }

    private static Answer get(String path, TestUser who) {
        return PLATFORM.get(payEdge, path, who.token());
    }

    private static JsonObject awaitPayment(TestSocket socket, String paymentId, String status) {
        return socket.await(f -> "payment.updated".equals(f.getString("type"))
                        && paymentId.equals(f.getJsonObject("payment").getString("paymentId"))
                        && status.equals(f.getJsonObject("payment").getString("status")))
                .getJsonObject("payment");
    }

    private static void awaitSession(TestSocket socket, String sessionId, String status) {
        socket.await(f -> "session.updated".equals(f.getString("type"))
                && sessionId.equals(f.getJsonObject("session").getString("sessionId"))
                && status.equals(f.getJsonObject("session").getString("status")));
    }

    private static void hello(TestSocket... sockets) {
        for (TestSocket socket : sockets) {
            socket.await(f -> "hello".equals(f.getString("type")));
        }
    }
}
