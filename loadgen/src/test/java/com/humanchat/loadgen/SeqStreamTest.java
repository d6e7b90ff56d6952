package com.humanchat.loadgen;

import static com.humanchat.loadgen.SeqStream.Observation.DUPLICATE;
import static com.humanchat.loadgen.SeqStream.Observation.IN_ORDER;
import static com.humanchat.loadgen.SeqStream.Observation.OUT_OF_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeqStreamTest {

    @Test
    void classifiesEachDeliveryAgainstThoseBeforeIt() {
        SeqStream stream = new SeqStream();

        assertThat(stream.observe(5)).isEqualTo(IN_ORDER);
        assertThat(stream.observe(6)).isEqualTo(IN_ORDER);
        assertThat(stream.observe(6)).isEqualTo(DUPLICATE);
        assertThat(stream.observe(9)).isEqualTo(IN_ORDER);
        assertThat(stream.observe(8)).isEqualTo(OUT_OF_ORDER);
        assertThat(stream.observe(8)).isEqualTo(DUPLICATE);
        assertThat(stream.observe(3)).as("below the first seq seen").isEqualTo(OUT_OF_ORDER);
        assertThat(stream.observe(3)).isEqualTo(DUPLICATE);
        assertThat(stream.observe(10)).isEqualTo(IN_ORDER);
    }

    @Test
    void seqsFarAboveTheFirstStillDetectDuplicates() {
        SeqStream stream = new SeqStream();

        assertThat(stream.observe(1)).isEqualTo(IN_ORDER);
        assertThat(stream.observe(1L << 40)).isEqualTo(IN_ORDER);
        assertThat(stream.observe(1L << 40)).isEqualTo(DUPLICATE);
        assertThat(stream.observe((1L << 40) - 1)).isEqualTo(OUT_OF_ORDER);
    }
}
