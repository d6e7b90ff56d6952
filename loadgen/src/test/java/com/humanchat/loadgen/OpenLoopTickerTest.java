package com.humanchat.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OpenLoopTickerTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void reportsProgressEveryFiveSecondsNamingTheStage() {
        OpenLoopTicker ticker = new OpenLoopTicker(null, new OpenLoopSchedule(0, 10, 100));
        long measureFrom = 7 * SECOND;

        assertThat(ticker.progress(4 * SECOND, measureFrom)).isNull();
        assertThat(ticker.progress(5 * SECOND, measureFrom)).isEqualTo("t=5s warm-up issued=0");
        assertThat(ticker.progress(10 * SECOND, measureFrom)).isEqualTo("t=10s measuring issued=0");
    }
}
