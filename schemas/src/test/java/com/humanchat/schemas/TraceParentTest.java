package com.humanchat.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class TraceParentTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void readsTheTraceIdOfAValidVersion00Header() {
        assertThat(TraceParent.traceIdOf("00-" + TRACE_ID + "-00f067aa0ba902b7-01"))
                .contains(TRACE_ID);
        assertThat(TraceParent.traceIdOf(" 00-" + TRACE_ID + "-00f067aa0ba902b7-00 "))
                .contains(TRACE_ID);
    }

    @Test
    void refusesMissingMalformedAndAllZeroTraceIds() {
        for (String invalid : new String[] {
            null,
            "",
            "garbage",
            "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01",
            "ff-" + TRACE_ID + "-00f067aa0ba902b7-01",
            "00-" + TRACE_ID.toUpperCase() + "-00f067aa0ba902b7-01",
            "00-" + TRACE_ID + "\r\n-00f067aa0ba902b7-01"
        }) {
            assertThat(TraceParent.traceIdOf(invalid))
                    .as(String.valueOf(invalid))
                    .isEmpty();
        }
    }

    @Test
    void setsOneHeaderWithTheTraceIdAndANewNonZeroSpan() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(TraceParent.HEADER, "00-ffffffffffffffffffffffffffffffff-00f067aa0ba902b7-01".getBytes());

        TraceParent.set(headers, TRACE_ID);

        assertThat(headers.headers(TraceParent.HEADER)).hasSize(1);
        String value = new String(headers.lastHeader(TraceParent.HEADER).value(), StandardCharsets.US_ASCII);
        assertThat(value).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01").doesNotContain("-0000000000000000-");
        assertThat(TraceParent.traceIdOf(headers)).contains(TRACE_ID);
    }

    @Test
    void aRecordWithoutAValidHeaderHasNoTrace() {
        RecordHeaders headers = new RecordHeaders();
        assertThat(TraceParent.traceIdOf(headers)).isEmpty();
        assertThat(TraceParent.traceIdOf((org.apache.kafka.common.header.Headers) null))
                .isEmpty();
        headers.add(TraceParent.HEADER, "not a traceparent".getBytes());
        assertThat(TraceParent.traceIdOf(headers)).isEmpty();
    }

    @Test
    void refusesToSetSomethingThatIsNotATraceId() {
        RecordHeaders headers = new RecordHeaders();
        assertThatThrownBy(() -> TraceParent.set(headers, "nope")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TraceParent.set(headers, "0".repeat(32))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void newTraceIdsAreValidAndDistinct() {
        String one = TraceParent.newTraceId();
        assertThat(TraceParent.traceIdOf("00-" + one + "-00f067aa0ba902b7-01")).contains(one);
        assertThat(TraceParent.newTraceId()).isNotEqualTo(one);
    }
}
