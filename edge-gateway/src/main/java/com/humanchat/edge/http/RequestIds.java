package com.humanchat.edge.http;

import com.humanchat.schemas.TraceParent;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Every request gets an id and a trace id.
 *
 * <ul>
 *   <li>The id is the caller's {@code X-Request-Id} if it is well formed (1–128 of {@code [A-Za-z0-9._:-]}, so it
 *       cannot forge log lines or headers), else a fresh UUID; it is echoed in the response header and added to
 *       problem bodies.
 *   <li>The trace id is the one of a valid W3C {@code traceparent} header (so the edge's lines join a trace begun
 *       by a proxy or the browser), else 16 fresh random bytes in hex.
 * </ul>
 *
 * Both are set in the SLF4J MDC ({@code requestId}, {@code traceId}) while the rest of the chain runs synchronously,
 * and when the response has ended one access line goes to the logger {@value #ACCESS_LOGGER} with the method, the
 * path (never the query string, which may hold a token), the status and the duration — in JSON with both ids as
 * fields when {@code HUMANCHAT_LOG_FORMAT=json}. The trace id is also bound to the request's Vert.x context
 * ({@link RequestTrace}), so the commands the request publishes carry it on to the back-end services.
 */
public final class RequestIds implements Handler<RoutingContext> {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    public static final String TRACE_MDC_KEY = "traceId";
    public static final String ACCESS_LOGGER = "humanchat.access";

    private static final Logger ACCESS = LoggerFactory.getLogger(ACCESS_LOGGER);
    private static final String CONTEXT_KEY = "humanchat.requestId";
    private static final String TRACE_CONTEXT_KEY = "humanchat.traceId";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public void handle(RoutingContext ctx) {
        String id = accept(ctx.request().getHeader(HEADER));
        String traceId = traceIdOf(ctx.request().getHeader(TraceParent.HEADER));
        ctx.put(CONTEXT_KEY, id);
        ctx.put(TRACE_CONTEXT_KEY, traceId);
        RequestTrace.bind(traceId);
        ctx.response().putHeader(HEADER, id);
        long started = System.nanoTime();
        ctx.addEndHandler(ended -> logAccess(ctx, started));
        String outerId = MDC.get(MDC_KEY);
        String outerTrace = MDC.get(TRACE_MDC_KEY);
        MDC.put(MDC_KEY, id);
        MDC.put(TRACE_MDC_KEY, traceId);
        try {
            ctx.next();
        } finally {
            restore(MDC_KEY, outerId);
            restore(TRACE_MDC_KEY, outerTrace);
        }
    }

    private static void logAccess(RoutingContext ctx, long started) {
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        HttpServerRequest request = ctx.request();
        MDC.put(MDC_KEY, of(ctx));
        MDC.put(TRACE_MDC_KEY, traceOf(ctx));
        try {
            ACCESS.info(
                    "{} {} {} {} ms",
                    request.method(),
                    request.path(),
                    ctx.response().getStatusCode(),
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            MDC.remove(MDC_KEY);
            MDC.remove(TRACE_MDC_KEY);
        }
    }

    private static void restore(String key, String outer) {
        if (outer == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, outer);
        }
    }

    /** The supplied id if well formed, else a new one. */
    static String accept(String supplied) {
        return supplied != null && WELL_FORMED.matcher(supplied).matches()
                ? supplied
                : UUID.randomUUID().toString();
    }

    /** The trace id of a valid version-00 {@code traceparent}, else a new random one. */
    static String traceIdOf(String traceparent) {
        return TraceParent.traceIdOf(traceparent).orElseGet(TraceParent::newTraceId);
    }

    /** The id of the request, or {@code null} if no {@link RequestIds} handler ran for it. */
    public static String of(RoutingContext ctx) {
        return ctx.get(CONTEXT_KEY);
    }

    /** The trace id of the request, or {@code null} if no {@link RequestIds} handler ran for it. */
    public static String traceOf(RoutingContext ctx) {
        return ctx.get(TRACE_CONTEXT_KEY);
    }
}
