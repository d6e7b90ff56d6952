package com.humanchat.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.schemas.TraceParent;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class TraceMdcTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void putsTheRecordsTraceIdForTheScopeAndRestoresWhatWasThere() {
        String traceId = TraceParent.newTraceId();
        RecordHeaders headers = new RecordHeaders();
        TraceParent.set(headers, traceId);
        MDC.put(TraceMdc.MDC_KEY, "outer");

        try (TraceMdc.Scope trace = TraceMdc.of(headers)) {
            assertThat(MDC.get(TraceMdc.MDC_KEY)).isEqualTo(traceId);
        }

        assertThat(MDC.get(TraceMdc.MDC_KEY)).isEqualTo("outer");
    }

    @Test
    void aRecordWithoutTraceLeavesNoStaleIdBehind() {
        MDC.put(TraceMdc.MDC_KEY, "previous record's");

        try (TraceMdc.Scope trace = TraceMdc.of(new RecordHeaders())) {
            assertThat(MDC.get(TraceMdc.MDC_KEY)).isNull();
        }

        assertThat(MDC.get(TraceMdc.MDC_KEY)).isEqualTo("previous record's");
        MDC.remove(TraceMdc.MDC_KEY);
        try (TraceMdc.Scope trace = TraceMdc.of(null)) {
            assertThat(MDC.get(TraceMdc.MDC_KEY)).isNull();
        }
        assertThat(MDC.get(TraceMdc.MDC_KEY)).isNull();
    }
}
