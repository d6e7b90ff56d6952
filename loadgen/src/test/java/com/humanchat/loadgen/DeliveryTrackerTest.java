package com.humanchat.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.humanchat.loadgen.DeliveryTracker.DeliveryStats;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryTrackerTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;
    private static final long MEASURE_FROM = 10 * SECOND;
    private static final long T = 20 * SECOND;

    private final DeliveryTracker tracker = new DeliveryTracker(MEASURE_FROM, 30 * SECOND);

    @Test
    void latencyRunsFromTheIntendedTimeNotTheIssueTime() {
        // Intended at T, issued 5 ms late, delivered at T + 20 ms: the late issue is part of the latency.
        tracker.sent("m1", 1, T, T + 5 * MS);
        tracker.acked("m1", T + 8 * MS);
        tracker.delivered("c1", "bob", 1, "m1", T + 20 * MS);

        DeliveryStats stats = tracker.stats();
        assertThat(stats.deliveryLatency().count()).isEqualTo(1);
        assertThat(stats.deliveryLatency().max()).isCloseTo(20.0, within(0.05));
        assertThat(stats.ackLatency().max()).isCloseTo(8.0, within(0.05));
        assertThat(stats.schedulerLag().max()).isCloseTo(5.0, within(0.05));
        assertThat(stats.attempted()).isEqualTo(1);
        assertThat(stats.acked()).isEqualTo(1);
        assertThat(stats.delivered()).isEqualTo(1);
        assertThat(stats.lost()).isZero();
        assertThat(stats.unacked()).isZero();
        assertThat(tracker.inFlight()).isZero();
    }

    @Test
    void aSendNeverDeliveredIsLostAndOneNeverAckedIsUnacked() {
        tracker.sent("m1", 1, T, T);
        tracker.sent("m2", 1, T + MS, T + MS);
        tracker.sent("m3", 1, T + 2 * MS, T + 2 * MS);
        tracker.acked("m1", T + 3 * MS);
        tracker.acked("m2", T + 3 * MS);
        tracker.delivered("c1", "bob", 1, "m1", T + 4 * MS);
        tracker.delivered("c1", "bob", 2, "m3", T + 4 * MS);

        DeliveryStats stats = tracker.stats();
        assertThat(stats.attempted()).isEqualTo(3);
        assertThat(stats.delivered()).isEqualTo(2);
        assertThat(stats.lost()).isEqualTo(1);
        assertThat(stats.acked()).isEqualTo(2);
        assertThat(stats.unacked()).isEqualTo(1);
        assertThat(tracker.inFlight())
                .as("m2 awaits delivery, m3 awaits its ack")
                .isEqualTo(2);
    }

    @Test
    void theSameSeqDeliveredTwiceToOneRecipientIsADuplicateAndCountsOnce() {
        tracker.sent("m1", 1, T, T);
        tracker.delivered("c1", "bob", 7, "m1", T + MS);
        tracker.delivered("c1", "bob", 7, "m1", T + 2 * MS);

        DeliveryStats stats = tracker.stats();
        assertThat(stats.duplicates()).isEqualTo(1);
        assertThat(stats.delivered()).isEqualTo(1);
        assertThat(stats.deliveryLatency().count()).isEqualTo(1);
        assertThat(stats.unmatchedDeliveries()).isZero();
        assertThat(stats.outOfOrder()).isZero();
    }

    @Test
    void equalSeqsInDifferentConversationsOrForDifferentRecipientsAreNotDuplicates() {
        tracker.sent("m1", 1, T, T);
        tracker.sent("m2", 1, T, T);
        tracker.sent("m3", 1, T, T);
        tracker.delivered("c1", "bob", 1, "m1", T + MS);
        tracker.delivered("c2", "bob", 1, "m2", T + MS);
        tracker.delivered("c1", "alice", 1, "m3", T + MS);

        DeliveryStats stats = tracker.stats();
        assertThat(stats.duplicates()).isZero();
        assertThat(stats.outOfOrder()).isZero();
        assertThat(stats.delivered()).isEqualTo(3);
    }

    @Test
    void aSeqBelowTheHighestSeenIsOutOfOrderPerConversation() {
        for (int i = 1; i <= 5; i++) {
            tracker.sent("m" + i, 1, T, T);
        }
        tracker.delivered("c1", "bob", 1, "m1", T + MS);
        tracker.delivered("c1", "bob", 3, "m3", T + MS);
        tracker.delivered("c1", "bob", 2, "m2", T + MS);
        tracker.delivered("c2", "bob", 9, "m4", T + MS);
        tracker.delivered("c2", "bob", 10, "m5", T + MS);

        DeliveryStats stats = tracker.stats();
        assertThat(stats.outOfOrder()).isEqualTo(1);
        assertThat(stats.conversationsOutOfOrder()).isEqualTo(1);
        assertThat(stats.duplicates()).isZero();
        assertThat(stats.delivered()).isEqualTo(5);
        assertThat(stats.lost()).isZero();
    }

    @Test
    void gapsFromTheOtherDirectionAreNeitherDuplicatesNorOutOfOrder() {
        // Both users share one seq space: bob sees 1, 3, 6 because alice's own sends took 2, 4, 5.
        tracker.sent("m1", 1, T, T);
        tracker.sent("m3", 1, T, T);
        tracker.sent("m6", 1, T, T);
        tracker.delivered("c1", "bob", 1, "m1", T + MS);
        tracker.delivered("c1", "bob", 3, "m3", T + MS);
        tracker.delivered("c1", "bob", 6, "m6", T + MS);

        assertThat(tracker.stats().outOfOrder()).isZero();
        assertThat(tracker.stats().duplicates()).isZero();
    }

    @Test
    void warmUpSendsAreTrackedButNotMeasured() {
        tracker.sent("w1", 1, MEASURE_FROM - MS, MEASURE_FROM - MS);
        tracker.sent("w2", 1, MEASURE_FROM, MEASURE_FROM);
        tracker.sent("m1", 1, MEASURE_FROM + 1, MEASURE_FROM + 1);
        tracker.acked("w1", MEASURE_FROM + 500 * MS);
        tracker.delivered("c1", "bob", 1, "w1", MEASURE_FROM + 900 * MS);
        tracker.acked("m1", MEASURE_FROM + 1 + MS);
        tracker.delivered("c1", "bob", 2, "m1", MEASURE_FROM + 1 + 2 * MS);

        DeliveryStats stats = tracker.stats();
        assertThat(stats.warmupSends())
                .as("the send intended at the boundary is warm-up")
                .isEqualTo(2);
        assertThat(stats.warmupLost()).isEqualTo(1);
        assertThat(stats.attempted()).isEqualTo(1);
        assertThat(stats.delivered()).isEqualTo(1);
        assertThat(stats.acked()).isEqualTo(1);
        assertThat(stats.lost()).isZero();
        assertThat(stats.deliveryLatency().count()).isEqualTo(1);
        assertThat(stats.deliveryLatency().max()).isCloseTo(2.0, within(0.01));
        assertThat(stats.ackLatency().max()).isCloseTo(1.0, within(0.01));
    }

    @Test
    void aDeliveryBeforeItsAckStillRecordsBothAndThenLeavesTheMap() {
        tracker.sent("m1", 1, T, T);
        tracker.delivered("c1", "bob", 1, "m1", T + 3 * MS);
        assertThat(tracker.inFlight()).isEqualTo(1);
        tracker.acked("m1", T + 4 * MS);

        assertThat(tracker.inFlight()).isZero();
        assertThat(tracker.stats().ackLatency().max()).isCloseTo(4.0, within(0.01));
        assertThat(tracker.stats().deliveryLatency().max()).isCloseTo(3.0, within(0.01));
    }

    @Test
    void sendsOlderThanTheTimeoutExpireAsLostAndALateArrivalIsUnmatched() {
        tracker.sent("old", 1, T, T);
        tracker.sent("young", 1, T + 20 * SECOND, T + 20 * SECOND);
        tracker.acked("old", T + MS);

        assertThat(tracker.expire(T + 30 * SECOND)).isZero();
        assertThat(tracker.expire(T + 31 * SECOND)).isEqualTo(1);
        assertThat(tracker.inFlight()).isEqualTo(1);
        tracker.delivered("c1", "bob", 1, "old", T + 32 * SECOND);

        DeliveryStats stats = tracker.stats();
        assertThat(stats.timedOut()).isEqualTo(1);
        assertThat(stats.lost())
                .as("the expired one and the undelivered young one")
                .isEqualTo(2);
        assertThat(stats.unacked()).as("only the young one").isEqualTo(1);
        assertThat(stats.unmatchedDeliveries()).isEqualTo(1);
        assertThat(stats.delivered()).isZero();
    }

    @Test
    void anErrorFrameNamingASendSettlesItAsRejectedNotLost() {
        tracker.sent("m1", 1, T, T);
        tracker.sent("m2", 1, T, T);
        tracker.error("rate_limited", "m1");
        tracker.error("rate_limited", null);
        tracker.error(null, null);

        DeliveryStats stats = tracker.stats();
        assertThat(stats.rejected()).isEqualTo(1);
        assertThat(stats.lost()).isEqualTo(1);
        assertThat(stats.errorsByCode()).isEqualTo(Map.of("rate_limited", 2L, "unknown", 1L));
    }

    @Test
    void aFailedWriteIsNotCountedAsTheServersLoss() {
        tracker.sent("m1", 1, T, T);
        tracker.writeFailed("m1");

        DeliveryStats stats = tracker.stats();
        assertThat(stats.writeFailures()).isEqualTo(1);
        assertThat(stats.lost()).isZero();
        assertThat(tracker.inFlight()).isZero();
    }

    @Test
    void sendsSkippedForAClosedSocketAreCountedInTheMeasuredWindowOnlyAndNeverLost() {
        tracker.skipped(MEASURE_FROM);
        tracker.skipped(T);
        tracker.skipped(T + MS);

        DeliveryStats stats = tracker.stats();
        assertThat(stats.skippedClosedSocket()).isEqualTo(2);
        assertThat(stats.attempted()).isZero();
        assertThat(stats.lost()).isZero();
        assertThat(tracker.inFlight()).isZero();
    }

    @Test
    void unknownAndRepeatedAcksAreCountedApart() {
        tracker.sent("m1", 1, T, T);
        tracker.acked("m1", T + MS);
        tracker.acked("m1", T + 2 * MS);
        tracker.acked("nobody", T + 2 * MS);
        tracker.delivered("c1", "bob", 1, "stranger", T + 2 * MS);

        DeliveryStats stats = tracker.stats();
        assertThat(stats.acked()).isEqualTo(1);
        assertThat(stats.duplicateAcks()).isEqualTo(1);
        assertThat(stats.unmatchedAcks()).isEqualTo(1);
        assertThat(stats.unmatchedDeliveries()).isEqualTo(1);
    }

    @Test
    void aGroupSendExpectsOneDeliveryPerRecipientEachWithItsOwnLatency() {
        tracker.sent("g1", 3, T, T);
        tracker.acked("g1", T + MS);
        tracker.delivered("g", "bob", 1, "g1", T + 5 * MS);
        tracker.delivered("g", "carol", 1, "g1", T + 10 * MS);

        DeliveryStats partly = tracker.stats();
        assertThat(partly.attempted()).isEqualTo(1);
        assertThat(partly.expectedDeliveries()).isEqualTo(3);
        assertThat(partly.delivered()).isEqualTo(2);
        assertThat(partly.lost()).as("dave's delivery is still missing").isEqualTo(1);
        assertThat(tracker.inFlight()).isEqualTo(1);

        tracker.delivered("g", "dave", 1, "g1", T + 20 * MS);

        DeliveryStats stats = tracker.stats();
        assertThat(stats.delivered()).isEqualTo(3);
        assertThat(stats.lost()).isZero();
        assertThat(stats.deliveryLatency().count()).isEqualTo(3);
        assertThat(stats.deliveryLatency().max()).isCloseTo(20.0, within(0.05));
        assertThat(stats.ackLatency().count()).isEqualTo(1);
        assertThat(tracker.inFlight()).isZero();
    }

    @Test
    void aGroupSendStaysInFlightUntilItsLastRecipientAndMoreDeliveriesAreUnmatched() {
        tracker.sent("g1", 2, T, T);
        tracker.delivered("g", "bob", 1, "g1", T + MS);
        tracker.delivered("g", "carol", 1, "g1", T + MS);
        assertThat(tracker.inFlight()).as("delivered to all, not yet acked").isEqualTo(1);
        tracker.acked("g1", T + 2 * MS);
        assertThat(tracker.inFlight()).isZero();

        tracker.sent("g2", 2, T, T);
        tracker.delivered("g", "bob", 2, "g2", T + MS);
        tracker.delivered("g", "carol", 2, "g2", T + MS);
        tracker.delivered("g", "dave", 2, "g2", T + MS);

        DeliveryStats stats = tracker.stats();
        assertThat(stats.delivered()).isEqualTo(4);
        assertThat(stats.unmatchedDeliveries())
                .as("a third recipient of a two-recipient send")
                .isEqualTo(1);
    }

    @Test
    void aGroupSendThatTimesOutLosesEachMissingDelivery() {
        tracker.sent("w1", 4, MEASURE_FROM, MEASURE_FROM);
        tracker.sent("g1", 4, T, T);
        tracker.delivered("g", "bob", 1, "g1", T + MS);

        assertThat(tracker.expire(T + 31 * SECOND)).isEqualTo(2);

        DeliveryStats stats = tracker.stats();
        assertThat(stats.expectedDeliveries()).as("measured sends only").isEqualTo(4);
        assertThat(stats.delivered()).isEqualTo(1);
        assertThat(stats.timedOut()).isEqualTo(3);
        assertThat(stats.lost()).isEqualTo(3);
        assertThat(stats.unacked()).isEqualTo(1);
        assertThat(stats.warmupLost()).isEqualTo(4);
    }

    @Test
    void aSendWithoutRecipientsIsRefused() {
        assertThatThrownBy(() -> tracker.sent("m1", 0, T, T)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tracksThePeakInFlight() {
        tracker.sent("m1", 1, T, T);
        tracker.sent("m2", 1, T, T);
        tracker.sent("m3", 1, T, T);
        tracker.writeFailed("m1");
        tracker.writeFailed("m2");

        assertThat(tracker.stats().peakInFlight()).isEqualTo(3);
        assertThat(tracker.inFlight()).isEqualTo(1);
    }
}
