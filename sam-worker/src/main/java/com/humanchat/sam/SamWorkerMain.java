package com.humanchat.sam;

import com.humanchat.sam.config.SamWorkerConfig;
import com.humanchat.schemas.TopicProvisioner;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the sam-worker deployable: reads {@link SamWorkerConfig}, creates missing topics, runs a
 * {@link SamWorker} and serves {@code /metrics} (Prometheus), {@code /health/live} and {@code /health/ready} on
 * {@code HUMANCHAT_SAM_HTTP_PORT} until the process is told to stop. Exits 2 on invalid configuration.
 */
public final class SamWorkerMain {

    private static final Logger LOG = LoggerFactory.getLogger(SamWorkerMain.class);

    private SamWorkerMain() {}

    public static void main(String[] args) throws InterruptedException, IOException {
        SamWorkerConfig config;
        try {
            config = SamWorkerConfig.fromEnv(System.getenv());
        } catch (IllegalArgumentException e) {
            LOG.error("{}", e.getMessage());
            System.exit(2);
            return;
        }
        TopicProvisioner.ensureTopics(config.kafkaBootstrap(), config.topicPartitions(), config.replicationFactor());
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SamWorker worker = SamWorker.start(config, registry);
        HttpServer http = HttpServer.create(new InetSocketAddress(config.httpPort()), 0);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.createContext(
                "/metrics", exchange -> respond(exchange, 200, "text/plain; version=0.0.4", registry.scrape()));
        http.createContext(
                "/health/live", exchange -> respond(exchange, 200, "application/json", "{\"status\":\"UP\"}"));
        http.createContext("/health/ready", exchange -> {
            boolean ready = worker.isHealthy();
            respond(
                    exchange,
                    ready ? 200 : 503,
                    "application/json",
                    ready ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
        });
        http.start();
        LOG.info(
                "sam-worker up: metrics and health on port {}",
                http.getAddress().getPort());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            http.stop(0);
                            worker.close();
                            registry.close();
                            stopped.countDown();
                        },
                        "humanchat-sam-shutdown"));
        stopped.await();
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
