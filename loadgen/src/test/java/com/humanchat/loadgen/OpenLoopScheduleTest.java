package com.humanchat.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {

    private static final long START = 5_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;

    @Test
    void dueSendsAreRateTimesElapsed() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(START, 2000, 1_000_000);

        assertThat(schedule.dueBy(START - 1)).isZero();
        assertThat(schedule.dueBy(START)).isZero();
        assertThat(schedule.dueBy(START + MS / 2 - 1)).isZero();
        assertThat(schedule.dueBy(START + MS / 2)).isEqualTo(1);
        assertThat(schedule.dueBy(START + MS)).isEqualTo(2);
        assertThat(schedule.dueBy(START + SECOND)).isEqualTo(2000);
        assertThat(schedule.dueBy(START + 7 * SECOND + 250 * MS)).isEqualTo(14_500);
    }

    @Test
    void aSendIsDueExactlyFromItsIntendedTimeEvenWhenThePeriodIsNotWholeNanoseconds() {
        for (double rate : new double[] {3, 7, 3333.3, 1e9 / 3}) {
            OpenLoopSchedule schedule = new OpenLoopSchedule(START, rate, 1_000_000);
            for (long k = 0; k < 5_000; k++) {
                long intended = schedule.intendedNanos(k);
                assertThat(schedule.dueBy(intended))
                        .as("rate %s, send %d", rate, k)
                        .isGreaterThanOrEqualTo(k + 1);
                assertThat(schedule.dueBy(intended - 1))
                        .as("rate %s, send %d", rate, k)
                        .isLessThanOrEqualTo(k);
            }
        }
    }

    @Test
    void neverIssuesMoreThanTheTotal() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(START, 1000, 5000);

        assertThat(schedule.dueBy(START + 4 * SECOND)).isEqualTo(4000);
        assertThat(schedule.dueBy(START + 5 * SECOND)).isEqualTo(5000);
        assertThat(schedule.dueBy(START + 60 * SECOND)).isEqualTo(5000);
        assertThat(schedule.endNanos()).isEqualTo(START + 5 * SECOND);
    }

    @Test
    void fractionalRatesSpaceSendsByTheirPeriod() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(START, 0.5, 10);

        assertThat(schedule.dueBy(START + 2 * SECOND - 1)).isZero();
        assertThat(schedule.dueBy(START + 2 * SECOND)).isEqualTo(1);
        assertThat(schedule.dueBy(START + 5 * SECOND)).isEqualTo(2);
        assertThat(schedule.intendedNanos(0)).isEqualTo(START + 2 * SECOND);
        assertThat(schedule.intendedNanos(3)).isEqualTo(START + 8 * SECOND);
    }

    @Test
    void irregularTicksIssueEverySendOnceAtOrAfterItsIntendedTimeWithoutDrift() {
        double rate = 3333.3;
        long total = OpenLoopSchedule.sendsFor(rate, 10);
        OpenLoopSchedule schedule = new OpenLoopSchedule(START, rate, total);
        Random random = new Random(42);
        long issued = 0;
        long previousTick = START;
        long now = START;
        while (now < START + 11 * SECOND) {
            now += random.nextInt(3) == 0 ? random.nextInt(40) * MS : random.nextInt(2 * (int) MS);
            long due = schedule.dueBy(now);
            assertThat(due).isGreaterThanOrEqualTo(issued);
            for (long k = issued; k < due; k++) {
                assertThat(schedule.intendedNanos(k)).isLessThanOrEqualTo(now);
                // Issued at the first tick at or after its intended time, not earlier and not a tick later.
                assertThat(schedule.intendedNanos(k)).isGreaterThan(previousTick);
            }
            issued = due;
            previousTick = now;
            long elapsed = now - START;
            long expected = Math.min(total, (long) Math.floor(elapsed * rate / SECOND));
            assertThat(Math.abs(issued - expected))
                    .as("drift at %d ns", elapsed)
                    .isLessThanOrEqualTo(1);
        }
        assertThat(issued).isEqualTo(total).isEqualTo(33_333);
    }

    @Test
    void aLateTickSendsTheBacklogWithTheOriginalIntendedTimes() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(START, 2000, 100_000);

        assertThat(schedule.dueBy(START + MS)).isEqualTo(2);
        // The generator stalls for 100 ms: the next tick owes 198 more sends, intended 0.5 ms apart.
        long due = schedule.dueBy(START + 101 * MS);
        assertThat(due).isEqualTo(202);
        assertThat(schedule.intendedNanos(2)).isEqualTo(START + 3 * MS / 2);
        assertThat(schedule.intendedNanos(201)).isEqualTo(START + 101 * MS);
        for (long k = 1; k < due; k++) {
            assertThat(schedule.intendedNanos(k) - schedule.intendedNanos(k - 1))
                    .isEqualTo(MS / 2);
        }
    }

    @Test
    void sendsForRoundsRateTimesSeconds() {
        assertThat(OpenLoopSchedule.sendsFor(2000, 40)).isEqualTo(80_000);
        assertThat(OpenLoopSchedule.sendsFor(0.5, 3)).isEqualTo(2);
    }

    @Test
    void rejectsANonPositiveRate() {
        assertThatThrownBy(() -> new OpenLoopSchedule(START, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpenLoopSchedule(START, Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
