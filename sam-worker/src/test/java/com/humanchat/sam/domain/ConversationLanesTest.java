package com.humanchat.sam.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ConversationLanesTest {

    private final ConversationLanes<Integer, String> lanes = new ConversationLanes<>(10);

    @Test
    void startsOneRecordAtATimePerConversationInOffsetOrder() {
        lanes.assign(0);
        lanes.add(0, 0, "a", "a1");
        lanes.add(0, 1, "a", "a2");
        lanes.add(0, 2, "b", "b1");
        lanes.add(0, 3, "a", "a3");

        List<ConversationLanes.Entry<Integer, String>> first = lanes.startable(10);
        assertThat(first).extracting(ConversationLanes.Entry::payload).containsExactly("a1", "b1");
        assertThat(lanes.startable(10)).as("a2 waits for a1").isEmpty();

        lanes.done(first.getFirst());
        List<ConversationLanes.Entry<Integer, String>> second = lanes.startable(10);
        assertThat(second).extracting(ConversationLanes.Entry::payload).containsExactly("a2");
        lanes.done(second.getFirst());
        assertThat(lanes.startable(10))
                .extracting(ConversationLanes.Entry::payload)
                .containsExactly("a3");
    }

    @Test
    void startsNoMoreThanTheLimit() {
        lanes.assign(0);
        lanes.add(0, 0, "a", "a1");
        lanes.add(0, 1, "b", "b1");
        lanes.add(0, 2, "c", "c1");

        assertThat(lanes.startable(2)).hasSize(2);
        assertThat(lanes.buffered()).isEqualTo(1);
    }

    @Test
    void commitsOnlyTheContiguousPrefixOfDoneRecords() {
        lanes.assign(0);
        lanes.add(0, 5, "a", "a1");
        lanes.add(0, 6, "b", "b1");
        List<ConversationLanes.Entry<Integer, String>> started = lanes.startable(10);

        lanes.done(started.get(1));
        assertThat(lanes.takeCommittable(0)).as("offset 5 is still under way").isEmpty();

        lanes.done(started.get(0));
        assertThat(lanes.takeCommittable(0)).isEqualTo(OptionalLong.of(7));
        assertThat(lanes.takeCommittable(0)).as("once per advance").isEmpty();
    }

    @Test
    void isBoundedAndForgetsARevokedPartition() {
        ConversationLanes<Integer, String> small = new ConversationLanes<>(2);
        small.assign(0);
        small.add(0, 0, "a", "a1");
        small.add(0, 1, "a", "a2");

        assertThat(small.room()).isZero();
        assertThatThrownBy(() -> small.add(0, 2, "b", "b1")).isInstanceOf(IllegalStateException.class);
        small.revoke(0);
        assertThat(small.buffered()).isZero();
        assertThat(small.startable(10)).isEmpty();
    }
}
