package com.humanchat.schemas;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The W3C trace context as it travels with records: a {@value #HEADER} record header (version {@code 00}) on every
 * command the edge publishes, kept by the Streams topologies on the events they derive and by Sam on its reply, so
 * the log lines of every service that handles a request carry the trace id the edge logged for it (docs/runbook.md,
 * "Following one request through the logs").
 */
public final class TraceParent {

    /** The header name, the same as the HTTP header. */
    public static final String HEADER = "traceparent";

    // version 00: 00-<32 hex trace id, not all zero>-<16 hex parent id>-<2 hex flags>
    private static final Pattern VERSION_00 = Pattern.compile("00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final HexFormat HEX = HexFormat.of();

    private TraceParent() {}

    /** The trace id of a valid version-00 {@code traceparent}; empty when it is missing or not valid. */
    public static Optional<String> traceIdOf(String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        Matcher matcher = VERSION_00.matcher(traceparent.trim());
        return matcher.matches() && !matcher.group(1).equals(INVALID_TRACE_ID)
                ? Optional.of(matcher.group(1))
                : Optional.empty();
    }

    /** The trace id of a record's last {@value #HEADER} header; empty when it has none or it is not valid. */
    public static Optional<String> traceIdOf(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(HEADER);
        return header == null || header.value() == null
                ? Optional.empty()
                : traceIdOf(new String(header.value(), StandardCharsets.US_ASCII));
    }

    /** A new random trace id: 16 bytes in lower-case hex. */
    public static String newTraceId() {
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        return HEX.formatHex(random);
    }

    /** Sets {@code headers}' {@value #HEADER} to {@code traceId} with a new span id of this hop, sampled. */
    public static void set(Headers headers, String traceId) {
        traceIdOf("00-" + traceId + "-0000000000000001-01")
                .orElseThrow(() -> new IllegalArgumentException("not a W3C trace id: " + traceId));
        byte[] span = new byte[8];
        ThreadLocalRandom.current().nextBytes(span);
        span[span.length - 1] |= 1; // an all-zero parent id is invalid
        headers.remove(HEADER);
        headers.add(HEADER, ("00-" + traceId + "-" + HEX.formatHex(span) + "-01").getBytes(StandardCharsets.US_ASCII));
    }
}
