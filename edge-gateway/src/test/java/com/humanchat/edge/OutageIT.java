package com.humanchat.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.chat.PlatformHarness;
import com.humanchat.edge.chat.PlatformHarness.TestUser;
import com.humanchat.edge.config.EdgeConfig;
import com.humanchat.infra.embedded.DatabaseCoordinates;
import com.humanchat.infra.embedded.EmbeddedKafka;
import com.humanchat.infra.embedded.EmbeddedPostgresServer;
import com.humanchat.infra.embedded.SharedTestInfra;
import com.humanchat.migrations.Migrations;
import com.humanchat.schemas.TopicProvisioner;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outages degrade, never hang and heal by themselves. Kafka: the shared broker of this JVM is stopped under the
 * platform harness and an edge with a short delivery timeout — sends answer 503 with {@code Retry-After} within the
 * bound, readiness goes red, reads go on, and once the broker is back the same send succeeds with nothing restarted.
 * PostgreSQL: a server of this test's own under an edge of its own — reads answer 503 fast and recover when it is back.
 * (The projector's side of a PostgreSQL outage is {@code ProjectorDatabaseOutageIT}; Redis is {@code OperationsIT}
 * and {@code PresenceIT}.)
 */
class OutageIT {

    /** The edge's {@code HUMANCHAT_KAFKA_DELIVERY_TIMEOUT_MS} here: also its producer's {@code max.block.ms}. */
    private static final Duration DELIVERY_TIMEOUT = Duration.ofMillis(2000);
    /**
     * The longest a send may wait for its 503, however many sends are queued: its own delivery timeout in the
     * publisher's queue (a send still queued past it fails without being produced), plus the delivery timeout of the
     * send under way ({@code max.block.ms} on metadata, or the batch's expiry, which the producer notices on its sender
     * loop up to {@code request.timeout.ms} — the delivery timeout less 500 ms — late), plus scheduling slack.
     */
    private static final Duration SEND_BOUND = DELIVERY_TIMEOUT
            .multipliedBy(2)
            .plus(DELIVERY_TIMEOUT.minusMillis(500))
            .plus(Duration.ofMillis(2500));
    /** Concurrent sends during the outage: before the fix the last one waited about this many delivery timeouts. */
    private static final int BURST = 20;
    /** What an answer may take beyond the configured timeout: scheduling on a busy 2-core machine. */
    private static final Duration SLACK = Duration.ofMillis(2500);
    /** The edge's PostgreSQL pool waits this long for a connection ({@code EdgeServices}). */
    private static final Duration PG_CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    private static final SharedTestInfra INFRA = SharedTestInfra.get();

    @Test
    void aSendWhileKafkaIsDownIs503WithRetryAfterWithinTheDeliveryTimeoutAndTheSameSendSucceedsOnceItIsBack() {
        assumeTrue(INFRA.hasEmbeddedKafka(), "needs the embedded broker to stop it");
        PlatformHarness platform = PlatformHarness.get();
        Edge edge = platform.startExtraEdge(
                "edge-kafka-outage",
                Map.of("HUMANCHAT_KAFKA_DELIVERY_TIMEOUT_MS", Long.toString(DELIVERY_TIMEOUT.toMillis())));
        EmbeddedKafka kafka = INFRA.embeddedKafka();
        try {
            TestUser alice = platform.register("alice");
            TestUser bob = platform.register("bob");
            UUID conversation = platform.directConversation(alice, bob);
            String messages = "/api/conversations/" + conversation + "/messages";
            JsonObject first = new JsonObject().put("clientMessageId", "before").put("content", "before the outage");
            assertThat(platform.post(edge, messages, alice.token(), first.encode())
                            .status())
                    .isEqualTo(201);

            kafka.stop();
            try {
                JsonObject during =
                        new JsonObject().put("clientMessageId", "during").put("content", "sent during the outage");
                Timed<Answer> refused = timed(() -> platform.post(edge, messages, alice.token(), during.encode()));
                assertUnavailableWithin(refused, SEND_BOUND);

                // a burst is not queued behind the broker: every send is answered within the same bound
                java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(BURST);
                List<CompletableFuture<Timed<Answer>>> burst = IntStream.range(0, BURST)
                        .mapToObj(i -> CompletableFuture.supplyAsync(
                                () -> timed(() -> platform.post(
                                        edge,
                                        messages,
                                        bob.token(),
                                        new JsonObject()
                                                .put("clientMessageId", "burst-" + i)
                                                .put("content", "burst " + i)
                                                .encode())),
                                clients))
                        .toList();
                for (CompletableFuture<Timed<Answer>> answer : burst) {
                    assertUnavailableWithin(answer.join(), SEND_BOUND);
                }
                clients.shutdown();

                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    Answer ready = TestHttp.get(TestHttp.opsUri(edge, "/health/ready"), null);
                    assertThat(ready.status()).as(ready.toString()).isEqualTo(503);
                    assertThat(ready.json().getJsonObject("checks").getString("kafka"))
                            .isEqualTo("DOWN");
                });
                Answer history = platform.get(edge, messages, alice.token());
                assertThat(history.status()).as("reads come from PostgreSQL").isEqualTo(200);
                assertThat(history.json().getJsonArray("items")).hasSize(1);
            } finally {
                kafka.start();
            }

