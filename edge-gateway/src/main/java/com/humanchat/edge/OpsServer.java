package com.humanchat.edge;

import com.humanchat.edge.health.HealthRoutes;
import com.humanchat.edge.http.ProblemResponses;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/**
 * The edge's operators' port ({@code HUMANCHAT_OPS_HTTP_PORT}, as on every back-end service): {@code GET /metrics}
 * and the detailed {@code /health/*}. Kept off the public port, which the ingress forwards: the scrape is megabytes
 * per answer and names topics and consumer groups. One instance; only the pod network (probes, Prometheus) reaches it.
 */
final class OpsServer extends VerticleBase {

    private final EdgeServices services;
    private final int port;
    private HttpServer server;

    OpsServer(EdgeServices services, int port) {
        this.services = services;
        this.port = port;
    }

    @Override
    public Future<?> start() {
        server = vertx.createHttpServer(new HttpServerOptions().setPort(port));
        return server.requestHandler(router()).listen();
    }

    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    int actualPort() {
        return server == null ? -1 : server.actualPort();
    }

    Router router() {
        Router ops = Router.router(vertx);
        new HealthRoutes(services.readiness(), services.liveness()).mountDetailed(ops);
        ops.get("/metrics").handler(services.metrics()::scrape);
        ops.route().failureHandler(ProblemResponses::handleFailure);
        ops.errorHandler(404, ProblemResponses::handleFailure);
        ops.errorHandler(405, ProblemResponses::handleFailure);
        return ops;
    }
}
