package com.humanchat.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairRotationTest {

    @Test
    void spreadsSendsRoundRobinOverPairsAndAlternatesDirection() {
        PairRotation rotation = new PairRotation(3);

        assertThat(rotation.senderOf(0)).isEqualTo(0);
        assertThat(rotation.recipientOf(0)).isEqualTo(1);
        assertThat(rotation.senderOf(1)).isEqualTo(2);
        assertThat(rotation.senderOf(2)).isEqualTo(4);
        assertThat(rotation.senderOf(3)).isEqualTo(1);
        assertThat(rotation.recipientOf(3)).isEqualTo(0);
        assertThat(rotation.senderOf(5)).isEqualTo(5);
        assertThat(rotation.senderOf(6)).isEqualTo(0);
    }

    @Test
    void everyUserSendsAndReceivesEquallyOverWholeRounds() {
        PairRotation rotation = new PairRotation(50);
        Map<Integer, Integer> sent = new HashMap<>();
        Map<Integer, Integer> received = new HashMap<>();

        for (long k = 0; k < 50 * 2 * 7; k++) {
            assertThat(rotation.senderOf(k) / 2).isEqualTo(rotation.pairOf(k));
            assertThat(rotation.recipientOf(k) / 2).isEqualTo(rotation.pairOf(k));
            sent.merge(rotation.senderOf(k), 1, Integer::sum);
            received.merge(rotation.recipientOf(k), 1, Integer::sum);
        }

        assertThat(sent).hasSize(100).allSatisfy((user, count) -> assertThat(count)
                .isEqualTo(7));
        assertThat(received).hasSize(100).allSatisfy((user, count) -> assertThat(count)
                .isEqualTo(7));
    }
}
