package com.humanchat.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.humanchat.loadgen.SignalTracker.Kind;
import com.humanchat.loadgen.SignalTracker.KindStats;
import com.humanchat.loadgen.SignalTracker.Pending;
import com.humanchat.loadgen.SignalTracker.SignalStats;
import org.junit.jupiter.api.Test;

class SignalTrackerTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;
    private static final long MEASURE_FROM = 10 * SECOND;
    private static final long T = 20 * SECOND;

    private final SignalTracker tracker = new SignalTracker(2, MEASURE_FROM, 5 * SECOND);

    @Test
    void eachKindAlternatesItsValuePerPairStartingWithTrue() {
        assertThat(tracker.sent(0, Kind.TYPING, T, T).value()).isTrue();
        assertThat(tracker.sent(0, Kind.TYPING, T + MS, T + MS).value()).isFalse();
        assertThat(tracker.sent(0, Kind.PRESENCE, T + 2 * MS, T + 2 * MS).value())
                .as("presence alternates on its own")
                .isTrue();
        assertThat(tracker.sent(1, Kind.TYPING, T + 3 * MS, T + 3 * MS).value())
                .as("and so does every pair")
                .isTrue();
        assertThat(tracker.sent(0, Kind.TYPING, T + 4 * MS, T + 4 * MS).value()).isTrue();
    }

    @Test
    void latencyRunsFromTheIntendedTimeAndFramesMatchOldestFirst() {
        tracker.sent(0, Kind.TYPING, T, T + 5 * MS);
        tracker.sent(0, Kind.TYPING, T + 500 * MS, T + 500 * MS);

        tracker.received(0, Kind.TYPING, true, T + 20 * MS);
        tracker.received(0, Kind.TYPING, false, T + 503 * MS);

        SignalStats stats = tracker.stats();
        KindStats typing = stats.typing();
        assertThat(typing.sent()).isEqualTo(2);
        assertThat(typing.received()).isEqualTo(2);
        assertThat(typing.dropped()).isZero();
        assertThat(typing.latencyMs().max()).isCloseTo(20.0, within(0.05));
        assertThat(typing.latencyMs().p50()).isCloseTo(3.0, within(0.05));
        assertThat(stats.schedulerLag().max()).isCloseTo(5.0, within(0.05));
        assertThat(stats.presence().sent()).isZero();
        assertThat(tracker.pending()).isZero();
    }

    @Test
    void aFrameCarryingTheNextValueShowsTheOldestSendWasDropped() {
        tracker.sent(0, Kind.TYPING, T, T); // true: dropped by the edge
        tracker.sent(0, Kind.TYPING, T + 500 * MS, T + 500 * MS); // false
        tracker.sent(0, Kind.TYPING, T + SECOND, T + SECOND); // true

        tracker.received(0, Kind.TYPING, false, T + 510 * MS);
        tracker.received(0, Kind.TYPING, true, T + SECOND + 10 * MS);

        KindStats typing = tracker.stats().typing();
        assertThat(typing.received()).isEqualTo(2);
        assertThat(typing.overtaken()).isEqualTo(1);
        assertThat(typing.neverArrived()).isZero();
        assertThat(typing.dropped()).isEqualTo(1);
        assertThat(typing.latencyMs().max())
                .as("the frame was matched to its own send, not to the dropped one")
                .isCloseTo(10.0, within(0.05));
        assertThat(typing.unexpectedFrames()).isZero();
    }

    @Test
    void aMismatchWithNothingBehindItIsAStrayFrameNotADrop() {
        tracker.sent(1, Kind.PRESENCE, T, T); // away

        tracker.received(1, Kind.PRESENCE, false, T + MS); // "online" again, e.g. a republished status
        tracker.received(1, Kind.PRESENCE, null, T + MS); // "busy": no send carries it
        tracker.received(1, Kind.TYPING, true, T + MS); // nothing pending for typing at all
        tracker.received(1, Kind.PRESENCE, true, T + 30 * MS);

        SignalStats stats = tracker.stats();
        assertThat(stats.presence().received()).isEqualTo(1);
        assertThat(stats.presence().dropped()).isZero();
        assertThat(stats.presence().unexpectedFrames()).isEqualTo(2);
        assertThat(stats.presence().latencyMs().max()).isCloseTo(30.0, within(0.05));
        assertThat(stats.typing().unexpectedFrames()).isEqualTo(1);
    }

    @Test
    void sendsThatNeverArriveExpireAfterTheTimeoutOrCountAtTheEnd() {
        tracker.sent(0, Kind.TYPING, T, T);
        tracker.sent(1, Kind.PRESENCE, T + 4 * SECOND, T + 4 * SECOND);

        assertThat(tracker.expire(T + 5 * SECOND))
                .as("not older than the timeout yet")
                .isZero();
        assertThat(tracker.expire(T + 5 * SECOND + 1)).isEqualTo(1);
        assertThat(tracker.pending()).isEqualTo(1);

        SignalStats stats = tracker.stats();
        assertThat(stats.typing().neverArrived()).isEqualTo(1);
        assertThat(stats.presence().neverArrived())
                .as("still pending at the end")
                .isEqualTo(1);
        assertThat(stats.typing().dropped() + stats.presence().dropped()).isEqualTo(2);
    }

    @Test
    void aFailedWriteIsNeitherWaitedForNorDropped() {
        tracker.sent(0, Kind.TYPING, T, T); // true
        Pending failed = tracker.sent(0, Kind.TYPING, T + MS, T + MS); // false, never written
        tracker.sent(0, Kind.TYPING, T + 2 * MS, T + 2 * MS); // true
        tracker.writeFailed(0, Kind.TYPING, failed);

        tracker.received(0, Kind.TYPING, true, T + 10 * MS);
        tracker.received(0, Kind.TYPING, true, T + 12 * MS);

        KindStats typing = tracker.stats().typing();
        assertThat(typing.sent()).isEqualTo(3);
        assertThat(typing.writeFailures()).isEqualTo(1);
        assertThat(typing.received()).isEqualTo(2);
        assertThat(typing.dropped()).isZero();
        assertThat(typing.unexpectedFrames()).isZero();
    }

    @Test
    void warmUpSendsAreMatchedButNotMeasured() {
        tracker.sent(0, Kind.TYPING, MEASURE_FROM, MEASURE_FROM);
        tracker.sent(0, Kind.TYPING, MEASURE_FROM + MS, MEASURE_FROM + MS);
        tracker.skipped(MEASURE_FROM);
        tracker.skipped(MEASURE_FROM + MS);

        tracker.received(0, Kind.TYPING, true, MEASURE_FROM + 2 * MS);
        tracker.received(0, Kind.TYPING, false, MEASURE_FROM + 3 * MS);

        SignalStats stats = tracker.stats();
        assertThat(stats.warmupSent()).isEqualTo(1);
        assertThat(stats.warmupReceived()).isEqualTo(1);
        assertThat(stats.typing().sent()).isEqualTo(1);
        assertThat(stats.typing().received()).isEqualTo(1);
        assertThat(stats.typing().latencyMs().count()).isEqualTo(1);
        assertThat(stats.skippedClosedSocket()).isEqualTo(1);
        assertThat(stats.peakPending()).isEqualTo(2);
    }
}
