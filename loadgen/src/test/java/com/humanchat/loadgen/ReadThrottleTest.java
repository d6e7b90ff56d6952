package com.humanchat.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.loadgen.ReadThrottle.Read;
import org.junit.jupiter.api.Test;

class ReadThrottleTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;
    private static final long T = 100 * SECOND;

    private final ReadThrottle<String> reads = new ReadThrottle<>(SECOND);

    @Test
    void theFirstDeliveryIsReadAtOnce() {
        assertThat(reads.delivered("bob@c1", 4, T)).hasValue(4);
        assertThat(reads.due(T + 10 * SECOND)).isEmpty();
    }

    @Test
    void deliveriesWithinTheSecondAreReadOnceAtItsEndUpToTheHighestSeq() {
        reads.delivered("bob@c1", 1, T);

        assertThat(reads.delivered("bob@c1", 2, T + 100 * MS)).isEmpty();
        assertThat(reads.delivered("bob@c1", 5, T + 200 * MS)).isEmpty();
        assertThat(reads.delivered("bob@c1", 3, T + 300 * MS))
                .as("below the waiting 5")
                .isEmpty();
        assertThat(reads.due(T + 999 * MS)).isEmpty();
        assertThat(reads.due(T + SECOND)).containsExactly(new Read<>("bob@c1", 5));
        assertThat(reads.due(T + 3 * SECOND)).as("read once").isEmpty();
    }

    @Test
    void aDeliveryAfterAQuietSecondIsReadAtOnce() {
        reads.delivered("bob@c1", 1, T);

        assertThat(reads.delivered("bob@c1", 2, T + SECOND)).hasValue(2);
        assertThat(reads.delivered("bob@c1", 3, T + SECOND + MS)).isEmpty();
        assertThat(reads.due(T + 2 * SECOND)).containsExactly(new Read<>("bob@c1", 3));
    }

    @Test
    void theNextSecondCountsFromTheDeferredReadNotFromTheDelivery() {
        reads.delivered("bob@c1", 1, T);
        reads.delivered("bob@c1", 2, T + 500 * MS);
        assertThat(reads.due(T + 1_100 * MS)).containsExactly(new Read<>("bob@c1", 2));

        assertThat(reads.delivered("bob@c1", 3, T + 1_500 * MS)).isEmpty();
        assertThat(reads.due(T + 2_000 * MS)).isEmpty();
        assertThat(reads.due(T + 2_100 * MS)).containsExactly(new Read<>("bob@c1", 3));
    }

    @Test
    void aSeqAtOrBelowTheReadPositionSendsNothing() {
        reads.delivered("bob@c1", 7, T);

        assertThat(reads.delivered("bob@c1", 7, T + 2 * SECOND)).isEmpty();
        assertThat(reads.delivered("bob@c1", 6, T + 2 * SECOND)).isEmpty();
        assertThat(reads.due(T + 5 * SECOND)).isEmpty();
    }

    @Test
    void eachRecipientConversationIsThrottledOnItsOwnAndDueReadsComeInTimeOrder() {
        reads.delivered("bob@c1", 1, T);
        reads.delivered("carol@c1", 1, T + 300 * MS);
        reads.delivered("bob@c2", 1, T + 600 * MS);

        reads.delivered("bob@c2", 2, T + 700 * MS);
        reads.delivered("carol@c1", 2, T + 800 * MS);
        reads.delivered("bob@c1", 2, T + 900 * MS);

        assertThat(reads.due(T + 1_300 * MS)).containsExactly(new Read<>("bob@c1", 2), new Read<>("carol@c1", 2));
        assertThat(reads.due(T + 1_600 * MS)).containsExactly(new Read<>("bob@c2", 2));
    }
}
