package com.humanchat.edge;

import com.humanchat.edge.config.EdgeConfig;
import com.humanchat.edge.metrics.EdgeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running edge, embeddable: {@link #start(EdgeConfig)} creates its own Vert.x (reporting to its own Prometheus
 * registry), its {@link EdgeServices}, and {@link EdgeConfig#instances()} {@link EdgeServer}s sharing one port;
 * {@link #close()} shuts it down gracefully. Port 0 binds a free port, read back with {@link #port()}.
 */
public final class Edge {

    private static final Logger LOG = LoggerFactory.getLogger(Edge.class);

    private final Vertx vertx;
    private final EdgeMetrics metrics;
    private final EdgeServices services;
    private final String deploymentId;
    private final int port;
    private final int opsPort;
    private volatile Future<Void> closing;

    /** How long sends under way may wait for the topology during a stop; below the servers' shutdown grace. */
    static final Duration DRAIN_GRACE = Duration.ofSeconds(3);

    private Edge(Vertx vertx, EdgeMetrics metrics, EdgeServices services, Deployed deployed) {
        this.vertx = vertx;
        this.metrics = metrics;
        this.services = services;
        this.deploymentId = deployed.id();
        this.port = deployed.port();
        this.opsPort = deployed.opsPort();
    }

    /**
     * Starts an edge; the future fails (and everything started is released) if the HTTP port cannot be bound or the
     * chat module cannot start. Dependencies need not be up: readiness reports them.
     */
    public static Future<Edge> start(EdgeConfig config) {
        EdgeMetrics metrics = EdgeMetrics.create();
        Vertx vertx = metrics.newVertx(new VertxOptions());
        // Not bound to a Vert.x context: it must still complete after a failed start has closed Vert.x.
        Promise<Edge> started = Promise.promise();
        vertx.executeBlocking(() -> EdgeServices.create(vertx, config, metrics), false)
                .compose(services -> services.start()
                        .compose(v -> deployServers(vertx, services, config))
                        .compose(deployed -> deployOps(vertx, services, config, deployed))
                        .map(deployed -> new Edge(vertx, metrics, services, deployed))
                        .recover(failure -> services.close().transform(closed -> Future.failedFuture(failure))))
                .onComplete(result -> {
                    if (result.succeeded()) {
                        LOG.info(
                                "edge {} listening on port {} with {} event-loop instance(s), ops on port {}",
                                config.replicaId(),
                                result.result().port(),
                                config.instances(),
                                result.result().opsPort());
                        started.complete(result.result());
                    } else {
                        vertx.close().onComplete(closed -> {
                            metrics.close();
                            started.fail(result.cause());
                        });
                    }
                });
        return started.future();
    }

    /** The public servers' deployment and port, and the ops server's port once it is bound (-1 before). */
    private record Deployed(String id, int port, int opsPort) {}

    /** Attempts at binding a free port when the configured port is 0 (another process may take it in between). */
    private static final int FREE_PORT_ATTEMPTS = 3;

    /**
     * Deploys the server instances on one shared port. Vert.x shares a listening socket between instances that ask
     * for the same port, but never for port 0 (each would get a port of its own), so port 0 is first resolved to a
     * free port.
     */
    private static Future<Deployed> deployServers(Vertx vertx, EdgeServices services, EdgeConfig config) {
        return deployServers(vertx, services, config, 1);
    }

    private static Future<Deployed> deployServers(Vertx vertx, EdgeServices services, EdgeConfig config, int attempt) {
        boolean pickPort = config.httpPort() == 0;
        int port = pickPort ? FreePort.pick() : config.httpPort();
        List<EdgeServer> servers = new CopyOnWriteArrayList<>();
        Future<Deployed> deployed = vertx.deployVerticle(
                        () -> {
                            EdgeServer server = new EdgeServer(services, port);
                            servers.add(server);
                            return server;
                        },
                        new DeploymentOptions().setInstances(config.instances()))
                .compose(id -> {
                    List<Integer> ports = servers.stream()
                            .map(EdgeServer::actualPort)
                            .distinct()
                            .toList();
                    return ports.equals(List.of(port))
                            ? Future.succeededFuture(new Deployed(id, port, -1))
                            : Future.failedFuture(
                                    new IllegalStateException("server instances listen on ports " + ports));
                });
        if (!pickPort || attempt >= FREE_PORT_ATTEMPTS) {
            return deployed;
        }
        return deployed.recover(failure -> {
            LOG.info("port {} was taken before the edge could bind it, trying another", port);
            return deployServers(vertx, services, config, attempt + 1);
        });
    }

    /**
     * Deploys the {@link OpsServer} (one instance; port 0 binds any free port). Undeployed with Vert.x; a port that
     * cannot be bound fails the start.
     */
    private static Future<Deployed> deployOps(Vertx vertx, EdgeServices services, EdgeConfig config, Deployed served) {
        OpsServer ops = new OpsServer(services, config.opsHttpPort());
        return vertx.deployVerticle(ops)
                .recover(failure -> vertx.undeploy(served.id()).transform(v -> Future.failedFuture(failure)))
                .map(id -> new Deployed(served.id(), served.port(), ops.actualPort()));
    }

    /** The port the HTTP server is bound to (the real one when the configured port was 0). */
    public int port() {
        return port;
    }

    /** The ops port ({@code /metrics}, detailed {@code /health/*}); the real one when the configured port was 0. */
    public int opsPort() {
        return opsPort;
    }

    public Vertx vertx() {
        return vertx;
    }

    public EdgeServices services() {
        return services;
    }

    public PrometheusMeterRegistry registry() {
        return metrics.registry();
    }

    /**
     * Graceful stop: the HTTP servers stop accepting and finish what is in flight; new upgrades and sends are refused
     * with 503, sends under way are answered (201, or 202 after {@link #DRAIN_GRACE}), every WebSocket is closed with
     * 1012 (service restart); then the services close (the producer flushes), then Vert.x. Idempotent; never fails.
     */
    public synchronized Future<Void> close() {
        if (closing == null) {
            // Not bound to a Vert.x context: a future chained on one would never complete once Vert.x is closed.
            Promise<Void> closed = Promise.promise();
            closing = closed.future();
            // Both at once: the servers stop accepting connections (and finish requests in flight) while the chat
            // module answers the sends under way and tells every socket to reconnect; Vert.x's shutdown leaves
            // WebSockets alone until its grace period ends, so the 1012 closes go out well before.
            Future<Void> drained = services.chat().drain(DRAIN_GRACE);
            Future<Void> undeployed = vertx.undeploy(deploymentId).otherwiseEmpty();
            Future.join(drained, undeployed)
                    .otherwiseEmpty()
                    .compose(v -> services.close())
                    .onComplete(servicesClosed -> vertx.close().onComplete(vertxClosed -> {
                        metrics.close();
                        LOG.info("edge stopped");
                        closed.complete();
                    }));
        }
        return closing;
    }

    /** For shutdown hooks and tests: {@link #close()} and wait at most {@code timeoutSeconds}. */
    public void closeAndWait(long timeoutSeconds) {
        try {
            close().toCompletionStage().toCompletableFuture().get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("edge did not stop within {} s: {}", timeoutSeconds, e.toString());
        }
    }
}
