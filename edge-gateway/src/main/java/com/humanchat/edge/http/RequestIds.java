package com.humanchat.edge.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Every request gets an id: the caller's {@code X-Request-Id} if it is well formed (1–128 of {@code [A-Za-z0-9._:-]},
 * so it cannot forge log lines or headers), else a fresh UUID. The id is echoed in the response header, set in the
 * SLF4J MDC ({@code requestId}) while the rest of the chain runs synchronously, and added to problem bodies.
 */
public final class RequestIds implements Handler<RoutingContext> {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private static final String CONTEXT_KEY = "humanchat.requestId";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public void handle(RoutingContext ctx) {
        String id = accept(ctx.request().getHeader(HEADER));
        ctx.put(CONTEXT_KEY, id);
        ctx.response().putHeader(HEADER, id);
        String outer = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        try {
            ctx.next();
        } finally {
            if (outer == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, outer);
            }
        }
    }

    /** The supplied id if well formed, else a new one. */
    static String accept(String supplied) {
        return supplied != null && WELL_FORMED.matcher(supplied).matches()
                ? supplied
                : UUID.randomUUID().toString();
    }

    /** The id of the request, or {@code null} if no {@link RequestIds} handler ran for it. */
    public static String of(RoutingContext ctx) {
        return ctx.get(CONTEXT_KEY);
    }
}
