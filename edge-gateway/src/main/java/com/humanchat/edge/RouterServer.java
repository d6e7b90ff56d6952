package com.humanchat.edge;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/** A verticle that serves the router it builds over the shared {@link EdgeServices} on one port. */
abstract class RouterServer extends VerticleBase {

    protected final EdgeServices services;
    private final int port;
    private HttpServer server;

    RouterServer(EdgeServices services, int port) {
        this.services = services;
        this.port = port;
    }

    abstract Router router();

    /** How this server stops serving: at once, or letting what is in flight finish. */
    abstract Future<Void> stop(HttpServer server);

    /** The listener's options; a server that needs more than the port says so. */
    HttpServerOptions options(int port) {
        return new HttpServerOptions().setPort(port);
    }

    @Override
    public Future<?> start() {
        server = vertx.createHttpServer(options(port));
        return server.requestHandler(router()).listen();
    }

    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : stop(server);
    }

    /** The bound port (the chosen one when given 0), or -1 before the start. */
    public int actualPort() {
        return server == null ? -1 : server.actualPort();
    }
}
