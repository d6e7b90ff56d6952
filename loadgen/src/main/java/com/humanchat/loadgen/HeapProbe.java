package com.humanchat.loadgen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The edge's heap as the minimum of several {@code GET /metrics} samples a pause apart, which sees past garbage
 * that happened not to be collected yet; with an edge pid, {@code jcmd PID GC.run} runs before each sample
 * (attach works only on the same machine, as the same user). Blocking: call it from the main thread.
 */
final class HeapProbe {

    private static final long METRICS_TIMEOUT_SECONDS = 30;
    private static final long JCMD_TIMEOUT_SECONDS = 60;

    private final ApiClient api;
    private final OptionalLong edgePid;
    private final int samples;
    private final long pauseMillis;
    private boolean gcWorks;

    HeapProbe(ApiClient api, OptionalLong edgePid, int samples, long pauseMillis) {
        this.api = api;
        this.edgePid = edgePid;
        this.samples = samples;
        this.pauseMillis = pauseMillis;
        this.gcWorks = edgePid.isPresent();
    }

    /** True while {@code jcmd GC.run} has worked for every sample taken so far. */
    boolean gcForced() {
        return gcWorks;
    }

    OptionalLong minimumHeapBytes() throws InterruptedException {
        long minimum = Long.MAX_VALUE;
        for (int i = 0; i < samples; i++) {
            if (i > 0) {
                Thread.sleep(pauseMillis);
            }
            if (gcWorks) {
                gcWorks = forceGc(edgePid.getAsLong());
            }
            OptionalLong heap = sample();
            if (heap.isEmpty()) {
                return OptionalLong.empty();
            }
            minimum = Math.min(minimum, heap.getAsLong());
        }
        return OptionalLong.of(minimum);
    }

    private OptionalLong sample() {
        String text;
        try {
            text = api.metrics().await(METRICS_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            Report.warn("cannot read GET /metrics (" + e.getMessage() + "): no heap figures");
            return OptionalLong.empty();
        }
        OptionalLong heap = PrometheusHeap.heapUsedBytes(text);
        if (heap.isEmpty()) {
            Report.warn("GET /metrics has no " + PrometheusHeap.METRIC + "{area=\"heap\"}: no heap figures");
        }
        return heap;
    }

    private static boolean forceGc(long pid) throws InterruptedException {
        Path bundled = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        String jcmd = Files.isExecutable(bundled) ? bundled.toString() : "jcmd";
        Path output = null;
        try {
            output = Files.createTempFile("loadgen-jcmd", ".txt");
            Process process = new ProcessBuilder(jcmd, Long.toString(pid), "GC.run")
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                Report.warn("jcmd " + pid + " GC.run timed out: sampling without a forced GC");
                return false;
            }
            if (process.exitValue() != 0) {
                String said = Files.readString(output).strip();
                Report.warn("jcmd " + pid + " GC.run failed (" + said + "): sampling without a forced GC");
                return false;
            }
            return true;
        } catch (IOException e) {
            Report.warn("cannot run jcmd (" + e.getMessage() + "): sampling without a forced GC");
            return false;
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // A leftover temp file is harmless.
                }
            }
        }
    }
}
