package com.humanchat.edge.http;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxBootstrap;
import io.vertx.core.spi.VertxServiceProvider;
import io.vertx.core.spi.context.storage.ContextLocal;
import java.util.Optional;

/**
 * The trace id of the HTTP request a Vert.x context is serving, for code that has no {@code RoutingContext} — the
 * Kafka publisher, which puts it on every command as a {@code traceparent} header.
 *
 * <p>Vert.x runs each HTTP request on its own duplicated context and keeps it across the request's asynchronous
 * steps (database queries, other futures), so a value stored there by {@link RequestIds} is the request's alone. A
 * {@link ContextLocal} must be registered before the first {@code Vertx} is built: as Vert.x documents, it is a
 * static field of a {@link VertxServiceProvider}, declared in {@code META-INF/services}, which every Vert.x builder
 * loads first.
 */
public final class RequestTrace implements VertxServiceProvider {

    private static final ContextLocal<String> TRACE_ID = ContextLocal.registerLocal(String.class);

    @Override
    public void init(VertxBootstrap bootstrap) {
        // Registering the local (above, when Vert.x loads this provider) is all this provider does.
    }

    /** Binds {@code traceId} to the current context: the request's own, when called by a request handler. */
    static void bind(String traceId) {
        Context context = Vertx.currentContext();
        if (context != null) {
            TRACE_ID.put(context, traceId);
        }
    }

    /** The trace id of the request the current context serves; empty outside a request. */
    public static Optional<String> current() {
        Context context = Vertx.currentContext();
        return context == null ? Optional.empty() : Optional.ofNullable(TRACE_ID.get(context));
    }
}
