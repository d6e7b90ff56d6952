package com.humanchat.edge;

import com.humanchat.edge.health.HealthRoutes;
import com.humanchat.edge.http.ProblemResponses;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/**
 * The edge's operators' port ({@code HUMANCHAT_OPS_HTTP_PORT}, as on every back-end service): {@code GET /metrics}
 * and the detailed {@code /health/*}. Kept off the public port, which the ingress forwards: the scrape is megabytes
 * per answer and names topics and consumer groups. One instance; only the pod network (probes, Prometheus) reaches it.
 */
final class OpsServer extends RouterServer {

    OpsServer(EdgeServices services, int port) {
        super(services, port);
    }

    @Override
    Future<Void> stop(HttpServer server) {
        return server.close();
    }

    @Override
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
