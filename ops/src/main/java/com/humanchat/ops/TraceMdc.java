package com.humanchat.ops;

import com.humanchat.schemas.TraceParent;
import org.apache.kafka.common.header.Headers;
import org.slf4j.MDC;

/**
 * Puts the trace id a record carries ({@link TraceParent}) into the SLF4J MDC as {@value #MDC_KEY} — the key the
 * edge logs it under — while a back-end service handles the record, so that its log lines (JSON logs show the MDC)
 * join the edge's lines of the request that caused them.
 *
 * <pre>{@code
 * try (TraceMdc.Scope trace = TraceMdc.of(record.headers())) {
 *     handle(record);
 * }
 * }</pre>
 */
public final class TraceMdc {

    public static final String MDC_KEY = "traceId";

    /** Restores the MDC's trace id as it was before {@link #of}. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private TraceMdc() {}

    /** Sets the record's trace id (or clears it, when the record carries none) until the scope is closed. */
    public static Scope of(Headers headers) {
        String outer = MDC.get(MDC_KEY);
        TraceParent.traceIdOf(headers).ifPresentOrElse(id -> MDC.put(MDC_KEY, id), () -> MDC.remove(MDC_KEY));
        return () -> {
            if (outer == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, outer);
            }
        };
    }
}
