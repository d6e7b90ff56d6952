package com.humanchat.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusHeapTest {

    @Test
    void sumsEveryHeapPoolAndNothingElse() {
        String exposition =
                """
                # HELP jvm_memory_used_bytes The amount of used memory
                # TYPE jvm_memory_used_bytes gauge
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space",} 1.2E7
                jvm_memory_used_bytes{area="heap",id="G1 Old Gen",} 3.0E7
                jvm_memory_used_bytes{area="heap",id="G1 Survivor Space",} 1048576.0
                jvm_memory_used_bytes{area="nonheap",id="Metaspace",} 5.0E7
                jvm_memory_used_bytes{area="nonheap",id="CodeCache",} 9000000.0
                # HELP jvm_memory_committed_bytes The amount of memory committed
                jvm_memory_committed_bytes{area="heap",id="G1 Old Gen",} 9.9E9
                jvm_memory_used_bytes_max{area="heap",id="G1 Old Gen",} 7.7E9
                jvm_memory_max_bytes{area="heap",id="G1 Eden Space",} -1.0
                """;

        assertThat(PrometheusHeap.heapUsedBytes(exposition)).hasValue(12_000_000L + 30_000_000L + 1_048_576L);
    }

    @Test
    void readsLabelsInAnyOrderWithExtraLabelsEscapesAndTimestamps() {
        String exposition = "jvm_memory_used_bytes{application=\"edge\",id=\"Eden \\\"young\\\", space\",area=\"heap\"}"
                + " 100 1732400000000\n"
                + "jvm_memory_used_bytes{ id=\"old\" , area=\"heap\" } 2.5e2\r\n"
                + "jvm_memory_used_bytes{id=\"area=heap\",area=\"nonheap\"} 4000\n"
                + "jvm_memory_used_bytes{area=\"heap\",id=\"broken\"} NaN\n";

        assertThat(PrometheusHeap.heapUsedBytes(exposition)).hasValue(350L);
    }

    @Test
    void isEmptyWithoutAHeapSeries() {
        assertThat(PrometheusHeap.heapUsedBytes("")).isEmpty();
        assertThat(PrometheusHeap.heapUsedBytes("# TYPE jvm_memory_used_bytes gauge\n"
                        + "jvm_memory_used_bytes{area=\"nonheap\",id=\"Metaspace\"} 5.0E7\n"
                        + "process_cpu_usage 0.5\n"))
                .isEmpty();
    }

    @Test
    void skipsMalformedLinesInsteadOfFailing() {
        String exposition = "jvm_memory_used_bytes{area=\"heap\",id=\"unterminated} 5\n"
                + "jvm_memory_used_bytes{area=\"heap\"}\n"
                + "jvm_memory_used_bytes{area=\"heap\",id=\"fine\"} 64\n";

        assertThat(PrometheusHeap.heapUsedBytes(exposition)).hasValue(64L);
    }
}
