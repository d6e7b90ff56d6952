package com.humanchat.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.humanchat.edge.TestHttp.Answer;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Health, readiness under dependency outages, metrics, and the shared port of several server instances. */
class OperationsIT {

    private static TestEdge edge;

    @BeforeAll
    static void startEdge() {
        edge = TestEdge.start(OperationsIT.class.getSimpleName());
    }

    @AfterAll
    static void stopEdge() {
        if (edge != null) {
            edge.close();
        }
    }

    @Test
    void isLive() {
        Answer live = edge.get("/health/live");

        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().getString("status")).isEqualTo("UP");
    }

    @Test
    void isNotLiveWhileAWorkerRunInTheSameProcessHasADeadLoop() {
        // What the standalone registers for its in-process workers (StandalonePlatform).
        AtomicBoolean workerLoopAlive = new AtomicBoolean(true);
        edge.edge().services().liveness().register("test-worker", workerLoopAlive::get);
        try {
            assertThat(edge.get("/health/live").status()).isEqualTo(200);

            workerLoopAlive.set(false);
            Answer dead = edge.opsGet("/health/live");
            Answer publicDead = edge.get("/health/live");

            assertThat(dead.status()).isEqualTo(503);
            assertThat(dead.json().getString("status")).isEqualTo("DOWN");
            assertThat(dead.json().getJsonArray("down").getList()).containsExactly("test-worker");
            // the public port says only that it is down, never which part of the platform
            assertThat(publicDead.status()).isEqualTo(503);
            assertThat(publicDead.json().getMap()).containsOnlyKeys("status");
        } finally {
            workerLoopAlive.set(true);
        }
        assertThat(edge.get("/health/live").status()).isEqualTo(200);
    }

    @Test
    void isReadyWithEveryCheckUp() {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Answer ready = edge.opsGet("/health/ready");
            assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
            JsonObject body = ready.json();
            assertThat(body.getString("status")).isEqualTo("UP");
            assertThat(body.getJsonObject("checks").getMap())
                    .containsEntry("kafka", "UP")
                    .containsEntry("postgres", "UP")
                    .containsEntry("redis", "UP")
                    .containsEntry("fanOut", "UP");
        });
    }

    @Test
    void staysReadyAndServesWhileRedisIsDown() {
        assumeTrue(TestEdge.infra().hasEmbeddedRedis(), "needs the embedded Redis to stop it");
        TestEdge.infra().embeddedRedis().stop();
        try {
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                Answer ready = edge.opsGet("/health/ready");
                assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
                assertThat(ready.json().getJsonObject("checks").getString("redis"))
                        .isEqualTo("DOWN");
                assertThat(ready.json().getJsonArray("degraded")).containsExactly("redis");
                assertThat(ready.json().getJsonArray("notes").encode()).contains("chat keeps working");
            });
            JsonObject user = edge.register(TestEdge.uniqueEmail("no-redis"), "password while redis is down", "R");
            assertThat(edge.get("/api/auth/me", user.getString("accessToken")).status())
                    .isEqualTo(200);
        } finally {
            TestEdge.infra().embeddedRedis().start();
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(edge.opsGet("/health/ready")
                        .json()
                        .getJsonObject("checks")
                        .getString("redis"))
                .isEqualTo("UP"));
    }

    @Test
    void isNotReadyWhileKafkaIsDown() {
        assumeTrue(TestEdge.infra().hasEmbeddedKafka(), "needs the embedded broker to stop it");
        TestEdge.infra().embeddedKafka().stop();
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Answer ready = edge.opsGet("/health/ready");
                assertThat(ready.status()).as(ready.toString()).isEqualTo(503);
                assertThat(ready.json().getString("status")).isEqualTo("DOWN");
                assertThat(ready.json().getJsonObject("checks").getString("kafka"))
                        .isEqualTo("DOWN");
                assertThat(ready.json().getJsonObject("checks").getString("postgres"))
                        .isEqualTo("UP");
            });
        } finally {
            TestEdge.infra().embeddedKafka().start();
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(edge.opsGet("/health/ready").status()).isEqualTo(200));
    }

    @Test
    void exportsHttpServerAndJvmMetricsForPrometheus() {
        edge.get("/health/live");
        edge.get("/api/nothing-here");

        // Vert.x records a request's metrics when its response has been flushed, which may be just after the client
        // read it: wait for the 404 to show up rather than assume it already has.
        Answer metrics = await().atMost(Duration.ofSeconds(10))
                .until(() -> edge.opsGet("/metrics"), answer -> answer.body()
                        .lines()
                        .anyMatch(l -> l.startsWith("vertx_http_server_requests_total") && l.contains("code=\"404\"")));

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("http_server")
                .contains("jvm_memory_used_bytes")
                .contains("jvm_")
                .contains("humanchat_outbox_published_total");
    }

    /** Issue 23, finding 3: the ingress forwards the public port, so nothing operational may be read there. */
    @Test
    void keepsMetricsAndHealthDetailOffThePublicPort() {
        assertThat(edge.edge().opsPort()).isPositive().isNotEqualTo(edge.edge().port());

        Answer publicMetrics = edge.send(HttpRequest.newBuilder(edge.uri("/metrics"))
                .header("Accept", "text/plain")
                .GET());
        assertThat(publicMetrics.status()).isEqualTo(404);
        assertThat(publicMetrics.body()).doesNotContain("jvm_").doesNotContain("kafka");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Answer publicReady = edge.get("/health/ready");
            assertThat(publicReady.status()).isEqualTo(200);
            assertThat(publicReady.json().fieldNames()).containsExactly("status");
        });

        assertThat(edge.opsGet("/metrics").body()).contains("jvm_memory_used_bytes");
        assertThat(edge.opsGet("/health/ready").json().getJsonObject("checks").getMap())
                .containsKeys("kafka", "postgres", "redis", "fanOut");
        assertThat(edge.opsGet("/api/auth/me").status())
                .as("the ops port serves no API")
                .isEqualTo(404);
    }

    /** TestEdge asks for port 0 and two instances; Edge.start fails unless every instance serves the same port. */
    @Test
    void severalServerInstancesShareOnePortEvenWhenItWasZero() {
        assertThat(edge.edge().port()).isPositive();
        assertThat(edge.edge().services().config().instances()).isEqualTo(2);

        for (int i = 0; i < 10; i++) {
            assertThat(edge.get("/health/live").status()).isEqualTo(200);
        }
    }
}
