package com.humanchat.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.humanchat.schemas.config.InvalidConfigurationException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OpsHttpServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(OpsHttpServer server, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheRegistryAndFollowsReadinessAndLiveness() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Counter.builder("humanchat.test.events").register(registry).increment(3);
        AtomicBoolean ready = new AtomicBoolean(false);
        AtomicBoolean live = new AtomicBoolean(true);
        try (OpsHttpServer server = OpsHttpServer.start(0, registry, ready::get, live::get)) {
            HttpResponse<String> metrics = get(server, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body())
                    .contains("humanchat_test_events_total 3.0", "jvm_memory_used_bytes", "process_cpu_usage");

            assertThat(get(server, "/health/live").statusCode()).isEqualTo(200);
            HttpResponse<String> notReady = get(server, "/health/ready");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).contains("DOWN");

            ready.set(true);
            assertThat(get(server, "/health/ready").statusCode()).isEqualTo(200);
            HttpResponse<String> post = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(get(server, "/elsewhere").statusCode()).isEqualTo(404);

            // the worker's loop died: the orchestrator is to restart the process
            live.set(false);
            HttpResponse<String> dead = get(server, "/health/live");
            assertThat(dead.statusCode()).isEqualTo(503);
            assertThat(dead.body()).contains("DOWN");
        }
    }

    @Test
    void thePortComesFromTheEnvironmentAndABadOneIsNamed() {
        assertThat(OpsHttpServer.portFromEnv(Map.of())).isEqualTo(OpsHttpServer.DEFAULT_PORT);
        assertThat(OpsHttpServer.portFromEnv(Map.of(OpsHttpServer.PORT_VARIABLE, "9191")))
                .isEqualTo(9191);
        assertThatThrownBy(() -> OpsHttpServer.portFromEnv(Map.of(OpsHttpServer.PORT_VARIABLE, "http")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(OpsHttpServer.PORT_VARIABLE);
    }
}
