package com.humanchat.ops;

import com.humanchat.schemas.config.EnvironmentReader;
import com.humanchat.schemas.config.Settings;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The operators' port of a back-end deployable: {@code GET /metrics} (Prometheus text format), {@code /health/live}
 * (200 while {@code live} says so — the worker's consumer loop runs and polls — else 503, so the orchestrator restarts
 * the process) and {@code /health/ready} (200 while {@code ready} says so, else 503), each answer a small JSON body. Virtual threads serve it, so a slow scrape never holds the worker's own threads.
 */
public final class OpsHttpServer implements AutoCloseable {

    /** The port variable of domain-streams, the projector and the payments worker. */
    public static final String PORT_VARIABLE = Settings.OPS_HTTP_PORT.name();

    public static final int DEFAULT_PORT = Settings.OPS_HTTP_PORT.intDefault();

    private static final String UP = "{\"status\":\"UP\"}";
    private static final String DOWN = "{\"status\":\"DOWN\"}";

    private final HttpServer server;
    private final ExecutorService executor;
    private final JvmGcMetrics gcMetrics;

    private OpsHttpServer(HttpServer server, ExecutorService executor, JvmGcMetrics gcMetrics) {
        this.server = server;
        this.executor = executor;
        this.gcMetrics = gcMetrics;
    }

    /** Reads {@value #PORT_VARIABLE} (default {@value #DEFAULT_PORT}; 0 = any free port), naming a bad value. */
    public static int portFromEnv(Map<String, String> env) {
        EnvironmentReader reader = new EnvironmentReader(env);
        int port = reader.integer(PORT_VARIABLE, DEFAULT_PORT, 0, 65_535);
        reader.throwIfInvalid();
        return port;
    }

    /**
     * Binds the JVM's meters (memory, GC, threads, CPU — the same the edge exports) to {@code registry}, binds
     * {@code port} on every interface and starts serving.
     */
    public static OpsHttpServer start(
            int port, PrometheusMeterRegistry registry, BooleanSupplier ready, BooleanSupplier live)
            throws IOException {
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext(
                "/metrics", exchange -> respond(exchange, 200, "text/plain; version=0.0.4", registry.scrape()));
        server.createContext("/health/live", exchange -> upOrDown(exchange, live));
        server.createContext("/health/ready", exchange -> upOrDown(exchange, ready));
        server.start();
        return new OpsHttpServer(server, executor, gcMetrics);
    }

    /** The bound port (the chosen one when started with 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    private static void upOrDown(HttpExchange exchange, BooleanSupplier check) throws IOException {
        boolean up = check.getAsBoolean();
        respond(exchange, up ? 200 : 503, "application/json", up ? UP : DOWN);
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
        gcMetrics.close();
    }
}