            // nothing restarted: the client's retry of the same send goes through once the broker is back
            JsonObject retry =
                    new JsonObject().put("clientMessageId", "during").put("content", "sent during the outage");
            Answer accepted = await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> platform.post(edge, messages, alice.token(), retry.encode()), a -> a.status() == 201);
            assertThat(accepted.json().getLong("seq")).isEqualTo(2);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (Edge replica : List.of(edge, platform.edge(), platform.otherEdge())) {
                    Answer ready = TestHttp.get(TestHttp.opsUri(replica, "/health/ready"), null);
                    assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
                }
            });
            // the refused sends left nothing behind: one message per accepted send, seq contiguous
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                            platform.get(edge, messages, bob.token()).json().getJsonArray("items").stream()
                                    .map(m -> ((JsonObject) m).getString("clientMessageId"))
                                    .toList())
                    .containsExactly("before", "during"));
        } finally {
            kafka.start();
            edge.closeAndWait(30);
        }
    }

    @Test
    void readsWhilePostgresIsDownAre503FastAndRecoverWhenItIsBack(@TempDir Path dataDir) throws Exception {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir, 0);
        int port = postgres.port();
        Edge edge = null;
        try {
            postgres.createDatabase("outage");
            DatabaseCoordinates database = postgres.address().coordinates("outage");
            Migrations.apply(database.jdbcUrl(), database.user(), database.password());
            TopicProvisioner.ensureTopics(INFRA.kafkaBootstrap(), 3, (short) 1);
            edge = Edge.start(EdgeConfig.fromEnv(TestEdge.environment(database)))
                    .await(60, TimeUnit.SECONDS);
            Edge target = edge;
            JsonObject registered = register(target, "reader");
            String token = registered.getString("accessToken");
            String userId = registered.getJsonObject("user").getString("id");
            List<String> reads = List.of("/api/conversations", "/api/sync", "/api/users/" + userId);
            for (String read : reads) {
                assertThat(TestHttp.get(TestHttp.uri(target, read), token).status())
                        .as(read)
                        .isEqualTo(200);
            }

            postgres.close();
            postgres = null;
            for (String read : reads) {
                Timed<Answer> answer = timed(() -> TestHttp.get(TestHttp.uri(target, read), token));
                assertUnavailableWithin(answer, PG_CONNECTION_TIMEOUT.plus(SLACK));
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Answer ready = TestHttp.get(TestHttp.opsUri(target, "/health/ready"), null);
                assertThat(ready.status()).as(ready.toString()).isEqualTo(503);
                assertThat(ready.json().getJsonObject("checks").getString("postgres"))
                        .isEqualTo("DOWN");
            });

            postgres = EmbeddedPostgresServer.start(dataDir, port);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (String read : reads) {
                    assertThat(TestHttp.get(TestHttp.uri(target, read), token).status())
                            .as(read)
                            .isEqualTo(200);
                }
            });
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Answer ready = TestHttp.get(TestHttp.opsUri(target, "/health/ready"), null);
                assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
            });
        } finally {
            if (edge != null) {
                edge.closeAndWait(30);
            }
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    private record Timed<T>(T value, Duration took) {}

    private static <T> Timed<T> timed(Supplier<T> call) {
        long started = System.nanoTime();
        T value = call.get();
        return new Timed<>(value, Duration.ofNanos(System.nanoTime() - started));
    }

    private static void assertUnavailableWithin(Timed<Answer> answer, Duration bound) {
        org.slf4j.LoggerFactory.getLogger(OutageIT.class)
                .info("503 after {} ms (bound {} ms)", answer.took().toMillis(), bound.toMillis());
        assertThat(answer.value().status()).as(answer.value().toString()).isEqualTo(503);
        assertThat(answer.value().contentType()).isEqualTo("application/problem+json");
        assertThat(answer.value().headers().firstValue("Retry-After"))
                .as("Retry-After")
                .hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        assertThat(answer.took()).as("answered within " + bound).isLessThanOrEqualTo(bound);
    }

    private static JsonObject register(Edge edge, String name) {
        Answer answer = TestHttp.post(
                TestHttp.uri(edge, "/api/auth/register"),
                null,
                new JsonObject()
                        .put("email", TestEdge.uniqueEmail(name))
                        .put("password", "a long enough password")
                        .put("displayName", name)
                        .encode());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json();
    }
}
