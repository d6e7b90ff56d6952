package com.humanchat.edge.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SeqWatermarksTest {

    @Test
    void advancesOnlyForHigherSeqs() {
        SeqWatermarks marks = new SeqWatermarks(10);
        UUID conversation = UUID.randomUUID();
        assertThat(marks.advance(conversation, 1)).isTrue();
        assertThat(marks.advance(conversation, 1)).isFalse();
        assertThat(marks.advance(conversation, 3)).isTrue();
        assertThat(marks.advance(conversation, 2)).isFalse();
        assertThat(marks.highest(conversation)).isEqualTo(3);
        assertThat(marks.highest(UUID.randomUUID())).isZero();
    }

    @Test
    void forgetsTheLeastRecentlyUsedConversationBeyondItsBound() {
        SeqWatermarks marks = new SeqWatermarks(2);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        marks.advance(first, 5);
        marks.advance(second, 5);
        marks.highest(first); // touch: second is now the eldest
        marks.advance(third, 5);
        assertThat(marks.highest(first)).isEqualTo(5);
        assertThat(marks.highest(second)).isZero();
        assertThat(marks.highest(third)).isEqualTo(5);
    }
}
