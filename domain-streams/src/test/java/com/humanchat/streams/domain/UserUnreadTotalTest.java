package com.humanchat.streams.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserUnreadTotalTest {

    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();

    @Test
    void sumsTheCountsOfAllConversations() {
        UserUnreadTotal.Applied a = UserUnreadTotal.EMPTY.apply(first, UnreadPosition.ZERO, new UnreadPosition(3, 1));
        UserUnreadTotal.Applied b = a.total().apply(second, UnreadPosition.ZERO, new UnreadPosition(4, 0));

        assertThat(b.total().total()).isEqualTo(6);
        assertThat(b.position().unread()).isEqualTo(4);
    }

    @Test
    void adjustsTheTotalByNewMinusOld() {
        UserUnreadTotal.Applied a = UserUnreadTotal.EMPTY.apply(first, UnreadPosition.ZERO, new UnreadPosition(3, 0));
        UserUnreadTotal.Applied b = a.total().apply(second, UnreadPosition.ZERO, new UnreadPosition(2, 0));

        UserUnreadTotal.Applied read = b.total().apply(first, a.position(), new UnreadPosition(3, 3));

        assertThat(read.total().total()).isEqualTo(2);
        assertThat(read.position()).isEqualTo(new UnreadPosition(3, 3));
    }

    @Test
    void duplicateChangesNothing() {
        UserUnreadTotal.Applied a = UserUnreadTotal.EMPTY.apply(first, UnreadPosition.ZERO, new UnreadPosition(3, 1));

        UserUnreadTotal.Applied again = a.total().apply(first, a.position(), new UnreadPosition(3, 1));

        assertThat(again).isEqualTo(a);
    }

    @Test
    void olderPositionArrivingLateChangesNothing() {
        UserUnreadTotal.Applied a = UserUnreadTotal.EMPTY.apply(first, UnreadPosition.ZERO, new UnreadPosition(5, 4));

        UserUnreadTotal.Applied late = a.total().apply(first, a.position(), new UnreadPosition(4, 0));

        assertThat(late.total().total()).isEqualTo(1);
        assertThat(late.position()).isEqualTo(new UnreadPosition(5, 4));
    }

    @Test
    void aLostPositionWriteIsNotCountedTwice() {
        UserUnreadTotal.Applied a = UserUnreadTotal.EMPTY.apply(first, UnreadPosition.ZERO, new UnreadPosition(2, 0));
        UserUnreadTotal.Applied b = a.total().apply(first, a.position(), new UnreadPosition(3, 0));
        // crash: the total of b was stored, the position of b was not; the event is processed again
        UserUnreadTotal.Applied replayed = b.total().apply(first, a.position(), new UnreadPosition(3, 0));

        assertThat(replayed.total().total()).isEqualTo(3);
        assertThat(replayed.position()).isEqualTo(new UnreadPosition(3, 0));
    }

    @Test
    void totalIsNeverNegative() {
        UserUnreadTotal inconsistent = new UserUnreadTotal(0, null, UnreadPosition.ZERO);

        UserUnreadTotal.Applied applied = inconsistent.apply(first, new UnreadPosition(5, 0), new UnreadPosition(5, 5));

        assertThat(applied.total().total()).isZero();
    }
}
